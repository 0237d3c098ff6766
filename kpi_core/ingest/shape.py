"""Turn one raw table into tidy rows (`date, channel, placement, metric, value, ...`).

Per-row text (channels, metric names, campaigns) is handled as codes into its distinct values,
so the cost of a rule grows with the number of distinct labels, not with the rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd

from kpi_core import catalogue
from kpi_core.ingest.codes import (
    Piece,
    filled_rows,
    map_labels,
    match_rows,
    stack,
)
from kpi_core.ingest.columns import Column, Plan, plan_columns
from kpi_core.ingest.context import Context, Shaped
from kpi_core.ingest.dating import row_dates
from kpi_core.ingest.layouts import Layout, kind_of_key
from kpi_core.ingest.numbers import ID_SIGNALS, infer_number_format, parse_numbers
from kpi_core.ingest.origin import row_channels, row_keys, row_placements, text_labels
from kpi_core.ingest.pieces import Rows, column_rows, long_rows, series_title
from kpi_core.ingest.repeats import leave_out_repeated_headers
from kpi_core.ingest.table import COPY_MARK, Table
from kpi_core.ingest.units import Units, file_currency
from kpi_core.models import (
    ColumnReading,
    Severity,
)

# Tested by pyarrow (RE2) on each distinct stripped label.
# `Total`, `Totals`, `Grand total`, `Total: Account` (Google Ads), `Total of 3 results` (TikTok
# Ads), `Jumlah`, `Semua`.
_TOTAL_ROW = (
    r"(?i)^(total|totals|grand total|jumlah|total keseluruhan|semua)"
    r"\s*(:.*|(of|dari)\s+\d+\s+\w+)?$"
)
# `Average`, `Rata-rata`, `Rerata`, `Mean` under a table summarise its rows as totals do.
_AVERAGE_ROW = r"(?i)^(average|avg|mean|rata-rata|rata rata|rata2|rerata)\s*(:.*)?$"


# --- the table -------------------------------------------------------------------------------


def shape(table: Table, layout: Layout, ctx: Context) -> Shaped:
    """Tidy rows for one table: dates, channel, placement, metric and unit for every cell read."""
    corr = ctx.corrections
    body = table.body.reset_index(drop=True)
    plan = plan_columns(table.header, body, layout, corr, table.groups)
    for i, col in enumerate(plan.columns):
        currency = table.currencies.get(col.name)
        if currency and col.header.currency is None:
            # A workbook column formatted `"Rp"#,##0` names its currency as a header would.
            col = plan.columns[i] = replace(col, header=replace(col.header, currency=currency))
        if col.role == "series_value":
            # The metric of a one-metric daily file is named by its title line.
            metric_id = _series_metric(series_title(table, col))
            metric_id = layout.remap.get(metric_id or "", metric_id)
            plan.columns[i] = replace(col, metric=metric_id, score=1.0 if metric_id else None)
    out = Shaped(file=table.file, corrections=corr)
    out.problems.extend(table.problems)
    out.inferences.extend(table.inferences)
    if table.skipped_description_rows:
        out.problem("description_rows", Severity.INFO, count=table.skipped_description_rows)
    n = len(body)
    filled = np.zeros(n, dtype=bool)
    for name in table.header:
        filled |= filled_rows(body[name])
        if filled.all():
            break  # every row holds something: the other columns cannot add any
    keep = filled.copy()
    keep &= ~leave_out_repeated_headers(body, table, keep, out)

    # Rows that are not data: totals (`Total`, `Grand total`, `Total: Account`, `Semua`).
    labels = [
        c for c in plan.columns if c.role in ("date", "campaign", "post_id", "attribute", "channel")
    ]
    totals, averages = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    for col in labels[:3] + plan.columns[:1]:
        dtype = body[col.name].dtype
        if not (
            pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype)
        ):
            totals |= match_rows(body[col.name], _TOTAL_ROW)
            averages |= match_rows(body[col.name], _AVERAGE_ROW)
    totals &= keep
    if (averages := averages & keep & ~totals).any():
        out.problem("average_rows", Severity.INFO, count=int(averages.sum()))
        keep &= ~averages
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
        fmt, basis = infer_number_format(_samples(body, metric_cols), table.delimiter, table.header)
    out.number_format = fmt
    if table.textual or basis != "default":
        out.note("number_format", fmt, basis)
    if basis == "conflict":
        out.problem("number_format_conflict", detail=fmt)
    if layout.numbered_by:
        keep &= ~_group_rows(body, plan, layout.numbered_by, keep, table, out, fmt)

    dates = row_dates(body, plan, table, layout, ctx, out, keep)
    channels = row_channels(body, plan, layout, table, ctx, out, keep)
    placements = row_placements(body, plan, layout, ctx, out)
    campaign = text_labels(body, plan.first("campaign"))
    key = plan.first("post_id")
    post_id = row_keys(body, key, out, keep)
    out.key_kind = None if key is None else kind_of_key(layout, key.header)
    row_currency = None
    if (currency_col := plan.first("currency")) is not None:
        row_currency = map_labels(
            body[currency_col.name],
            lambda s: s.upper() if re.fullmatch(r"[A-Za-z]{3}", s) else None,
        )
    signals_id = fmt == "id" or bool(ID_SIGNALS.search(" ".join(table.header)))
    units = Units(
        out, signals_id, file_currency(plan), row_currency, layout.percent, ctx.chosen_currency
    )

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
    older = [c.name for c in plan.columns if c.role == "alternative"]
    if older:
        out.problem("alternative_columns", Severity.INFO, count=len(older), examples=tuple(older))
    repeated = [
        c.name for c in plan.columns if COPY_MARK in c.name and c.role in ("metric", "unknown")
    ]
    if repeated:
        out.problem("repeated_columns", count=len(repeated), examples=tuple(repeated[:5]))
    group_totals = [c for c in plan.columns if c.role == "group_total"]
    if group_totals:
        out.problem(
            "group_totals",
            Severity.INFO,
            count=len(group_totals),
            examples=tuple(c.name for c in group_totals[:5]),
            detail=", ".join(dict.fromkeys(f"“{c.group}”" for c in group_totals)),
        )
    pieces: list[Piece] = []
    rows = Rows(body, plan, table, fmt, keep, dates, common, out, units)
    if plan.first("metric_name") is not None and plan.first("value") is not None:
        pieces.append(long_rows(rows))
    else:
        for col in plan.columns:
            if col.role in ("metric", "unknown", "series_value"):
                piece = column_rows(rows, col)
                if piece is not None:
                    pieces.append(piece)
    out.columns.extend(_readings(plan))
    out.frame = stack(pieces, dates)
    out.rows_read = int(keep.sum())
    out.rows_skipped = int((filled & ~keep).sum())
    blank = int((~filled).sum())
    if blank and blank < n:
        out.problem("blank_rows", Severity.INFO, count=blank)
    if not n and any(c.role in ("metric", "unknown") for c in plan.columns):
        # A header with no rows under it: the export's range held no data.
        out.problem("no_rows")
    return out


def _group_rows(
    body: pd.DataFrame,
    plan: Plan,
    numbered_by: str,
    keep: np.ndarray,
    table: Table,
    out: Shaped,
    fmt: str,
) -> np.ndarray:
    """Rows that repeat others: a numbered row (Shopee's automatic ads) whose unnumbered rows
    under it are its parts. The parts are the finer figures and are kept when they add up to the
    row above them; otherwise that row is the figure and its parts are left out."""
    col = next((c for c in plan.columns if c.header.key == numbered_by), None)
    drop = np.zeros(len(body), dtype=bool)
    if col is None:
        return drop
    numbered = filled_rows(body[col.name]) & keep
    metric = next((c for c in plan.columns if c.role == "metric"), None)
    parents = np.flatnonzero(numbered)
    if metric is None or not len(parents):
        return drop
    values = parse_numbers(body[metric.name], fmt).values.to_numpy(dtype="float64")
    parent_rows: list[str] = []
    for i, start in enumerate(parents):
        end = parents[i + 1] if i + 1 < len(parents) else len(body)
        children = np.arange(start + 1, end)
        children = children[keep[children]]
        if not len(children):
            continue
        whole, parts = values[start], np.nansum(values[children])
        if np.isfinite(whole) and abs(parts - whole) <= 0.01 * max(abs(whole), 1.0):
            drop[start] = True
            parent_rows.append(str(start + table.first_row))
        else:
            drop[children] = True
    if drop.any():
        label = "group_rows" if parent_rows else "group_parts"
        out.problem(label, Severity.INFO, count=int(drop.sum()), examples=tuple(parent_rows[:3]))
    return drop


def _samples(body: pd.DataFrame, cols: list[Column], limit: int = 300) -> list[str]:
    out: list[str] = []
    for col in cols:
        values = body[col.name]
        if not pd.api.types.is_numeric_dtype(values.dtype):
            head = values.head(limit * 10).dropna().head(limit)
            out.extend(str(c) for c in head if isinstance(c, str))
    return out


def _series_metric(title: str) -> str | None:
    words = [w for w in catalogue.normalize(title).split() if catalogue.match_channel(w) is None]
    return catalogue.match_metric(" ".join(words) or title).metric


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
