"""What a workbook says beyond its cells' values, read cheaply: the currency a number format
names (`"Rp"#,##0`, `[$Rp-421]#,##0`), merged cells, and formulas saved without their results.

openpyxl's read-only mode streams values only; these come from the first rows' formats and
one pass of a regular expression over the sheet's XML.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from functools import lru_cache

from kpi_core.headers import ISO_CURRENCIES
from kpi_core.ingest.number_cells import CURRENCY

FORMAT_ROWS = 60  # rows whose number formats are read: the header is found in the first 40

# `[$Rp-421]`, `[$IDR]`, `[$$-409]`: the symbol before the locale; `"Rp "`: a quoted literal.
_BRACKETED = re.compile(r"\[\$([^\]-]*)(?:-[^\]]*)?\]")
_QUOTED = re.compile(r'"([^"]*)"')
_SIGNS = {"£": "GBP", "¥": "JPY", "S$": "SGD", "RM": "MYR", "A$": "AUD"}


@lru_cache(maxsize=256)
def format_currency(number_format: str) -> str | None:
    """The currency a cell's number format names, or None (`0.00%`, `General`, dates)."""
    symbols = [s.strip() for s in _BRACKETED.findall(number_format)]
    symbols += [s.strip() for s in _QUOTED.findall(number_format)]
    bare = _QUOTED.sub("", _BRACKETED.sub("", number_format)).replace("\\", "")
    symbols += [s for s in ("$", "€", "£", "¥") if s in bare]
    for symbol in symbols:
        found = CURRENCY.get(symbol.lower()) or _SIGNS.get(symbol)
        if found is None and symbol.upper() in ISO_CURRENCIES:
            found = symbol.upper()
        if found:
            return found
    return None


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@lru_cache(maxsize=256)
def shows_no_year(number_format: str) -> bool:
    """Whether a date format shows the day but no year (`d-mmm`: Excel's reading of TikTok's
    `December 26`, given the year it was opened in)."""
    bare = _QUOTED.sub("", _BRACKETED.sub("", number_format)).lower()
    return "d" in bare and "y" not in bare and "general" not in bare


def yearless(day: dt.datetime) -> str:
    """A date whose year the file never showed, written as such (`26 December`): the year is
    then inferred as for any yearless export, not taken from the day the file was saved."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
# A cell with a formula and no value after it: written by a program that does not calculate.
_BARE_FORMULA = re.compile(
    rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)

Span = tuple[int, int, int, int]  # first row, first column, last row, last column; from 0


def column_index(letters: bytes) -> int:
    """`A` is 0, `Z` 25, `AA` 26."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def sheet_xml(archive: zipfile.ZipFile | None, path: str | None) -> bytes:
    """A sheet's XML, or nothing when the workbook does not say where it is."""
    if archive is None or not path:
        return b""
    try:
        return archive.read(path.lstrip("/"))
    except KeyError:
        return b""


def merged_spans(xml: bytes) -> tuple[Span, ...]:
    """The sheet's merged ranges (they follow the cells, so the search starts there)."""
    end = xml.rfind(b"mergeCells")
    if end < 0:
        return ()
    start = xml.rfind(b"mergeCells", 0, end)  # the opening tag, before the closing one
    return tuple(
        (int(r1) - 1, column_index(c1), int(r2) - 1, column_index(c2))
        for c1, r1, c2, r2 in _MERGE.findall(xml, max(0, min(start, end) - 16))
    )


def bare_formulas(xml: bytes) -> list[tuple[int, int]]:
    """The (row, column) of every cell that holds a formula but not its result."""
    if b"<f" not in xml and b":f" not in xml:
        return []
    found = []
    for attrs in _BARE_FORMULA.findall(xml):
        ref = _CELL_REF.search(attrs)
        if ref:
            found.append((int(ref[2]) - 1, column_index(ref[1])))
    return found
