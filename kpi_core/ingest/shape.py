"""Turn one raw table into tidy rows (`date, channel, placement, metric, value, ...`).

Per-row text (channels, metric names, campaigns) is handled as codes into its distinct values,
so the cost of a rule grows with the number of distinct labels, not with the rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import union_categoricals

from kpi_core import catalogue
from kpi_core.ingest.columns import PLACEMENT_VALUES, Column, Plan, plan_columns
from kpi_core.ingest.dates import ParsedDates, infer_date_order, parse_dates, parse_period
from kpi_core.ingest.layouts import Layout
from kpi_core.ingest.numbers import ParsedNumbers, infer_number_format, parse_numbers
from kpi_core.ingest.sources import Table
from kpi_core.models import (
    TEXT_COLUMNS,
    ColumnReading,
    FileCorrections,
    Inference,
    Problem,
    Severity,
)

_TOTAL_ROW = re.compile(
    r"(?i)^\s*(total|totals|grand total|jumlah|total keseluruhan|semua)\s*(:.*)?$"
)
_DATE_TOKEN = re.compile(
    r"(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?!\d)"
)
_LIFETIME = {"lifetime", "seumur hidup", "sepanjang waktu"}
# Rates that are plain ratios (ROAS 4.2 means 4.2x), never percentages to rescale.
_RATIOS = {"roas", "roi", "frequency", "views_per_user", "average_order_value", "acos"}
# `Results` means what `Result type` says; its cost follows the same meaning.
_COST_OF = {"leads": "cpl", "qualified_leads": "cpl", "link_clicks": "cpc_link", "clicks": "cpc"}
_ID_SIGNALS = re.compile(
    r"(?i)\b(tanggal|jumlah|biaya|pendapatan|penjualan|jangkauan|tayangan|pesanan|pengunjung)\b"
)
_PLAIN_UNITS = ("count", "fraction", "seconds")

Text = "pd.Categorical | str | None"


@dataclass
class Shaped:
    """The tidy rows of one table and everything learned while making them."""

    frame: pd.DataFrame
    file: str = ""
    corrections: FileCorrections = field(default_factory=FileCorrections)
    columns: list[ColumnReading] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    inferences: list[Inference] = field(default_factory=list)
    rows_read: int = 0
    rows_skipped: int = 0
    channel: str | None = None
    placement: str | None = None
    number_format: str | None = None
    date_order: str | None = None

    def note(self, what: str, value: str, basis: str, column: str | None = None) -> None:
        """Record an inference the user may correct."""
        self.inferences.append(Inference(self.file, what, value, basis, column))

    def problem(self, code: str, severity: Severity = Severity.WARNING, **kw: object) -> None:
        """Record a problem met in this file."""
        self.problems.append(Problem(self.file, code, severity, **kw))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Context:
    """What the caller knows beyond the table: corrections, defaults and today's date."""

    corrections: FileCorrections = field(default_factory=FileCorrections)
    channel: str | None = None
    placement: str | None = None
    today: date = field(default_factory=date.today)


# --- per-row text as codes -------------------------------------------------------------------


def _texts(values: pd.Index | np.ndarray) -> list[str]:
    """Distinct values as stripped strings; arrow strings are trimmed in one vectorised call."""
    if isinstance(values, pd.Index) and isinstance(values.dtype, pd.StringDtype):
        trimmed = pc.utf8_trim_whitespace(pa.array(values.to_numpy(dtype=object), type=pa.string()))
        return [v or "" for v in trimmed.to_pylist()]
    return [str(u).strip() for u in values]


