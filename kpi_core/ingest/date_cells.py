"""The grammar of a date cell (`2026-07-01`, `01/07/2026`, `Jul 1, 2026`, `1 Juli`, `Des 31`) and
its vectorised reading.

Distinct cell texts are cut into year, month and day at once with pyarrow's compute kernels;
`dates` maps them back onto the rows, dates yearless cells and decides the date order.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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
# A day may carry its time (`2017-04-04 00:00 +0000`), never a second day: `2026-07-01 -
# 2026-07-07` is a week, read as a range by `dating`.
_ISO_PADDED = rf"^\d{{4}}-\d{{2}}-\d{{2}}{_TIME}$"
# A whole number from 25569 to 73050 (`46204`, or `46204.0` from an old .xls) is a day from
# 1970 to 2099 that Excel wrote as its serial number, the sheet giving the cell no date format;
# no year, compact day (`20260701`) or small count is taken for one.
_SERIAL = r"^\d{5}(?:\.0+)?$"
_SERIALS = (25569, 73050)
_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")  # day 0, past Excel's phantom 1900-02-29
_PATTERNS = {
    "ymd": rf"^(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}}){_TIME}$",
    "compact": r"^(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)$",
    "numeric": rf"^(?P<a>\d{{1,2}})(?P<s>[-/.])(?P<b>\d{{1,2}})[-/.](?P<y>\d{{4}}|\d{{2}}){_TIME}$",
    "month_first": r"^(?:[a-z]+\.?,? )?(?P<name>[a-z]+)\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?"
    rf"(?:,? (?P<y>\d{{4}}))?{_TIME}$",
    # Excel's `d-mmm-yy` (`1-Jul-26`, `1 Jul 26`) writes the year in two digits.
    "day_first": r"^(?:[a-z]+\.?,? )?(?P<d>\d{1,2})[ -](?P<name>[a-z]+)\.?,?"
    r"(?:[ -](?P<y>\d{4}|\d{2}))?"
    rf"{_TIME}$",
}


def _ints(arr: pa.Array) -> np.ndarray:
    """Turn a captured digit group into int64, with 0 where it did not participate."""
    blank = pc.fill_null(pc.equal(arr, ""), True)
    return np.asarray(pc.fill_null(pc.cast(pc.if_else(blank, "0", arr), pa.int64()), 0))


def parse_day_cells(
    cells: pa.Array, order: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Year (0 when the cell has none), month, day and a missing flag for each distinct cell."""
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
            year = np.where((year > 0) & (year < 100), year + 2000, year)
        else:
            month, day = _ints(get["m"]), _ints(get["d"])
        y[rows], m[rows], d[rows] = year, month, day
        todo[rows] = False
    if todo.any():
        serial = todo & np.asarray(pc.fill_null(pc.match_substring_regex(text, _SERIAL), False))
        if serial.any():
            number = pc.cast(pc.cast(pc.filter(text, pa.array(serial)), pa.float64()), pa.int64())
            number = np.asarray(number)
            ok = (number >= _SERIALS[0]) & (number <= _SERIALS[1])
            serial[serial] = ok
            day = _EXCEL_EPOCH + number[ok].astype("timedelta64[D]")
            month = day.astype("datetime64[M]")
            y[serial] = month.astype("datetime64[Y]").astype(np.int64) + 1970
            m[serial] = month.astype(np.int64) % 12 + 1
            d[serial] = (day - month.astype("datetime64[D]")).astype(np.int64) + 1
    return y, m, d, missing


def assemble_days(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Build datetime64[ns] from parts, NaT where the parts are not a real calendar date."""
    ok = (y >= 1678) & (y <= 2261) & (m >= 1) & (m <= 12) & (d >= 1) & (d <= 31)
    months = np.where(ok, (y - 1970) * 12 + m - 1, 0).astype("datetime64[M]")
    days = months.astype("datetime64[D]") + np.where(ok, d - 1, 0)
    # 31 April spills into May: the month check catches every impossible day.
    ok &= days.astype("datetime64[M]") == months
    out = days.astype("datetime64[ns]")
    out[~ok] = np.datetime64("NaT")
    return out


def month_number(name: str) -> int:
    """The month an English or Indonesian month name (or its abbreviation) names; 0 if none."""
    return _MONTHS.get(name.strip().lower().rstrip("."), 0)


def latest_year(m: np.ndarray, d: np.ndarray, today: dt.date) -> np.ndarray:
    """The latest year in which each (month, day) is not after today."""
    year = np.where(
        (m > today.month) | ((m == today.month) & (d > today.day)), today.year - 1, today.year
    )
    for _ in range(7):  # 29 February waits for a leap year
        leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
        year = np.where((m == 2) & (d == 29) & ~leap, year - 1, year)
    return year


def year_offsets(m: np.ndarray, d: np.ndarray) -> np.ndarray | None:
    """Years after the first row's of each yearless (month, day) in file order; None when the
    rows are not in time order.

    File order is time order, oldest or newest first: a fall in the month (`December 20` then
    `February 3`) starts the next year, or, newest first, a rise starts the year before. The
    file runs the way that makes it span the fewer days."""
    step = np.sign(np.diff(m))
    later = np.concatenate([[0], np.cumsum(step < 0)])
    earlier = -np.concatenate([[0], np.cumsum(step > 0)])
    key = m * 32 + d
    spans = [np.ptp(offset * 512 + key) for offset in (later, earlier)]
    offset = later if spans[0] <= spans[1] else earlier
    # A run in time order turns the year a handful of times; rows sorted by anything else
    # (views, likes) turn it at every other change of month.
    turns = int(np.count_nonzero(np.diff(offset)))
    if turns > 1 and turns * 3 > np.count_nonzero(step):
        return None
    return offset.astype(np.int64)


def numbered_days(cells: pd.Series, start: dt.date, end: dt.date) -> np.ndarray:
    """The day each cell counts from `start` (GA4's `Nth day`: `0000` is the start, `0001` the
    day after), NaT where the cell is no whole count of days within `start`..`end`."""
    text = pd.Series(np.asarray(cells, dtype=object), dtype="string").str.strip()
    counts = pd.to_numeric(text, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    span = (end - start).days
    whole = np.isfinite(counts) & (counts == np.floor(counts)) & (counts >= 0) & (counts <= span)
    days = np.full(len(counts), np.datetime64("NaT"), dtype="datetime64[ns]")
    days[whole] = np.datetime64(start, "ns") + counts[whole].astype("timedelta64[D]")
    return days
