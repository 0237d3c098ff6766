"""Read the date strings of metric exports, including yearless TikTok days and Indonesian months."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["ParsedDates", "infer_date_order", "parse_dates", "parse_period"]

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan januari",
        "february feb februari pebruari peb",
        "march mar maret",
        "april apr",
        "may mei",
        "june jun juni",
        "july jul juli",
        "august aug agustus agu agt ags",
        "september sep sept",
        "october oct oktober okt",
        "november nov nopember nop",
        "december dec desember des",
    ],
    start=1,
):
    _MONTHS.update(dict.fromkeys(_names.split(), _number))
_MONTH_KEYS = pa.array(list(_MONTHS))
_MONTH_NUMBERS = np.array([*_MONTHS.values(), 0], dtype=np.int64)

# Placeholders that stand where a date would: `Lifetime` rows get their Publish time later.
_MISSING = pa.array(
    [
        "",
        "-",
        "--",
        "n/a",
        "na",
        "undefined",
        "null",
        "none",
        "nan",
        "lifetime",
        "tidak terbatas",
        "berlangsung",
    ]
)
_TIME = r"(?:[ t,]+\d{1,2}[:.]\d{2}.*)?"
_ISO_PADDED = r"^\d{4}-\d{2}-\d{2}(?:[ t]|$)"
_PATTERNS = {
    "ymd": r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[ t].*)?$",
    "compact": r"^(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)$",
    "numeric": rf"^(?P<a>\d{{1,2}})(?P<s>[-/.])(?P<b>\d{{1,2}})[-/.](?P<y>\d{{4}}|\d{{2}}){_TIME}$",
    "month_first": r"^(?:[a-z]+\.?,? )?(?P<name>[a-z]+)\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?"
    rf"(?:,? (?P<y>\d{{4}}))?{_TIME}$",
    "day_first": r"^(?:[a-z]+\.?,? )?(?P<d>\d{1,2})[ -](?P<name>[a-z]+)\.?,?(?:[ -](?P<y>\d{4}))?"
    rf"{_TIME}$",
}
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


def infer_date_order(samples: Sequence[str], hint: str | None = None) -> tuple[str, str]:
    """Guess whether numeric dates are month-first, day-first or ISO, and say on what basis."""
    votes = {"mdy": 0, "dmy": 0}
    iso = dashed = slashed = 0
    for cell in {s.strip() for s in samples if isinstance(s, str)}:
        if re.match(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", cell):
            iso += 1
            continue
        m = re.match(r"(\d{1,2})([-/.])(\d{1,2})[-/.]\d{2,4}\b", cell)
        if m is None:
            continue
        first, second = int(m[1]), int(m[3])
        slashed += m[2] == "/"
        dashed += m[2] != "/"
        if first > 12 >= second:
            votes["dmy"] += 1
        elif second > 12 >= first:
            votes["mdy"] += 1
    if votes["dmy"] or votes["mdy"]:
        side = "dmy" if votes["dmy"] >= votes["mdy"] else "mdy"
        return side, ("conflict" if votes["dmy"] and votes["mdy"] else "evidence")
    if iso and not (dashed or slashed):
        return "ymd", "evidence"
    if hint is not None:
        key = hint.strip().lower()
        order = key if key in _ORDERS else _PLATFORM_ORDER.get(key)
        if order is not None:
            return order, "platform"
    # `13-06-2025` and `13.06.2025` are how day-first locales write dates; slashes in an
    # undecided file mostly come from US-built exports (Meta, LinkedIn, X).
    return ("dmy" if dashed > slashed else "mdy"), "default"


def _ints(arr: pa.Array) -> np.ndarray:
    """Turn a captured digit group into int64, with 0 where it did not participate."""
    blank = pc.fill_null(pc.equal(arr, ""), True)
    return np.asarray(pc.fill_null(pc.cast(pc.if_else(blank, "0", arr), pa.int64()), 0))


def _parse_unique(
    cells: pa.Array, order: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return year (0 when absent), month, day and a missing flag for each unique cell."""
    text = pc.utf8_trim_whitespace(pc.cast(cells, pa.large_string()))
    # Matching is much cheaper than replacing, so only odd spacing pays for the rewrite.
    if pc.any(pc.match_substring_regex(text, r"\s\s|[\t\r\n\x{00a0}\x{202f}]")).as_py():
        text = pc.replace_substring_regex(text, r"[\s\x{00a0}\x{202f}]+", " ")
    text = pc.utf8_lower(text)
    n = len(text)
    y, m, d = (np.zeros(n, dtype=np.int64) for _ in range(3))
    missing = np.asarray(pc.fill_null(pc.is_in(text, value_set=_MISSING), True), dtype=bool)
    todo = ~missing
    # Zero-padded ISO is the bulk of most files: plain slicing beats capturing regex groups.
    iso = np.asarray(pc.fill_null(pc.match_substring_regex(text, _ISO_PADDED), False), dtype=bool)
    if iso.any():
        for target, start in ((y, 0), (m, 5), (d, 8)):
            piece = pc.utf8_slice_codeunits(text, start, start + (4 if start == 0 else 2))
            target[iso] = np.asarray(
                pc.fill_null(pc.cast(pc.if_else(pa.array(iso), piece, "0"), pa.int64()), 0)
            )[iso]
        todo &= ~iso
    for name, pattern in _PATTERNS.items():
        if not todo.any():
            break
        idx = np.flatnonzero(todo)
        parts = pc.extract_regex(pc.take(text, pa.array(idx)), pattern)
        hit = np.asarray(parts.is_valid(), dtype=bool)
        if not hit.any():
            continue
        rows, parts = idx[hit], parts.filter(pa.array(hit))
        get = {
            k: pc.struct_field(parts, k)
            for k in ("y", "m", "d", "a", "b", "name")
            if pattern.find(f"<{k}>") >= 0
        }
        year = _ints(get["y"])
        if name == "numeric":
            a, b = _ints(get["a"]), _ints(get["b"])
            day, month = (a, b) if order != "mdy" else (b, a)
            year = np.where(year < 100, year + 2000, year)
        elif "name" in get:
            pos = np.asarray(pc.fill_null(pc.index_in(get["name"], value_set=_MONTH_KEYS), -1))
            month, day = _MONTH_NUMBERS[pos], _ints(get["d"])
        else:
            month, day = _ints(get["m"]), _ints(get["d"])
        y[rows], m[rows], d[rows] = year, month, day
        todo[rows] = False
    return y, m, d, missing


