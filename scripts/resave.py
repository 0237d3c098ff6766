"""What a spreadsheet program writes when a marketer opens a platform export and saves it again.

Used by make_fixtures.py to build the re-saved fixtures as raw bytes (never through pandas).
The program's reading of each cell is modelled as Excel and Google Sheets do it: a cell it
takes for a number, a percentage or a date is stored as one and written back in the
program's own locale (`1234,5`, `3,5%`, `01/07/2026`); an integer of twelve or more digits
is shown, and so saved, in scientific notation (`1,2211E+17`); a slash date is taken in the
program's own day/month order (a date that order cannot hold stays text); everything else
is text and written as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]  # fmt: skip


@dataclass(frozen=True)
class Program:
    """A spreadsheet program and the locale it runs in, as it saves a CSV."""

    sep: str = ";"
    decimal: str = ","  # the locale's decimal mark; the thousands mark is the other one
    day_first: bool = True
    short_date: str = "dd/mm/yyyy"  # or "d/m/yyyy", "m/d/yyyy"
    eol: str = "\r\n"
    encoding: str = "cp1252"  # "utf-8-sig" (CSV UTF-8), "utf-8" (Google Sheets)
    english_months: bool = False  # whether it reads `Jul 14, 2026` and `December 26` as dates
    quote_decimals: bool = False  # Google Sheets quotes a cell holding its delimiter anyway

    @property
    def thousands(self) -> str:
        return "." if self.decimal == "," else ","


EXCEL_ID = Program()
EXCEL_ID_UTF8 = Program(encoding="utf-8-sig")
EXCEL_ID_SHORT = Program(short_date="d/m/yyyy")
EXCEL_US = Program(
    sep=",", decimal=".", day_first=False, short_date="m/d/yyyy", english_months=True
)
SHEETS_US = Program(
    sep=",", decimal=".", day_first=False, short_date="m/d/yyyy", eol="\n", encoding="utf-8"
)
SHEETS_ID = Program(sep=",", decimal=",", short_date="d/m/yyyy", eol="\n", encoding="utf-8")


# --------------------------------------------------------------------------- cells as typed


@dataclass(frozen=True)
class Num:
    value: Decimal
    grouped: bool  # the export wrote thousands marks, so the program keeps `#,##0`
    places: int  # decimals the format keeps (only when grouped; General shows what it needs)


@dataclass(frozen=True)
class Pct:
    value: Decimal  # in percent units: 3.5 for 3,5%
    places: int


@dataclass(frozen=True)
class When:
    at: dt.datetime
    time: bool
    seconds: bool = False
    named: str = ""  # "dmy" for `19-Feb-23`, "dm" for `26-Dec` (no year)


Cell = Num | Pct | When | str


def typed(cell: str, fmt: str, prog: Program) -> Cell:
    """How the program reads one cell of the export (`fmt`: the export's own number format)."""
    s = cell
    if s.strip() != s or not s:
        return s
    thousands, decimal = (",", ".") if fmt == "en" else (".", ",")
    num = _number(s, thousands, decimal)
    if num is not None:
        return num
    if s.endswith("%"):
        inner = _number(s[:-1], thousands, decimal)
        if inner is not None:
            return Pct(inner.value, _places(s[:-1], decimal))
        return s
    return _date(s, prog) or s


def _places(s: str, decimal: str) -> int:
    return len(s.split(decimal, 1)[1]) if decimal in s else 0


def _number(s: str, thousands: str, decimal: str) -> Num | None:
    t, d = re.escape(thousands), re.escape(decimal)
    if re.fullmatch(rf"-?\d+(?:{d}\d+)?", s):
        return Num(Decimal(s.replace(decimal, ".")), False, _places(s, decimal))
    if re.fullmatch(rf"-?\d{{1,3}}(?:{t}\d{{3}})+(?:{d}\d+)?", s):
        plain = s.replace(thousands, "").replace(decimal, ".")
        return Num(Decimal(plain), True, _places(s, decimal))
    return None


_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?")
_NAMED = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2})(?:, (\d{4}))?")


def _date(s: str, prog: Program) -> When | None:
    m = _ISO.fullmatch(s)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := _SLASH.fullmatch(s):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        d, mo = (a, b) if prog.day_first else (b, a)  # the program's order, right or not
    elif prog.english_months and (m := _NAMED.fullmatch(s)):
        word = m[1].lower()
        months = [n for n, name in enumerate(MONTH_NAMES) if name.startswith(word)]
        if not months or (len(word) > 3 and word not in MONTH_NAMES and word[:3] not in MONTHS):
            return None
        year = int(m[3]) if m[3] else 2026  # Excel's current year; it shows none
        try:
            day = dt.datetime(year, months[0] + 1, int(m[2]))
            return When(day, False, named="dmy" if m[3] else "dm")
        except ValueError:
            return None
    else:
        return None
    try:
        hh, mm, ss = (int(m[4]), int(m[5]), int(m[6] or 0)) if m[4] else (0, 0, 0)
        return When(dt.datetime(y, mo, d, hh, mm, ss), m[4] is not None, m[6] is not None)
    except ValueError:
        return None  # 25/07/2026 to a month-first program: it stays text


