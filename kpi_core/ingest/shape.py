"""Turn one raw table into tidy rows (`date, channel, placement, metric, value, ...`).

Per-row text (channels, metric names, campaigns) is handled as codes into its distinct values,
so the cost of a rule grows with the number of distinct labels, not with the rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from kpi_core import catalogue
from kpi_core.ingest.codes import (
    Piece,
    filled_rows,
    map_labels,
    match_rows,
    recode,
    stack,
)
from kpi_core.ingest.columns import Column, Plan, plan_columns
from kpi_core.ingest.context import Context, Shaped
from kpi_core.ingest.dating import row_dates
from kpi_core.ingest.layouts import Layout
from kpi_core.ingest.numbers import ParsedNumbers, infer_number_format, parse_numbers
from kpi_core.ingest.origin import row_channels, row_placements, text_labels
from kpi_core.ingest.table import Table
from kpi_core.ingest.units import ID_SIGNALS, PLAIN_UNITS, RATIOS, Units, as_fraction, file_currency
from kpi_core.models import (
    ColumnReading,
    Severity,
)

# Tested by pyarrow (RE2) on each distinct stripped label.
_TOTAL_ROW = r"(?i)^(total|totals|grand total|jumlah|total keseluruhan|semua)\s*(:.*)?$"
# `Results` means what `Result type` says; its cost follows the same meaning.
_COST_OF = {"leads": "cpl", "qualified_leads": "cpl", "link_clicks": "cpc_link", "clicks": "cpc"}


# --- the table -------------------------------------------------------------------------------


def shape(table: Table, layout: Layout, ctx: Context) -> Shaped:
    """Tidy rows for one table: dates, channel, placement, metric and unit for every cell read."""
    corr = ctx.corrections
    body = table.body.reset_index(drop=True)
    plan = plan_columns(table.header, body, layout, corr)
    for i, col in enumerate(plan.columns):
        if col.role == "series_value":
            # The metric of a one-metric daily file is named by its title line.
            metric_id = _series_metric(_series_title(table, col))
            metric_id = layout.remap.get(metric_id or "", metric_id)
            plan.columns[i] = replace(col, metric=metric_id, score=1.0 if metric_id else None)
    out = Shaped(file=table.file, corrections=corr)
    out.problems.extend(table.problems)
    if table.skipped_description_rows:
        out.problem("description_rows", Severity.INFO, count=table.skipped_description_rows)
    n = len(body)
    filled = np.zeros(n, dtype=bool)
    for name in table.header:
        filled |= filled_rows(body[name])
    keep = filled.copy()

    # Rows that are not data: totals (`Total`, `Grand total`, `Total: Account`, `Semua`).
    labels = [
        c for c in plan.columns if c.role in ("date", "campaign", "post_id", "attribute", "channel")
    ]
    totals = np.zeros(n, dtype=bool)
    for col in labels[:3] + plan.columns[:1]:
        dtype = body[col.name].dtype
        if not (
            pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype)
        ):
            totals |= match_rows(body[col.name], _TOTAL_ROW)
    totals &= keep
    if totals.any() and layout.deduplicated_total:
        # The export's total counts each order once though its parts overlap (Shopee's
        # discount `Semua`): the total is the figure, its parts would overstate it.
        parts = keep & ~totals
        if parts.any():
            first = int(np.flatnonzero(parts)[0]) + table.first_row
            out.problem("overlapping_rows", Severity.INFO, row=first, count=int(parts.sum()))
        keep &= totals
    elif totals.any():
        out.problem("total_rows", Severity.INFO, count=int(totals.sum()))
        keep &= ~totals

    metric_cols = [
        c for c in plan.columns if c.role in ("metric", "unknown", "series_value", "value")
    ]
    if corr.number_format:
        fmt, basis = corr.number_format, "user"
    elif table.number_format:
        fmt, basis = table.number_format
    else:
        fmt, basis = infer_number_format(_samples(body, metric_cols), table.delimiter)
    out.number_format = fmt
    if table.textual or basis != "default":
        out.note("number_format", fmt, basis)
    if basis == "conflict":
        out.problem("number_format_conflict", detail=fmt)

    dates = row_dates(body, plan, table, layout, ctx, out, keep)
    channels = row_channels(body, plan, layout, table, ctx, out)
    placements = row_placements(body, plan, layout, ctx, out)
    campaign = text_labels(body, plan.first("campaign"))
    post_id = text_labels(body, plan.first("post_id"))
    row_currency = None
    if (currency_col := plan.first("currency")) is not None:
        row_currency = map_labels(
            body[currency_col.name],
            lambda s: s.upper() if re.fullmatch(r"[A-Za-z]{3}", s) else None,
        )
    signals_id = fmt == "id" or bool(ID_SIGNALS.search(" ".join(table.header)))
    units = Units(out, signals_id, file_currency(plan), row_currency)

    common = {
        "channel": channels,
        "placement": placements,
        "campaign": campaign,
        "post_id": post_id,
        "source": table.source,
    }
    duplicates = [c.name for c in plan.columns if c.role == "duplicate"]
    if duplicates:
        out.problem(
            "duplicate_columns", Severity.INFO, count=len(duplicates), examples=tuple(duplicates)
        )
    pieces: list[Piece] = []
    rows = _Rows(body, plan, table, fmt, keep, dates, common, out, units)
    if plan.first("metric_name") is not None and plan.first("value") is not None:
        pieces.append(_long_rows(rows))
    else:
        for col in plan.columns:
            if col.role in ("metric", "unknown", "series_value"):
                piece = _column_rows(rows, col)
                if piece is not None:
                    pieces.append(piece)
    out.columns.extend(_readings(plan))
    out.frame = stack(pieces, dates)
    out.rows_read = int(keep.sum())
    out.rows_skipped = int((filled & ~keep).sum())
    blank = int((~filled).sum())
    if blank and blank < n:
        out.problem("blank_rows", Severity.INFO, count=blank)
    return out


def _samples(body: pd.DataFrame, cols: list[Column], limit: int = 300) -> list[str]:
    out: list[str] = []
    for col in cols:
        values = body[col.name]
        if not pd.api.types.is_numeric_dtype(values.dtype):
            head = values.head(limit * 10).dropna().head(limit)
            out.extend(str(c) for c in head if isinstance(c, str))
    return out


def _report_bad(
    out: Shaped,
    table: Table,
    body: pd.DataFrame,
    name: str,
    parsed: ParsedNumbers,
    keep: np.ndarray,
) -> None:
    bad = parsed.bad.to_numpy() & keep
    if bad.any():
        examples = tuple(str(x) for x in body[name][bad].head(3))
        first = int(np.flatnonzero(bad)[0]) + table.first_row
        out.problem("bad_values", column=name, row=first, count=int(bad.sum()), examples=examples)
    masked = parsed.masked.to_numpy() & keep
    if masked.any():
        out.problem("masked_values", Severity.INFO, column=name, count=int(masked.sum()))


@dataclass(frozen=True)
class _Rows:
    """What every metric column of a table is read against: its rows, their dates and labels."""

    body: pd.DataFrame
    plan: Plan
    table: Table
    fmt: str
    keep: np.ndarray
    dates: np.ndarray
    common: dict[str, pd.Categorical | str | None]
    out: Shaped
    units: Units


def _column_rows(rows: _Rows, col: Column) -> Piece | None:
    """Tidy rows for one metric column of a wide table."""
    body, plan, table, fmt, keep = rows.body, rows.plan, rows.table, rows.fmt, rows.keep
    common, out, units = rows.common, rows.out, rows.units
    parsed = parse_numbers(body[col.name], fmt)
    _report_bad(out, table, body, col.name, parsed, keep)
    values = parsed.values.to_numpy(dtype="float64")
    if col.time_scale != 1.0 and not parsed.seconds:
        values = values * col.time_scale
    mask = keep & ~np.isnan(values)
    if not mask.any():
        return None
    metric_id, source = col.metric, col.name
    if col.role == "series_value":
        source = _series_title(table, col)
    metric: pd.Categorical | str | None = metric_id
    if metric_id in ("results", "cost_per_result"):
        metric = _result_metrics(body, plan, metric_id)
        if isinstance(metric, pd.Categorical):
            # `Results` repeats a column the export also has (Messaging conversations started):
            # keep the column, not its copy.
            own = {
                c.metric
                for c in plan.of("metric")
                if c.metric not in ("results", "cost_per_result")
            }
            copied = np.asarray(metric.isin(list(own)))
            if (copied & mask).any():
                out.note("results_copy", col.name, "own_column", col.name)
            mask &= ~copied
    unit = units.of(metric_id, col, parsed, source)
    values, rescaled = as_fraction(values, metric_id, parsed, unit)
    if rescaled:
        out.note("percent_units", col.name, "values_above_one", col.name)
    text = dict(common)
    if col.header.placement in ("organic", "paid"):
        text["placement"] = col.header.placement
    text.update(
        metric=metric, unit=units.per_row(unit, mask, source), source_name=source, file=table.file
    )
    return Piece(mask, values, text)


def _series_title(table: Table, col: Column) -> str:
    return table.preamble[0] if table.preamble else col.name


def _series_metric(title: str) -> str | None:
    words = [w for w in catalogue.normalize(title).split() if catalogue.match_channel(w) is None]
    return catalogue.match_metric(" ".join(words) or title).metric


def _result_metrics(body: pd.DataFrame, plan: Plan, which: str) -> pd.Categorical | str:
    col = plan.first("result_type")
    if col is None:
        return which

    def meaning(label: str) -> str:
        found = catalogue.match_metric(label).metric
        if which == "cost_per_result":
            return _COST_OF.get(found or "", "cost_per_result")
        return found or which

    return map_labels(body[col.name], meaning)


def _long_rows(rows: _Rows) -> Piece:
    """Tidy rows for a long table: the metric is named per row, mapped once per distinct name."""
    body, plan, table, fmt, keep = rows.body, rows.plan, rows.table, rows.fmt, rows.keep
    common, out, units = rows.common, rows.out, rows.units
    name_col, value_col = plan.first("metric_name"), plan.first("value")
    assert name_col is not None and value_col is not None
    names = map_labels(body[name_col.name], lambda s: s or None)
    parsed = parse_numbers(body[value_col.name], fmt)
    _report_bad(out, table, body, value_col.name, parsed, keep)
    values = parsed.values.to_numpy(dtype="float64")  # read-only: copied before rescaling
    metric_of: dict[str, str | None] = {}
    unit_of: dict[str, str] = {}
    placement_of: dict[str, str | None] = {}
    for name in names.categories:
        corrected, wanted = out.corrections.metric_for(name)
        match = catalogue.match_metric(name)
        header = catalogue.parse_header(name)
        metric_of[name] = wanted if corrected else match.metric
        unit_of[name] = units.of(metric_of[name], Column(name, header, "metric"), parsed, name)
        placement_of[name] = header.placement if header.placement in ("organic", "paid") else None
        role = "metric" if metric_of[name] else "unknown"
        suggestions = tuple(m for m, _ in match.suggestions)
        score = 1.0 if corrected else match.score
        out.columns.append(
            ColumnReading(
                name, role, metric_of[name], score, header.currency, placement_of[name], suggestions
            )
        )
        if unit_of[name] == "fraction" and metric_of[name] not in RATIOS and not parsed.percent:
            selected = np.asarray(names == name)
            if np.nanmax(np.abs(values[selected]), initial=0.0) > 1:
                values = np.where(selected, values / 100.0, values)
                out.note("percent_units", name, "values_above_one", name)
    mask = keep & ~np.isnan(values) & (names.codes >= 0)
    text = dict(common)
    text["metric"] = recode(names, metric_of)
    unit: Any = recode(names, dict(unit_of))
    if units.row_currency is not None:
        money = ~np.isin(np.asarray(unit, dtype=object), list(PLAIN_UNITS))
        row_cur = np.asarray(units.row_currency, dtype=object)
        unit = pd.Categorical(
            np.where(money & pd.notna(row_cur), row_cur, np.asarray(unit, dtype=object))
        )
    text["unit"] = unit
    if any(placement_of.values()):
        base = common["placement"]
        hinted = np.asarray(recode(names, placement_of), dtype=object)
        fallback = (
            np.asarray(base, dtype=object)
            if isinstance(base, pd.Categorical)
            else np.full(len(body), base, dtype=object)
        )
        placement: Any = pd.Categorical(np.where(pd.notna(hinted), hinted, fallback))
        text["placement"] = placement
    text.update(source_name=names, file=table.file)
    return Piece(mask, values, text)


def _readings(plan: Plan) -> list[ColumnReading]:
    return [
        ColumnReading(
            col.name,
            col.role,
            col.metric,
            col.score,
            col.header.currency,
            col.header.placement if col.header.placement in ("organic", "paid") else None,
            col.suggestions,
        )
        for col in plan.columns
        if col.role not in ("metric_name", "value")
    ]