def _assemble(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Build datetime64[ns] from parts, NaT where the parts are not a real calendar date."""
    ok = (y >= 1678) & (y <= 2261) & (m >= 1) & (m <= 12) & (d >= 1) & (d <= 31)
    months = np.where(ok, (y - 1970) * 12 + m - 1, 0).astype("datetime64[M]")
    days = months.astype("datetime64[D]") + np.where(ok, d - 1, 0)
    # 31 April spills into May: the month check catches every impossible day.
    ok &= days.astype("datetime64[M]") == months
    out = days.astype("datetime64[ns]")
    out[~ok] = np.datetime64("NaT")
    return out


def _latest_year(m: np.ndarray, d: np.ndarray, today: dt.date) -> np.ndarray:
    """The latest year in which each (month, day) is not after today."""
    year = np.where(
        (m > today.month) | ((m == today.month) & (d > today.day)), today.year - 1, today.year
    )
    for _ in range(7):  # 29 February waits for a leap year
        leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
        year = np.where((m == 2) & (d == 29) & ~leap, year - 1, year)
    return year


def _from_datetimes(values: pd.Series) -> ParsedDates:
    stamps = values
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        stamps = values.dt.tz_convert("UTC").dt.tz_localize(None)
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
    y_u, m_u, d_u, missing_u = _parse_unique(cells, order)
    # The year of a yearless cell depends on its row, so the parts go back to rows first.
    pick = np.where(codes >= 0, codes, len(y_u))
    y = np.append(y_u, 0)[pick]
    m, d = np.append(m_u, 0)[pick], np.append(d_u, 0)[pick]
    missing = np.append(missing_u, True)[pick]
    yearless = (y == 0) & (m > 0) & ~missing
    year_used, rolled = None, False
    if yearless.any():
        rows = np.flatnonzero(yearless)
        months = m[rows]
        # File order is time order: December then January is a new year (and back, if sorted
        # newest first).
        step = np.zeros(len(rows), dtype=np.int64)
        step[1:] = ((months[:-1] == 12) & (months[1:] == 1)).astype(np.int64) - (
            (months[:-1] == 1) & (months[1:] == 12)
        ).astype(np.int64)
        offset = np.cumsum(step)
        rolled = bool(step.any())
        if year is None:
            year = int((_latest_year(months, d[rows], today) - offset).min())
        year_used = year
        y[rows] = year + offset
    stamps = _assemble(y, m, d)
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


def parse_period(text: str, order: str = "dmy") -> tuple[dt.date, dt.date] | None:
    """Read a report's date range (`01/07/2026 - 31/07/2026`); None unless both ends are dates."""
    found = _PERIOD_DATE.findall(text)
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