# --------------------------------------------------------------------------- written back


def _general(value: Decimal, prog: Program) -> str:
    """Excel's General format: at most 11 characters, scientific beyond."""
    if value == value.to_integral_value() and abs(value) < Decimal(10) ** 11:
        text = str(int(value))
    elif value == value.to_integral_value():
        mantissa, exponent = f"{value:.5E}".split("E")
        mantissa = mantissa.rstrip("0").rstrip(".")
        text = f"{mantissa}E+{int(exponent):02d}"
    else:
        text = format(value.normalize(), "f")
        if len(text) > 11:
            whole = len(text.split(".")[0])
            text = format(round(value, max(0, 10 - whole)).normalize(), "f")
    return text.replace(".", prog.decimal)


def _grouped(value: Decimal, places: int, prog: Program) -> str:
    text = f"{value:,.{places}f}"
    return text.replace(",", "\0").replace(".", prog.decimal).replace("\0", prog.thousands)


def _date_text(w: When, prog: Program) -> str:
    at = w.at
    if w.named == "dmy":
        return f"{at.day}-{MONTHS[at.month - 1].title()}-{at.year % 100:02d}"
    if w.named == "dm":
        return f"{at.day}-{MONTHS[at.month - 1].title()}"
    pad = prog.short_date.startswith(("dd", "mm"))
    d, m = (f"{at.day:02d}", f"{at.month:02d}") if pad else (str(at.day), str(at.month))
    day = f"{d}/{m}/{at.year}" if prog.short_date[0] == "d" else f"{m}/{d}/{at.year}"
    if not w.time:
        return day
    return f"{day} {at.hour}:{at.minute:02d}" + (f":{at.second:02d}" if w.seconds else "")


def shown(cell: Cell, prog: Program) -> str:
    """The text the program writes for a cell it holds."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, Num):
        if cell.grouped:
            return _grouped(cell.value, cell.places, prog)
        return _general(cell.value, prog)
    if isinstance(cell, Pct):
        return f"{cell.value:.{cell.places}f}".replace(".", prog.decimal) + "%"
    return _date_text(cell, prog)


def _field(text: str, prog: Program) -> str:
    if any(c in text for c in (prog.sep, '"', "\n", "\r")):
        return '"' + text.replace('"', '""') + '"'
    return text


def parse_csv(text: str, sep: str = ",") -> list[list[str]]:
    """The export's own rows (the export is the platform's, so Python's csv reads it)."""
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))


def resave_csv(
    rows: list[list[str]],
    fmt: str,
    prog: Program,
    *,
    pad_columns: int = 0,
    pad_rows: int = 0,
    lead: bool = False,
    errors: dict[tuple[int, int], str] | None = None,
) -> bytes:
    """The bytes of `rows` (the export's cells) opened and saved again by `prog`.

    Every row is written as wide as the widest (Excel writes its used range), `pad_columns`
    emptied columns and `pad_rows` emptied rows past the data stay in that range, `lead` puts an
    empty row and column before the table, and `errors` puts formula errors in given cells."""
    width = max(len(r) for r in rows) + pad_columns
    out_rows = []
    for i, row in enumerate(rows):
        cells = [shown(typed(c, fmt, prog), prog) for c in row]
        for (r, c), error in (errors or {}).items():
            if r == i:
                cells[c] = error
        cells += [""] * (width - len(cells))
        out_rows.append(([""] if lead else []) + cells)
    out_rows += [[""] * (width + lead) for _ in range(pad_rows)]
    if lead:
        out_rows.insert(0, [""] * (width + 1))
    text = "".join(prog.sep.join(_field(c, prog) for c in r) + prog.eol for r in out_rows)
    if prog.encoding == "cp1252":
        return text.encode("cp1252", errors="replace")  # Excel writes `?` for what it cannot
    return text.encode(prog.encoding)


# --------------------------------------------------------------------------- workbooks


def cell_value(cell: Cell, *, as_text: str | None = None, sheets: bool = False) -> tuple[Any, str]:
    """The value and number format a workbook cell holds after the program read `cell` (Excel's
    formats, or Google Sheets' with `sheets`)."""
    if as_text is not None or isinstance(cell, str):
        return (as_text if as_text is not None else cell) or None, "General"
    if isinstance(cell, Num):
        if cell.value == cell.value.to_integral_value() and abs(cell.value) < 2**53:
            value: Any = int(cell.value)
        else:
            value = float(f"{float(cell.value):.15g}")  # Excel keeps 15 significant digits
        if cell.grouped:
            return value, "#,##0" + ("." + "0" * cell.places if cell.places else "")
        return value, "General"
    if isinstance(cell, Pct):
        return float(cell.value) / 100, "0" + ("." + "0" * cell.places if cell.places else "") + "%"
    if cell.named == "dm":
        return cell.at, "d-mmm"
    if cell.named == "dmy":
        return cell.at, "d-mmm-yy"
    if sheets:  # Google Sheets writes its own formats out in full
        return cell.at, "m/d/yyyy h:mm:ss" if cell.time else "m/d/yyyy"
    return cell.at, "m/d/yyyy h:mm" if cell.time else "mm-dd-yy"
