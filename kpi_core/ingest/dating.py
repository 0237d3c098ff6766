"""Which date each row carries: its own, its publish time for `Lifetime` rows, or its period."""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd

from kpi_core.ingest.codes import factor, flag_rows
from kpi_core.ingest.columns import Plan
from kpi_core.ingest.context import Context, Shaped
from kpi_core.ingest.date_cells import numbered_days
from kpi_core.ingest.dates import (
    ParsedDates,
    infer_date_order,
    parse_dates,
    parse_month,
    parse_period,
)
from kpi_core.ingest.layouts import Layout
from kpi_core.ingest.numbers import ID_SIGNALS
from kpi_core.ingest.resaved import either_way, misread_dates_undone
from kpi_core.ingest.table import Table
from kpi_core.ingest.undated import tell_undated
from kpi_core.models import Severity

_DATE_TOKEN = re.compile(
    r"(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?!\d)"
)


_LIFETIME = {"lifetime", "seumur hidup", "sepanjang waktu"}


def row_dates(
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
    if primary is not None and layout.period_rows and _preamble_period(table.preamble):
        # A list of videos, LIVEs or products: each row's figures cover the stated period,
        # while its own time says when the video was posted or the LIVE began.
        primary = None
    if primary is None:
        values = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
        period = _preamble_period(table.preamble)
        counter = plan.first("day_number")
        if period and counter is not None:
            # GA4's `Nth day` counts from the report's start: each row is its own day.
            values = numbered_days(body[counter.name], *period)
            out.note("day_numbers", period[0].isoformat(), "preamble", counter.name)
            if (missing := np.isnat(values) & keep).any():
                tell_undated(body, body[counter.name], missing, table.first_row, out, counter.name)
                keep &= ~missing
        elif period:
            # A period report's rows are dated by the period's first day, and the user is told.
            values[:] = np.datetime64(period[0], "ns")
            out.periods.append(period)
            out.note("period", f"{period[0].isoformat()} – {period[1].isoformat()}", "preamble")
        else:
            out.note("period", "", "no_dates")
        return values
    raw = body[primary.name]
    typed = pd.api.types.is_datetime64_any_dtype(raw.dtype) or pd.api.types.is_numeric_dtype(
        raw.dtype
    )
    secondary = plan.first("date_secondary")
    dated_by = primary.name
    if not typed and secondary is not None and secondary is not primary:
        lifetime = flag_rows(raw, lambda s: s.lower() in _LIFETIME)
        if lifetime.any():
            raw = _where(raw, lifetime, body[secondary.name])
            dated_by = secondary.name
            out.note("date_column", secondary.name, "lifetime", primary.name)
    if not typed:
        raw = misread_dates_undone(raw, out, dated_by)
    samples: list[str] = []
    if typed:
        # A text file's dates are typed only when the reader found them all in ISO: that is the
        # text's own evidence of the order, as it would be read from the cells.
        iso = table.textual and pd.api.types.is_datetime64_any_dtype(raw.dtype)
        order, basis = "ymd", "evidence" if iso else "typed"
    else:
        # The first 500 rows kept are evidence enough, and cost nothing on a million rows.
        head = raw.iloc[np.flatnonzero(keep)[:500]]
        samples = [str(s) for s in head.dropna() if str(s).strip()]
        # Every date of a range cell is evidence (`08/07/2026 - 14/07/2026` proves day-first).
        samples = [t for s in samples for t in (_DATE_TOKEN.findall(s) or [s])]
        indonesian = out.number_format == "id" or ID_SIGNALS.search(" ".join(table.header))
        order, basis = infer_date_order(
            samples, layout.date_order, locale="dmy" if indonesian else None, today=ctx.today
        )
    if ctx.corrections.date_order:
        order, basis = ctx.corrections.date_order, "user"
    elif basis == "default" and (example := either_way(samples)):
        out.problem("date_order_unproven", column=primary.name, examples=(example,), detail=order)
    out.date_order = order
    if basis != "typed":
        out.note("date_order", order, basis, primary.name)
    values, parsed = _parse_dates(raw, order, ctx, midnight=table.textual)
    if parsed.yearless:
        basis = "user" if ctx.corrections.year else "latest_past"
        out.note("year", str(parsed.year_used), basis, primary.name)
    missing = np.isnat(values) & keep
    if missing.any():
        values = values if values.flags.writeable else values.copy()
        missing &= ~_date_ranges(raw, values, missing, keep, order, out, primary.name)
    if missing.any():
        tell_undated(body, raw, missing, table.first_row, out, primary.name)
        keep &= ~missing
    ends = next(
        (c for c in plan.columns if c.header.key == _PERIOD_ENDS.get(primary.header.key)), None
    )
    if ends is not None:
        # Meta's rows without a `Day` are the whole reporting period, dated by its start.
        last, _ = _parse_dates(body[ends.name], order, ctx, midnight=table.textual)
        longer = keep & ~np.isnat(values) & ~np.isnat(last) & (last > values)
        if longer.any():
            out.periods.extend(_distinct_periods(values[longer], last[longer]))
    return values


def _date_ranges(
    raw: pd.Series,
    values: np.ndarray,
    missing: np.ndarray,
    keep: np.ndarray,
    order: str,
    out: Shaped,
    column: str,
) -> np.ndarray:
    """Date the missing rows whose cell is a range or a month, or leave them out of `keep` as
    summaries; `values` and `keep` change in place, the rows read as ranges are returned.

    A one-day range is that day (X Ads' `Time period`). A range beside daily rows is their
    whole-period summary (Shopee's row 2), even of one day when it spans just the days the
    daily rows do. When every row is a range (weekly and monthly reports), each row is its
    period, dated by its first day."""
    start, end, months = _row_periods(raw, missing, order)
    ranged: np.ndarray = ~np.isnat(start)
    daily = keep & ~np.isnat(values)
    one_day = ranged & (start == end)
    if daily.any() and one_day.any():
        one_day &= (start != values[daily].min()) | (end != values[daily].max())
    values[one_day] = start[one_day]
    longer = ranged & ~one_day
    if longer.any():
        if (keep & ~np.isnat(values)).any():
            count = int(longer.sum())
            out.problem("summary_rows", Severity.INFO, column=column, count=count)
            keep &= ~longer
        else:
            values[longer] = start[longer]
            out.periods.extend(_distinct_periods(start[longer], end[longer]))
            out.note("month_rows" if months else "period_rows", column, "range_start", column)
    return ranged


# A date column that starts each row's period, and the column that ends it.
_PERIOD_ENDS = {"reporting starts": "reporting ends", "awal pelaporan": "akhir pelaporan"}
_PERIOD_LABELS = 1000  # distinct unreadable date labels tried as ranges; the rest are bad dates


def _row_periods(
    raw: pd.Series, rows: np.ndarray, order: str
) -> tuple[np.ndarray, np.ndarray, bool]:
    """First and last day of each masked row whose date cell is a range or a month (`Juli
    2026`; NaT elsewhere), and whether every range read was a month."""
    n = len(raw)
    start = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    end = start.copy()
    idx = np.flatnonzero(rows)
    codes, labels = factor(raw.iloc[idx])
    used = np.unique(codes[codes >= 0])[:_PERIOD_LABELS]
    found: list[tuple[date, date] | None] = [None] * len(labels)
    ranges = 0
    for i in used:
        if labels[i]:
            found[i] = parse_period(labels[i], order)
            ranges += found[i] is not None
            found[i] = found[i] or parse_month(labels[i])
    nat = np.datetime64("NaT", "ns")
    first = np.array([f[0] if f else nat for f in found] + [nat], dtype="datetime64[ns]")
    last = np.array([f[1] if f else nat for f in found] + [nat], dtype="datetime64[ns]")
    start[idx], end[idx] = first[codes], last[codes]
    return start, end, not ranges


def _distinct_periods(start: np.ndarray, end: np.ndarray) -> list[tuple[date, date]]:
    """The distinct (first day, last day) pairs of range-dated rows."""
    pairs = np.unique(np.stack([start, end]).astype("datetime64[D]"), axis=1)
    return [(a.item(), b.item()) for a, b in pairs.T]


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


def _parse_dates(
    raw: pd.Series, order: str, ctx: Context, midnight: bool
) -> tuple[np.ndarray, ParsedDates]:
    """Row dates (read-only when shared with the table) and what was learned while reading.

    `midnight`: typed dates already fall on whole days (a text file's ISO days). A
    dictionary-encoded column is parsed once per distinct value when its dates carry their year;
    yearless dates depend on row order and are parsed row by row."""
    if raw.dtype.kind == "M" and not isinstance(raw.dtype, pd.DatetimeTZDtype):
        # Typed dates (Excel's, or a text file's ISO days): cut to the day, not re-parsed.
        values = raw.to_numpy(dtype="datetime64[ns]")
        if not midnight:
            values = values.astype("datetime64[D]").astype("datetime64[ns]")
        no_flags = pd.Series(np.zeros(0, dtype=bool))
        return values, ParsedDates(no_flags, no_flags)
    if isinstance(raw.dtype, pd.CategoricalDtype):
        labels = pd.Series(raw.cat.categories.astype("str"))
        once = parse_dates(labels, order, today=ctx.today, year=ctx.corrections.year)
        if not once.yearless:
            days = np.append(once.values.to_numpy(dtype="datetime64[ns]"), np.datetime64("NaT"))
            no_flags = pd.Series(np.zeros(0, dtype=bool))
            return np.take(days, raw.cat.codes.to_numpy()), ParsedDates(no_flags, no_flags)
        raw = raw.astype("str")
    parsed = parse_dates(raw, order, today=ctx.today, year=ctx.corrections.year)
    return parsed.values.to_numpy(dtype="datetime64[ns]", copy=True), parsed


def _preamble_period(preamble: list[str]) -> tuple[date, date] | None:
    """A report period stated above the header: on one line (`Periode,01/07/2026 - 31/07/2026`)
    or on two (GA4's `Start date: 20260701` and `End date: 20260731`)."""
    ends: dict[str, str] = {}
    for line in preamble:
        text = re.sub(r"^[^:,\d]*[:,]\s*", "", line) if re.search(r"\d", line) else line
        for candidate in (line, text):
            found = parse_period(candidate, "dmy")
            if found is not None:
                return found
        labelled = _PERIOD_END.match(line)
        if labelled:
            words = set(labelled["label"].lower().split())
            which = "start" if words & _START_WORDS else "end" if words & _END_WORDS else None
            if which is not None:
                ends.setdefault(which, labelled["day"])
    if len(ends) < 2:
        return None
    cells = [ends["start"], ends["end"]]
    order, basis = infer_date_order(cells)
    order = order if basis != "default" else "dmy"
    parsed = parse_dates(pd.Series(cells, dtype=object), order, today=date.max)
    if parsed.bad.any() or parsed.yearless:
        return None
    start, end = (ts.date() for ts in parsed.values)
    return (start, end) if start <= end else None


# One end of the period per line: a label with a start or end word, then one date.
_PERIOD_END = re.compile(r"^\s*(?P<label>[^:,\d]+?)\s*[:,]\s*(?P<day>\d[\d/.\-]*\d)\s*$")
_START_WORDS = {"start", "from", "mulai", "dari", "awal"}
_END_WORDS = {"end", "to", "until", "akhir", "selesai", "sampai", "hingga"}
