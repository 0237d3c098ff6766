"""Read the date strings of metric exports, including yearless TikTok days and Indonesian months."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from kpi_core.ingest.date_cells import (
    assemble_days,
    latest_year,
    month_number,
    parse_day_cells,
    year_offsets,
)
from kpi_core.ingest.resaved import runs_evenly

__all__ = [
    "ParsedDates",
    "infer_date_order",
    "month_header",
    "parse_dates",
    "parse_month",
    "parse_period",
]

# Meta's exports (Instagram, Facebook) and LinkedIn write US dates even in the Indonesian UI.
_PLATFORM_ORDER = {
    "linkedin": "mdy",
    "instagram": "mdy",
    "facebook": "mdy",
    "meta": "mdy",
    "twitter": "mdy",
    "x": "mdy",
    "shopee": "dmy",
    "tiktok_shop": "dmy",
    "tokopedia": "dmy",
    "youtube": "dmy",
}
_ORDERS = ("mdy", "dmy", "ymd")


@dataclass(frozen=True)
class ParsedDates:
    """A parsed date column: midnight datetimes plus what was learned while reading it."""

    values: pd.Series
    bad: pd.Series
    yearless: bool = False
    year_used: int | None = None
    rolled_over: bool = False


def infer_date_order(
    samples: Sequence[str],
    hint: str | None = None,
    *,
    locale: str | None = None,
    today: dt.date | None = None,
) -> tuple[str, str]:
    """Guess whether numeric dates are month-first, day-first or ISO, and say on what basis.

    In turn: a cell that reads one way only (`13/04/2026`); ISO throughout; the one order that
    puts no date after `today`; the platform's convention (`hint`); the file's `locale` order
    (an Indonesian file writes the day first); dashes for day-first, slashes for month-first."""
    votes = {"mdy": 0, "dmy": 0}
    iso = dashed = slashed = 0
    undecided: list[tuple[int, int, int]] = []  # (first, second, year), both 12 or less
    for cell in {s.strip() for s in samples if isinstance(s, str)}:
        if re.match(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", cell):
            iso += 1
            continue
        m = re.match(r"(\d{1,2})([-/.])(\d{1,2})[-/.](\d{2,4})\b", cell)
        if m is None:
            continue
        first, second = int(m[1]), int(m[3])
        slashed += m[2] == "/"
        dashed += m[2] != "/"
        if first > 12 >= second:
            votes["dmy"] += 1
        elif second > 12 >= first:
            votes["mdy"] += 1
        else:
            year = int(m[4])
            undecided.append((first, second, year + 2000 if year < 100 else year))
    if votes["dmy"] or votes["mdy"]:
        side = "dmy" if votes["dmy"] >= votes["mdy"] else "mdy"
        return side, ("conflict" if votes["dmy"] and votes["mdy"] else "evidence")
    if iso and not (dashed or slashed):
        return "ymd", "evidence"
    either = undecided  # `07/07/2026` included: the same day in both orders
    undecided = [c for c in either if c[0] != c[1]]
    if today is not None and undecided:
        later = {order: _any_after(undecided, order, today) for order in ("mdy", "dmy")}
        if later["mdy"] != later["dmy"]:
            return ("dmy" if later["mdy"] else "mdy"), "future"
    # A daily or weekly series runs day by day (or week by week) in one order only: a program
    # that re-wrote a platform's dates in its own locale (`1/7/2026`) leaves no other proof.
    even = [order for order in ("mdy", "dmy") if runs_evenly(either, order)]
    if len(even) == 1:
        return even[0], "sequence"
    if hint is not None:
        key = hint.strip().lower()
        order = key if key in _ORDERS else _PLATFORM_ORDER.get(key)
        if order is not None:
            return order, "platform"
    if locale in _ORDERS:
        return str(locale), "locale"
    # `13-06-2025` and `13.06.2025` are how day-first locales write dates; slashes in an
    # undecided file mostly come from US-built exports (Meta, LinkedIn, X).
    return ("dmy" if dashed > slashed else "mdy"), "default"


def _any_after(cells: list[tuple[int, int, int]], order: str, today: dt.date) -> bool:
    """Whether any (first, second, year) cell read in this order is a day after `today`."""
    for first, second, year in cells:
        month, day = (first, second) if order == "mdy" else (second, first)
        try:
            if dt.date(year, month, day) > today:
                return True
        except ValueError:
            continue
    return False


def _from_datetimes(values: pd.Series) -> ParsedDates:
    stamps = values
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        # The day is the one the file states where it was written: midnight in Jakarta is that
        # day, not the evening before in UTC.
        stamps = values.dt.tz_localize(None)
    out = stamps.dt.normalize().astype("datetime64[ns]")
    return ParsedDates(values=out, bad=pd.Series(False, index=values.index, name=values.name))


def _from_serials(values: pd.Series) -> ParsedDates:
    serial = pd.to_numeric(values, errors="coerce").astype("float64")
    # Excel counts days from 1899-12-30 (its phantom 1900-02-29 included).
    ok = serial.between(1, 106_000)  # beyond 2190 is no metric's date
    days = np.floor(serial.where(ok).to_numpy())
    stamps = np.datetime64("1899-12-30", "ns") + (days * 86_400e9).astype("timedelta64[ns]")
    stamps[~ok.to_numpy()] = np.datetime64("NaT")
    bad = (serial.notna() & ~ok).to_numpy()
    index, name = values.index, values.name
    return ParsedDates(
        values=pd.Series(stamps, index=index, name=name), bad=pd.Series(bad, index=index, name=name)
    )


def parse_dates(
    values: pd.Series, order: str, *, today: dt.date, year: int | None = None
) -> ParsedDates:
    """Read a column of date cells as midnight datetime64[ns] values, in file order."""
    if order not in _ORDERS:
        raise ValueError(f"date order must be one of {_ORDERS}, not {order!r}")
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return _from_datetimes(values)
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values):
        return _from_serials(values)
    codes, uniques = pd.factorize(values)
    if isinstance(values.dtype, pd.StringDtype):
        cells = pa.array(uniques)
    elif pd.api.types.infer_dtype(uniques, skipna=True) == "string":
        cells = pa.array(np.asarray(uniques, dtype=object), type=pa.large_string())
    else:
        cells = pa.array(
            [u if isinstance(u, str) else str(u) for u in uniques], type=pa.large_string()
        )
    y_u, m_u, d_u, missing_u = parse_day_cells(cells, order)
    # The year of a yearless cell depends on its row, so the parts go back to rows first.
    pick = np.where(codes >= 0, codes, len(y_u))
    y = np.append(y_u, 0)[pick]
    m, d = np.append(m_u, 0)[pick], np.append(d_u, 0)[pick]
    missing = np.append(missing_u, True)[pick]
    yearless = (y == 0) & (m > 0) & ~missing
    year_used, rolled = None, False
    if yearless.any():
        rows = np.flatnonzero(yearless)
        months, days = m[rows], d[rows]
        offset = year_offsets(months, days)
        if offset is None:
            # Not in time order (a content list sorted by views): each day its own latest year.
            years = latest_year(months, days, today) if year is None else np.full(len(rows), year)
            y[rows] = years
            year_used = int(years[0])
        else:
            rolled = bool(offset.any())
            if year is None:
                year = int((latest_year(months, days, today) - offset).min())
            year_used = year
            y[rows] = year + offset
    stamps = assemble_days(y, m, d)
    bad = ~missing & np.isnat(stamps)
    index = values.index
    return ParsedDates(
        values=pd.Series(stamps, index=index, name=values.name),
        bad=pd.Series(bad, index=index, name=values.name),
        yearless=bool(yearless.any()),
        year_used=year_used,
        rolled_over=rolled,
    )


_PERIOD_DATE = re.compile(
    r"(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})"
    r"|[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4})(?!\d)"
)


_DAY_MONTH = re.compile(r"(?<![\d-])(\d{1,2})-(?=[A-Za-z]{3})")


def parse_period(text: str, order: str = "dmy") -> tuple[dt.date, dt.date] | None:
    """Read a report's date range (`01/07/2026 - 31/07/2026`); None unless both ends are dates."""
    # Excel in English takes a range's `July 1` for a date and writes it back `1-Jul`.
    found = _PERIOD_DATE.findall(_DAY_MONTH.sub(r"\1 ", text))
    if len(found) != 2:
        return None
    inferred, basis = infer_date_order(found)
    if basis != "default":
        order = inferred
    parsed = parse_dates(pd.Series(found, dtype=object), order, today=dt.date.max)
    if parsed.bad.any() or parsed.yearless:
        return None
    start, end = (ts.date() for ts in parsed.values)
    return (start, end) if start <= end else (end, start)


