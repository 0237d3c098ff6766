"""A table's metric cells as tidy pieces: one per metric column of a wide table, or one for a
long table's `metric, value` pairs, each with its rows' metric, unit, placement and source."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kpi_core import catalogue
from kpi_core.ingest.codes import Piece, flag_rows, map_labels, recode
from kpi_core.ingest.columns import Column, Plan
from kpi_core.ingest.context import Shaped
from kpi_core.ingest.numbers import ParsedNumbers, parse_numbers
from kpi_core.ingest.table import Table
from kpi_core.ingest.transposed import file_cells
from kpi_core.ingest.units import Units
from kpi_core.models import PLAIN_UNITS, ColumnReading, Severity

# `Results` means what `Result type` says; its cost follows the same meaning: a purchase's cost
# is the cost per order (one figure on the page, not a CPA beside it), a chat's the cost per
# conversation (a leads cost, not a conversion's).
_COST_OF = {
    "leads": "cpl",
    "qualified_leads": "cpl",
    "link_clicks": "cpc_link",
    "clicks": "cpc",
    "purchases": "cost_per_purchase",
    "messaging_conversations": "cost_per_conversation",
    "sign_ups": "cpa",
    "app_installs": "cpa",
    "conversions": "cpa",
}
# Meta's result indicators are internal keys (`actions:offsite_conversion.fb_pixel_purchase`):
# the action is the last part, without its tracking prefix or grouping suffix.
_META_ACTION = re.compile(
    r"(?i)^(?:actions:)?(?:[a-z_]+\.)?(?:fb_pixel_|omni_)?([a-z_]+?)(?:_grouped|_7d)*$"
)

_EXCEL_ERRORS = frozenset({"#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"})


def _report_bad(
    out: Shaped,
    table: Table,
    body: pd.DataFrame,
    name: str,
    parsed: ParsedNumbers,
    keep: np.ndarray,
) -> None:
    bad = parsed.bad.to_numpy() & keep
    for column, first, cells in file_cells(table, name, bad):
        examples = tuple(str(x) for x in body[name][cells].head(3))
        out.problem(
            "bad_values", column=column, row=first, count=int(cells.sum()), examples=examples
        )
    # A formula's error (`#DIV/0!`, `#N/A`) is no figure and reads as empty, as `-` does; but it
    # is the user's own formula gone wrong, so they are told where.
    errors = np.zeros(len(keep), dtype=bool)
    if not pd.api.types.is_numeric_dtype(body[name].dtype) and parsed.bad.shape == keep.shape:
        errors = flag_rows(body[name], lambda s: s.strip().upper() in _EXCEL_ERRORS) & keep
    for column, first, cells in file_cells(table, name, errors):
        examples = tuple(dict.fromkeys(str(x).strip() for x in body[name][cells]))[:3]
        out.problem(
            "error_cells", column=column, row=first, count=int(cells.sum()), examples=examples
        )
    masked = parsed.masked.to_numpy() & keep
    for column, _, cells in file_cells(table, name, masked):
        examples = tuple(dict.fromkeys(str(x).strip() for x in body[name][cells]))[:3]
        out.problem(
            "masked_values", Severity.INFO, column=column, count=int(cells.sum()), examples=examples
        )


@dataclass(frozen=True)
class Rows:
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


def column_rows(rows: Rows, col: Column) -> Piece | None:
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
        source = series_title(table, col)
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
            # A cost of results the file counts in its own columns (purchases, link clicks) is
            # worked out from them for the whole channel, as the cost table's all-campaigns row
            # is: the rows' own cost would state a second figure for the same thing.
            worked = np.asarray(metric.isin([m for m in metric.categories if _own_rate(m, own)]))
            if (worked & mask).any():
                out.note("results_cost", col.name, "own_columns", col.name)
            mask &= ~(copied | worked)
    unit = units.of(metric_id, col, parsed, source)
    values = units.as_fraction(values, metric_id, parsed, unit, col)
    text = dict(common)
    if col.header.placement in ("organic", "paid"):
        text["placement"] = col.header.placement
    if col.channel:
        text["channel"] = col.channel  # named by the group row above its block of columns
    text.update(
        metric=metric,
        unit=units.per_row(unit, mask, source, parsed.currencies),
        source_name=source,
        file=table.file,
    )
    return Piece(mask, values, text)


def _own_rate(metric: str, own: set[str | None]) -> bool:
    """Whether KPI Lens derives a rate from two parts the file has columns for."""
    known = catalogue._metrics_by_id().get(metric)
    parts = known.parts if known is not None else None
    return bool(known and known.derive and parts and set(parts) <= own)


def series_title(table: Table, col: Column) -> str:
    """What a one-metric daily file calls its metric: its title line, else the column name."""
    return table.preamble[0] if table.preamble else col.name


def _result_metrics(body: pd.DataFrame, plan: Plan, which: str) -> pd.Categorical | str:
    col = plan.first("result_type")
    if col is None:
        return which

    def meaning(label: str) -> str:
        action = _META_ACTION.fullmatch(label) if "_" in label or ":" in label else None
        found = catalogue.match_metric(action[1].replace("_", " ") if action else label).metric
        if which == "cost_per_result":
            return _COST_OF.get(found or "", "cost_per_result")
        return found or which

    return map_labels(body[col.name], meaning)


def long_rows(rows: Rows) -> Piece:
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
    codes, code_of = names.codes, {str(c): i for i, c in enumerate(names.categories)}
    for name in sorted(names.categories):  # the report lists a long file's names A to Z
        corrected, wanted = out.corrections.metric_for(name)
        match = catalogue.match_metric(name)
        header = catalogue.parse_header(name)
        metric_of[name] = wanted if corrected else match.metric
        # A long file's value column holds every metric: each is read by its own cells (one
        # duration cell makes no reach figure seconds, one `%` no rate a percentage). Typed
        # numbers carry no signs, and their rows need not be picked out.
        selected = codes == code_of[name] if parsed.codes is not None else None
        own = parsed if selected is None else parsed.of_rows(selected)
        unit_of[name] = units.of(metric_of[name], Column(name, header, "metric"), own, name)
        placement_of[name] = header.placement if header.placement in ("organic", "paid") else None
        role = "metric" if metric_of[name] else "unknown"
        suggestions = tuple(m for m, _ in match.suggestions)
        score = 1.0 if corrected else match.score
        out.columns.append(
            ColumnReading(
                name, role, metric_of[name], score, header.currency, placement_of[name], suggestions
            )
        )
        if unit_of[name] == "fraction":
            selected = codes == code_of[name] if selected is None else selected
            column = Column(name, header, "metric")
            mine = values[selected]
            scaled = units.as_fraction(mine, metric_of[name], own, "fraction", column)
            if scaled is not mine:
                values = np.where(selected, np.nan, values)
                values[selected] = scaled
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