def _factor(series: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Codes into the distinct stripped texts of a column (-1 where the cell is empty)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes, uniques = series.cat.codes.to_numpy(), series.cat.categories
    else:
        codes, uniques = pd.factorize(series)
    labels = _texts(uniques)
    if "" in labels:
        empty = np.array([label == "" for label in labels] + [True], dtype=bool)
        codes = np.where(empty[codes], -1, codes)
    return codes, labels


def _lookup(codes: np.ndarray, table: list[int]) -> np.ndarray:
    """New codes from old ones through a table (the last entry answers for -1, an empty cell)."""
    lookup = np.array([*table, -1], dtype=np.int32)
    if np.array_equal(lookup[:-1], np.arange(len(table))):
        return codes  # nothing moves: no copy of a million codes
    moved: np.ndarray = lookup[codes]
    return moved


def _categorical(codes: np.ndarray, mapped: list[str | None]) -> pd.Categorical:
    cats = sorted({m for m in mapped if m is not None})
    position = {c: i for i, c in enumerate(cats)}
    new = _lookup(codes, [position[m] if m is not None else -1 for m in mapped])
    return pd.Categorical.from_codes(new, categories=pd.Index(cats, dtype="str"))


def _map(series: pd.Series, func: Callable[[str], str | None]) -> pd.Categorical:
    """Apply `func` to each distinct text of a column; the result as a categorical per row."""
    codes, labels = _factor(series)
    return _categorical(codes, [func(label) for label in labels])


def _recode(cat: pd.Categorical, mapping: dict[str, str | None]) -> pd.Categorical:
    """A categorical's categories mapped to new labels (several may map to one; None is empty)."""
    return _categorical(cat.codes, [mapping.get(c) for c in cat.categories])


def _flags(series: pd.Series, test: Callable[[str], object]) -> np.ndarray:
    """A boolean per row from a test on each distinct text."""
    codes, labels = _factor(series)
    passed = [bool(test(label)) for label in labels]
    if not any(passed):
        return np.zeros(len(codes), dtype=bool)
    lookup = np.array([*passed, False], dtype=bool)
    flags: np.ndarray = lookup[codes]
    return flags


def _filled(series: pd.Series) -> np.ndarray:
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_datetime64_any_dtype(
        series.dtype
    ):
        return series.notna().to_numpy()
    return _flags(series, bool)


def empty_frame() -> pd.DataFrame:
    """A tidy frame with no rows and the right dtypes."""
    frame = pd.DataFrame(
        {"date": pd.Series([], dtype="datetime64[ns]"), "value": pd.Series([], dtype="float64")}
    )
    for col in TEXT_COLUMNS:
        frame[col] = pd.Categorical([])
    return frame


def _str_categories(cat: pd.Categorical) -> pd.Categorical:
    if cat.categories.dtype == "str":
        return cat
    return pd.Categorical.from_codes(
        cat.codes, categories=pd.Index(cat.categories.astype(str), dtype="str")
    )


def concat_tidy(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Stack tidy frames with text columns kept categorical (a plain concat makes objects)."""
    frames = [f for f in frames if len(f)] or list(frames[:1]) or [empty_frame()]
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    data: dict[str, object] = {}
    for col in frames[0].columns:
        parts = [f[col] for f in frames]
        if isinstance(parts[0].dtype, pd.CategoricalDtype):
            data[col] = union_categoricals([_str_categories(pd.Categorical(p)) for p in parts])
        else:
            data[col] = np.concatenate([p.to_numpy() for p in parts])
    return pd.DataFrame(data, copy=False)


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
    out = Shaped(frame=empty_frame(), file=table.file, corrections=corr)
    out.problems.extend(table.problems)
    if table.skipped_description_rows:
        out.problem("description_rows", Severity.INFO, count=table.skipped_description_rows)
    n = len(body)
    filled = np.zeros(n, dtype=bool)
    for name in table.header:
        filled |= _filled(body[name])
    keep = filled.copy()

    # Rows that are not data: totals (`Total`, `Grand total`, `Total: Account`, `Semua`).
    labels = [
        c for c in plan.columns if c.role in ("date", "campaign", "post_id", "attribute", "channel")
    ]
    totals = np.zeros(n, dtype=bool)
    for col in labels[:3] + plan.columns[:1]:
        if not pd.api.types.is_numeric_dtype(body[col.name].dtype):
            totals |= _flags(body[col.name], _TOTAL_ROW.match)
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

    dates = _dates(body, plan, table, layout, ctx, out, keep)
    channels = _channels(body, plan, layout, table, ctx, out)
    placements = _placements(body, plan, layout, ctx, out)
    campaign = _text(body, plan.first("campaign"))
    post_id = _text(body, plan.first("post_id"))
    row_currency = None
    if (currency_col := plan.first("currency")) is not None:
        row_currency = _map(
            body[currency_col.name],
            lambda s: s.upper() if re.fullmatch(r"[A-Za-z]{3}", s) else None,
        )
    signals_id = fmt == "id" or bool(_ID_SIGNALS.search(" ".join(table.header)))
    file_currency = _file_currency(plan)
    units = _Units(out, signals_id, file_currency, row_currency)

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
    pieces: list[_Piece] = []
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
    out.frame = _stack(pieces, dates)
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
            out.extend(str(c) for c in values.dropna().head(limit) if isinstance(c, str))
    return out


def _file_currency(plan: Plan) -> str | None:
    """The currency most money headers of the file name (`Amount spent (IDR)`)."""
    found = [c.header.currency for c in plan.columns if c.header.currency]
    return max(set(found), key=found.count) if found else None


def _dates(
    body: pd.DataFrame,
    plan: Plan,
    table: Table,
    layout: Layout,
    ctx: Context,
    out: Shaped,
    keep: np.ndarray,
) -> np.ndarray:
    """Row dates (NaT where none); summary rows and unreadable dates leave `keep`."""
    n = len(body)
    # Publish and creation times describe the item, not the figures: they date a row only when
    # the row's own date says `Lifetime`. A table without a date column (YouTube's `Table
    # data`: the period's figures per video) is dated by its stated period, or not at all.
    primary = plan.first("date")
    if primary is None:
        values = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
        period = _preamble_period(table.preamble)
        if period:
            # A period report's rows are dated by the period's first day, and the user is told.
            values[:] = np.datetime64(period[0], "ns")
            out.note("period", f"{period[0].isoformat()} – {period[1].isoformat()}", "preamble")
        else:
            out.note("period", "", "no_dates")
        return values
    raw = body[primary.name]
    typed = pd.api.types.is_datetime64_any_dtype(raw.dtype) or pd.api.types.is_numeric_dtype(
        raw.dtype
    )
    secondary = plan.first("date_secondary")
    if not typed and secondary is not None and secondary is not primary:
        lifetime = _flags(raw, lambda s: s.lower() in _LIFETIME)
        if lifetime.any():
            raw = _where(raw, lifetime, body[secondary.name])
            out.note("date_column", secondary.name, "lifetime", primary.name)
    if typed:
        order, basis = "ymd", "typed"
    else:
        samples = [str(s) for s in raw[keep].dropna().head(500) if str(s).strip()]
        # Every date of a range cell is evidence (`08/07/2026 - 14/07/2026` proves day-first).
        samples = [t for s in samples for t in (_DATE_TOKEN.findall(s) or [s])]
        order, basis = infer_date_order(samples, layout.date_order)
    if ctx.corrections.date_order:
        order, basis = ctx.corrections.date_order, "user"
    out.date_order = order
    if not typed or basis == "user":
        out.note("date_order", order, basis, primary.name)
    parsed = _parse_dates(raw, order, ctx)
    if parsed.yearless:
        basis = "user" if ctx.corrections.year else "latest_past"
        out.note("year", str(parsed.year_used), basis, primary.name)
    values = parsed.values.to_numpy(dtype="datetime64[ns]", copy=True)
    missing = np.isnat(values) & keep
    if missing.any():
        # A date range in the date column: a one-day range is that day; a longer one is a
        # whole-period summary beside daily rows (Shopee's row 2), or, when every row is a
        # range (weekly reports), the row's period, dated by its first day.
        start, end = _row_periods(raw, missing, order)
        ranged = ~np.isnat(start)
        one_day = ranged & (start == end)
        values[one_day] = start[one_day]
        longer = ranged & ~one_day
        if longer.any():
            if (keep & ~np.isnat(values)).any():
                count = int(longer.sum())
                out.problem("summary_rows", Severity.INFO, column=primary.name, count=count)
                keep &= ~longer
            else:
                values[longer] = start[longer]
                out.note("period_rows", primary.name, "range_start", primary.name)
        missing &= ~ranged
    if missing.any():
        examples = tuple(str(x) for x in raw[missing].head(3))
        first = int(np.flatnonzero(missing)[0]) + table.first_row
        out.problem(
            "bad_dates", column=primary.name, row=first, count=int(missing.sum()), examples=examples
        )
        keep &= ~missing
    return values


_PERIOD_LABELS = 1000  # distinct unreadable date labels tried as ranges; the rest are bad dates


def _row_periods(raw: pd.Series, rows: np.ndarray, order: str) -> tuple[np.ndarray, np.ndarray]:
    """First and last day of each masked row whose date cell is a range (NaT elsewhere)."""
    n = len(raw)
    start = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    end = start.copy()
    idx = np.flatnonzero(rows)
    codes, labels = _factor(raw.iloc[idx])
    used = np.unique(codes[codes >= 0])[:_PERIOD_LABELS]
    found: list[tuple[date, date] | None] = [None] * len(labels)
    for i in used:
        found[i] = parse_period(labels[i], order) if labels[i] else None
    nat = np.datetime64("NaT", "ns")
    first = np.array([f[0] if f else nat for f in found] + [nat], dtype="datetime64[ns]")
    last = np.array([f[1] if f else nat for f in found] + [nat], dtype="datetime64[ns]")
    start[idx], end[idx] = first[codes], last[codes]
    return start, end


def _where(raw: pd.Series, mask: np.ndarray, other: pd.Series) -> pd.Series:
    """`raw` with the masked rows taken from `other`; label columns stay dictionary-encoded."""
    if isinstance(raw.dtype, pd.CategoricalDtype) and isinstance(other.dtype, pd.CategoricalDtype):
        mine, theirs = raw.cat.categories.astype("str"), other.cat.categories.astype("str")
        cats = mine.union(theirs)
        left = raw.cat.rename_categories(list(mine)).cat.set_categories(cats).cat.codes.to_numpy()
        right = (
            other.cat.rename_categories(list(theirs)).cat.set_categories(cats).cat.codes.to_numpy()
        )
        codes = np.where(mask, right, left)
        result = pd.Categorical.from_codes(codes, categories=cats)
        return pd.Series(result, index=raw.index, name=raw.name)
    return raw.astype(object).where(~mask, other.astype(object))


def _parse_dates(raw: pd.Series, order: str, ctx: Context) -> ParsedDates:
    """Dates of a dictionary-encoded column are parsed once per distinct value when they carry
    their year; yearless dates depend on row order and are parsed row by row."""
    if isinstance(raw.dtype, pd.CategoricalDtype):
        labels = pd.Series(raw.cat.categories.astype("str"))
        once = parse_dates(labels, order, today=ctx.today, year=ctx.corrections.year)
        if not once.yearless:
            codes = raw.cat.codes.to_numpy()
            days = np.append(once.values.to_numpy(dtype="datetime64[ns]"), np.datetime64("NaT"))
            return ParsedDates(
                pd.Series(days[codes], index=raw.index), pd.Series(False, index=raw.index)
            )
        raw = raw.astype("str")
    return parse_dates(raw, order, today=ctx.today, year=ctx.corrections.year)


def _preamble_period(preamble: list[str]) -> tuple[date, date] | None:
    """A report period stated above the header (`Periode,01/07/2026 - 31/07/2026`)."""
    for line in preamble:
        text = re.sub(r"^[^:,\d]*[:,]\s*", "", line) if re.search(r"\d", line) else line
        for candidate in (line, text):
            found = parse_period(candidate, "dmy")
            if found is not None:
                return found
    return None


def _channels(
    body: pd.DataFrame, plan: Plan, layout: Layout, table: Table, ctx: Context, out: Shaped
) -> pd.Categorical | str:
    if ctx.corrections.channel:
        out.channel = ctx.corrections.channel
        out.note("channel", out.channel, "user")
        return out.channel
    col = plan.first("channel")
    if col is not None:
        unknown: list[str] = []

        def channel_of(label: str) -> str:
            found = catalogue.match_channel(label)
            if found is None and catalogue.normalize(label) != "other":
                unknown.append(label)
            return found or "other"

        mapped = _map(body[col.name], channel_of)
        if unknown:
            out.problem(
                "unknown_channels", column=col.name, count=len(unknown), examples=tuple(unknown[:5])
            )
        used = list(mapped.categories[np.unique(mapped.codes[mapped.codes >= 0])])
        out.channel = used[0] if len(used) == 1 else None
        out.note("channel", out.channel or "mixed", "column", col.name)
        return mapped
    if layout.channel:
        out.channel = layout.channel
        out.note("channel", layout.channel, "layout")
        return layout.channel
    candidates = [
        (" ".join(table.preamble[:2]), "title"),
        (re.sub(r"[_\-.+/]", " ", table.source), "file_name"),
    ]
    for text, basis in candidates:
        found = catalogue.match_channel(text)
        if found:
            out.channel = found
            out.note("channel", found, basis)
            return found
    out.channel = ctx.channel or "other"
    out.note("channel", out.channel, "default" if ctx.channel else "unknown")
    if not ctx.channel:
        out.problem("channel_unknown")
    return out.channel


def _placements(
    body: pd.DataFrame, plan: Plan, layout: Layout, ctx: Context, out: Shaped
) -> pd.Categorical | str:
    if ctx.corrections.placement:
        out.placement = ctx.corrections.placement
        out.note("placement", out.placement, "user")
        return out.placement
    fallback = layout.placement or ctx.placement or "organic"
    col = plan.first("placement")
    if col is not None:
        mapped = _map(body[col.name], lambda s: PLACEMENT_VALUES.get(s.lower(), fallback))
        used = list(mapped.categories[np.unique(mapped.codes[mapped.codes >= 0])])
        out.placement = used[0] if len(used) == 1 else None
        out.note("placement", out.placement or "mixed", "column", col.name)
        return mapped
    basis = "layout" if layout.placement else "default" if ctx.placement else "assumed"
    out.placement = fallback
    out.note("placement", fallback, basis)
    return fallback


def _text(body: pd.DataFrame, col: Column | None) -> pd.Categorical | None:
    if col is None:
        return None
    values = body[col.name]
    if pd.api.types.is_float_dtype(values.dtype):
        values = values.map(lambda v: None if pd.isna(v) else f"{v:.0f}")
    return _map(values, lambda s: s or None)


@dataclass
class _Units:
    """Unit decisions for a table: the currency the file names, or a recorded assumption."""

    out: Shaped
    signals_id: bool
    file_currency: str | None
    row_currency: pd.Categorical | None

    def of(
        self, metric_id: str | None, col: Column | None, parsed: ParsedNumbers, source: str
    ) -> str:
        kind = catalogue.metric(metric_id).unit if metric_id else None
        own = col.header.currency if col else None
        if kind == "money" or (kind is None and (own or parsed.currency)):
            currency = own or parsed.currency or self.file_currency
            if currency:
                return currency
            if self.row_currency is not None:
                return "money"
            guess = "IDR" if self.signals_id else "USD"
            self.out.note("currency", guess, "assumed", source)
            return guess
        if kind == "fraction" or (kind is None and parsed.percent):
            return "fraction"
        if kind == "seconds" or parsed.seconds:
            return "seconds"
        return "count"

    def per_row(self, unit: str, mask: np.ndarray, source: str) -> pd.Categorical | str:
        if unit in _PLAIN_UNITS or self.row_currency is None:
            return unit
        # Money takes the currency named on its row (`Currency code`), else the column's.
        cur = self.row_currency
        blank = (cur.codes < 0) & mask
        if not blank.any():
            return cur
        if unit == "money":
            unit = "IDR" if self.signals_id else "USD"
            self.out.note("currency", unit, "assumed", source)
        filled = cur.add_categories([unit]) if unit not in cur.categories else cur
        return filled.fillna(unit)


def _as_fraction(
    values: np.ndarray, metric_id: str | None, parsed: ParsedNumbers, unit: str
) -> tuple[np.ndarray, bool]:
    """Fractions written as percent numbers (CTR 2.86 meaning 2.86 %) become 0.0286."""
    if unit != "fraction" or parsed.percent or metric_id in _RATIOS:
        return values, False
    if np.nanmax(np.abs(values), initial=0.0) > 1:
        return values / 100.0, True
    return values, False


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
class _Piece:
    """Rows of one metric column (or of a long table) before they are stacked."""

    mask: np.ndarray
    values: np.ndarray
    text: dict[str, pd.Categorical | str | None]


def _codes(value: pd.Categorical | str | None, rows: np.ndarray) -> tuple[np.ndarray, list[str]]:
    if isinstance(value, pd.Categorical):
        return value.codes[rows].astype(np.int64), [str(c) for c in value.categories]
    if value is None:
        return np.full(len(rows), -1, dtype=np.int64), []
    return np.zeros(len(rows), dtype=np.int64), [value]


def _whole(piece: _Piece, dates: np.ndarray) -> pd.DataFrame:
    """A long table whose every row was read: its columns as they are, nothing re-indexed."""
    n = len(piece.values)
    data: dict[str, object] = {"date": dates, "value": piece.values}
    for col in TEXT_COLUMNS:
        value = piece.text.get(col)
        if isinstance(value, pd.Categorical):
            data[col] = value
        else:
            data[col] = pd.Categorical.from_codes(
                np.full(n, -1 if value is None else 0, dtype=np.int8),
                categories=pd.Index([] if value is None else [value], dtype="str"),
            )
    return pd.DataFrame(data, copy=False)


def _stack(pieces: list[_Piece], dates: np.ndarray) -> pd.DataFrame:
    """All pieces as one tidy frame, from row indices and category codes (no object arrays)."""
    if not pieces:
        return empty_frame()
    if len(pieces) == 1 and pieces[0].mask.all():
        return _whole(pieces[0], dates)
    rows = [np.flatnonzero(p.mask) for p in pieces]
    every = np.concatenate(rows)
    data: dict[str, object] = {
        "date": dates[every],
        "value": np.concatenate([p.values[r] for p, r in zip(pieces, rows, strict=True)]),
    }
    for col in TEXT_COLUMNS:
        values = [p.text.get(col) for p in pieces]
        if all(v is values[0] for v in values) and isinstance(values[0], pd.Categorical):
            data[col] = pd.Categorical.from_codes(values[0].codes[every], dtype=values[0].dtype)
            continue
        categories: dict[str, int] = {}
        codes = []
        for value, r in zip(values, rows, strict=True):
            local, labels = _codes(value, r)
            lookup = np.array(
                [categories.setdefault(label, len(categories)) for label in labels] + [-1],
                dtype=np.int64,
            )
            codes.append(lookup[local])
        data[col] = pd.Categorical.from_codes(
            np.concatenate(codes), categories=pd.Index(list(categories), dtype="str")
        )
    return pd.DataFrame(data, copy=False)


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
    units: _Units


def _column_rows(rows: _Rows, col: Column) -> _Piece | None:
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
    values, rescaled = _as_fraction(values, metric_id, parsed, unit)
    if rescaled:
        out.note("percent_units", col.name, "values_above_one", col.name)
    text = dict(common)
    if col.header.placement in ("organic", "paid"):
        text["placement"] = col.header.placement
    text.update(
        metric=metric, unit=units.per_row(unit, mask, source), source_name=source, file=table.file
    )
    return _Piece(mask, values, text)


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

    return _map(body[col.name], meaning)


def _long_rows(rows: _Rows) -> _Piece:
    """Tidy rows for a long table: the metric is named per row, mapped once per distinct name."""
    body, plan, table, fmt, keep = rows.body, rows.plan, rows.table, rows.fmt, rows.keep
    common, out, units = rows.common, rows.out, rows.units
    name_col, value_col = plan.first("metric_name"), plan.first("value")
    assert name_col is not None and value_col is not None
    names = _map(body[name_col.name], lambda s: s or None)
    parsed = parse_numbers(body[value_col.name], fmt)
    _report_bad(out, table, body, value_col.name, parsed, keep)
    values = parsed.values.to_numpy(dtype="float64").copy()
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
        if unit_of[name] == "fraction" and metric_of[name] not in _RATIOS and not parsed.percent:
            selected = np.asarray(names == name)
            if np.nanmax(np.abs(values[selected]), initial=0.0) > 1:
                values[selected] /= 100.0
                out.note("percent_units", name, "values_above_one", name)
    mask = keep & ~np.isnan(values) & (names.codes >= 0)
    text = dict(common)
    text["metric"] = _recode(names, metric_of)
    unit: Any = _recode(names, dict(unit_of))
    if units.row_currency is not None:
        money = ~np.isin(np.asarray(unit, dtype=object), list(_PLAIN_UNITS))
        row_cur = np.asarray(units.row_currency, dtype=object)
        unit = pd.Categorical(
            np.where(money & pd.notna(row_cur), row_cur, np.asarray(unit, dtype=object))
        )
    text["unit"] = unit
    if any(placement_of.values()):
        base = common["placement"]
        hinted = np.asarray(_recode(names, placement_of), dtype=object)
        fallback = (
            np.asarray(base, dtype=object)
            if isinstance(base, pd.Categorical)
            else np.full(len(body), base, dtype=object)
        )
        placement: Any = pd.Categorical(np.where(pd.notna(hinted), hinted, fallback))
        text["placement"] = placement
    text.update(source_name=names, file=table.file)
    return _Piece(mask, values, text)


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