# A month of a year: `2026-07`, `07/2026`, `Jul 2026`, `Juli 2026`, `July-2026`.
_MONTH_LABEL = re.compile(
    r"\s*(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})|(?P<m2>\d{1,2})[-/.](?P<y2>\d{4})"
    r"|(?P<name>[A-Za-z]+)\.?[\s-]*,?\s*(?P<y3>\d{4}))\s*"
)


def parse_month(text: str) -> tuple[dt.date, dt.date] | None:
    """Read a month label (`Juli 2026`, `2026-07`) as its first and last day; None otherwise."""
    found = _MONTH_LABEL.fullmatch(text)
    if found is None:
        return None
    year = int(found["y1"] or found["y2"] or found["y3"])
    month = month_number(found["name"]) if found["name"] else int(found["m1"] or found["m2"])
    if not 1 <= month <= 12 or not 1678 <= year <= 2261:
        return None
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, 1), dt.date(year, month, last)


# A spreadsheet turns `2026-01` into a date: its header cell then reads `2026-01-01 00:00:00`.
_FIRST_OF_MONTH = re.compile(r"^(\d{4})-(\d{2})-01(?: 00:00:00)?$")


def month_header(text: str) -> tuple[int, int | None] | None:
    """The month (and year, where it says) a column header names: `Jan`, `Februari`, `Jan
    2026`, `2026-01`; None for any other header."""
    text = text.strip()
    number = month_number(text)
    if number:
        return number, None
    stamped = _FIRST_OF_MONTH.match(text)
    if stamped:
        return int(stamped[2]), int(stamped[1])
    span = parse_month(text)
    return (span[0].month, span[0].year) if span else None
