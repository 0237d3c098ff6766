"""The classified table as a CSV a spreadsheet opens cleanly, in either language."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable

import pandas as pd

from kpi_core.classify import Classification, MetricVerdict
from kpi_core.i18n import t
from kpi_core.labels import channel_label, metric_label, placement_label, unit_label

# A cell starting with one of these runs as a formula in Excel, Sheets and LibreOffice.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_text(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula (OWASP CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(value: float | None, lang: str) -> str:
    if value is None or not math.isfinite(float(value)):
        return ""
    number = float(value)
    if number.is_integer():
        text = str(int(number))
    else:
        # Four significant digits, never fewer than two decimals: 0.09003, 1.236, 212978.23 (a
        # spreadsheet needs no 0.09003334568358651, and the page shows less).
        decimals = max(2, 3 - math.floor(math.log10(abs(number))))
        text = f"{number:.{decimals}f}".rstrip("0").rstrip(".")
    # Indonesian Excel reads a decimal comma; no thousands separator keeps it a number.
    return text.replace(".", ",") if lang == "id" else text


def table_csv(table: pd.DataFrame, lang: str = "en") -> bytes:
    """Any table as the same spreadsheet-safe CSV: text neutralised, numbers in the language."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "id" else ",", lineterminator="\r\n")
    writer.writerow([safe_text(str(c)) for c in table.columns])
    for row in table.itertuples(index=False):
        writer.writerow(
            [
                ""
                if cell is None or (isinstance(cell, float) and cell != cell)
                else _number(float(cell), lang)
                if isinstance(cell, int | float) and not isinstance(cell, bool)
                else safe_text(str(cell))
                for cell in row
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def verdicts_csv(
    result: Classification, lang: str = "en", metrics: Iterable[MetricVerdict] | None = None
) -> bytes:
    """Every verdict (or the `metrics` given) as CSV: UTF-8 with BOM; `;` and decimal commas
    for Bahasa Indonesia; flags and the names of derived rates in the language."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "id" else ",", lineterminator="\r\n")
    writer.writerow(
        [
            t("verdicts.col_verdict", lang),
            t("verdicts.col_metric", lang),
            t("csv.column", lang),
            t("csv.channel", lang),
            t("verdicts.col_placement", lang),
            t("verdicts.col_stage", lang),
            t("verdicts.col_value", lang),
            t("csv.unit", lang),
            t("csv.basis", lang),
            t("verdicts.col_reason", lang),
            t("verdicts.col_flags", lang),
            t("csv.overridden", lang),
        ]
    )
    for m in result.metrics if metrics is None else metrics:
        # A column the app could not match is no verdict on the client's metric: the sheet says
        # so, as the page does (the JSON keeps the classification's own verdict).
        unmatched = m.metric is None and not m.overridden
        text_cells = [
            # The page's badge and funnel words ('Supporting', 'Conversion'), not the
            # reasons' ('a supporting metric', 'conversion').
            t("badge.unknown" if unmatched else f"badge.{m.verdict.value}", lang),
            metric_label(m.metric, lang, m.source_name),
            # A rate KPI Lens derived has no column in the file: its name, in the language.
            metric_label(m.metric, lang, m.source_name) if m.derived else m.source_name,
            channel_label(m.channel, lang),
            placement_label(m.placement, lang),
            t(f"funnel.stage.{m.stage.value}", lang) if m.stage else "",
        ]
        writer.writerow(
            [safe_text(c) for c in text_cells]
            + [
                _number(m.value, lang),
                unit_label(m.unit, lang),
                t(f"valuebasis.{m.value_basis}", lang),
                safe_text(m.reason),
                safe_text(", ".join(t(f"flagname.{f}", lang) for f in m.flags)),
                t("csv.yes" if m.overridden else "csv.no", lang),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
