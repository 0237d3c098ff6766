"""Read the number cells of metric exports (`1.234,5`, `Rp 202.214`, `3,2%`, `1.2K`, `0:05:12`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow as pa

from kpi_core.ingest.number_cells import CURRENCY, FORMATS, MISSING_TOKENS, parse_cells, split_cell

__all__ = [
    "ID_SIGNALS",
    "MISSING_TOKENS",
    "ParsedNumbers",
    "infer_number_format",
    "parse_numbers",
]

# Header words that only an Indonesian export uses: its numbers are `1.234,5`, its money rupiah
# and its dates day first, unless the cells or the platform say otherwise.
ID_SIGNALS = re.compile(
    r"(?i)\b(tanggal|jumlah|biaya|pendapatan|penjualan|jangkauan|tayangan|pesanan|pengunjung"
    r"|komentar|pengikut|kunjungan|dibagikan|disimpan|kampanye|tautan)\b"
)


@dataclass(frozen=True)
class ParsedNumbers:
    """A parsed number column: float values plus what was learned while reading it."""

    values: pd.Series
    bad: pd.Series
    masked: pd.Series
    percent: bool = False
    currency: str | None = None
    seconds: bool = False
    # Per row, only when the cells name more than one currency (`$12.50` beside `IDR 150.000`).
    currencies: pd.Categorical | None = None
    # Each row's code into the distinct cells, and per distinct cell its percent sign, duration
    # and currency: what some of the rows show (one metric of a long file) is read from these.
    codes: np.ndarray | None = None
    distinct: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def of_rows(self, rows: np.ndarray) -> ParsedNumbers:
        """What the cells of these rows show (percent signs, durations, currency) as a column."""
        if self.codes is None or self.distinct is None:
            return self
        pct, duration, currency = self.distinct
        codes = self.codes[rows]
        counts = np.bincount(codes[codes >= 0], minlength=len(pct))
        used = counts > 0
        found: Counter[str] = Counter()
        for code in set(currency[used]) - {""}:
            found[str(code)] += int(counts[currency == code].sum())
        return replace(
            self,
            percent=bool(pct[used].any()),
            seconds=bool(duration[used].any()),
            currency=found.most_common(1)[0][0] if found else None,
        )


def _evidence(core: str, currency: str | None) -> str | None:
    """Say which format a single cell proves ("en"/"id"), or None when it reads both ways."""
    dot, comma = core.count("."), core.count(",")
    if dot and comma:
        if core.rfind(",") > core.rfind("."):
            return "id" if re.fullmatch(r"\d{1,3}(\.\d{3})+,\d+", core) else None
        return "en" if re.fullmatch(r"\d{1,3}(,\d{3})+\.\d+", core) else None
    if not (dot or comma):
        return None
    sep, own, other = (".", "en", "id") if dot else (",", "id", "en")
    if dot + comma > 1:
        group = re.escape(sep)
        return other if re.fullmatch(rf"\d{{1,3}}({group}\d{{3}})+", core) else None
    whole, frac = core.split(sep)
    if len(frac) != 3 or whole in ("", "0") or len(whole) > 3:
        return own
    # `12.345` reads both ways; the currency settles it (rupiah is written with dot thousands).
    if currency == "IDR":
        return "id"
    if currency == "USD":
        return "en"
    return None


def infer_number_format(
    samples: Sequence[str], delimiter: str | None = None, header: Sequence[str] = ()
) -> tuple[str, str]:
    """Guess a file's number format ("en" or "id") from sample cells and say on what basis.

    Cells that read one way only decide; failing them, a `;` delimiter or Indonesian headers
    (`Tayangan`, `Jangkauan`: `15.000` there is fifteen thousand) mean "id"."""
    votes = {"en": 0, "id": 0}
    for cell, count in Counter(s for s in samples if isinstance(s, str)).items():
        parts = split_cell(cell)
        if parts is not None and (side := _evidence(*parts)) is not None:
            votes[side] += count
    fallback = "id" if delimiter == ";" else "en"
    if votes["en"] and votes["id"]:
        if votes["en"] == votes["id"]:
            return fallback, "conflict"
        return ("en" if votes["en"] > votes["id"] else "id"), "conflict"
    if votes["en"] or votes["id"]:
        side = "en" if votes["en"] else "id"
        return side, f"evidence_{side}"
    # An Indonesian-locale Excel writes `;` separated files with decimal commas.
    if delimiter == ";":
        return "id", "delimiter"
    if ID_SIGNALS.search(" ".join(str(h) for h in header)):
        return "id", "language"
    if _dots_group_thousands(samples):
        return "id", "thousands"
    return "en", "default"


_DOT_GROUPED = re.compile(r"-?[1-9]\d{0,2}(?:\.\d{3})+")
_LONG_WHOLE = re.compile(r"-?\d{4,}")


def _dots_group_thousands(samples: Sequence[str]) -> bool:
    """Whether the only dots in a file's plain numbers group thousands: several distinct cells
    such as `15.000` and `2.340`, every one with three digits after its dot, and no whole number
    of four digits or more written without one. A spreadsheet set to Indonesian writes counts so
    even in a comma-separated file with English headers; an English file's decimals would not
    all have three places, and it would write fifteen thousand `15000` beside them."""
    grouped = 0
    for cell in {s.strip() for s in samples if isinstance(s, str)}:
        if _LONG_WHOLE.fullmatch(cell):
            return False
        grouped += bool(_DOT_GROUPED.fullmatch(cell))
    return grouped >= 3


def _numeric_result(values: pd.Series) -> ParsedNumbers:
    # One conversion straight to float64 (a million int64 cells: no intermediate copies).
    floats = pd.Series(
        values.to_numpy(dtype="float64", na_value=np.nan), index=values.index, copy=False
    )
    flags = pd.Series(False, index=values.index, dtype=bool)
    floats.name = values.name
    return ParsedNumbers(values=floats, bad=flags, masked=flags.copy())


def parse_numbers(values: pd.Series, fmt: str) -> ParsedNumbers:
    """Read a column of metric cells as float64 in the given number format ("en" or "id")."""
    if fmt not in FORMATS:
        raise ValueError(f"number format must be 'en' or 'id', not {fmt!r}")
    if pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
        return _numeric_result(values)
    codes, uniques = pd.factorize(values)
    n = len(uniques)
    if isinstance(values.dtype, pd.StringDtype):
        objs = np.empty(0, dtype=object)
        is_num = np.zeros(n, dtype=bool)
        cells = pa.array(uniques)
    elif pd.api.types.infer_dtype(uniques, skipna=True) == "string":
        objs = np.empty(0, dtype=object)
        is_num = np.zeros(n, dtype=bool)
        cells = pa.array(np.asarray(uniques, dtype=object), type=pa.large_string())
    else:
        objs = np.asarray(uniques, dtype=object)
        # Excel hands mixed columns over as Python numbers beside strings, Parquet's decimal
        # columns as Decimals: numbers stay numbers, never read again as text in a locale.
        is_num = np.fromiter(
            (
                isinstance(u, int | float | Decimal | np.number) and not isinstance(u, bool)
                for u in objs
            ),
            dtype=bool,
            count=n,
        )
        cells = pa.array(
            [u if isinstance(u, str) else str(u) for u in objs[~is_num]], type=pa.large_string()
        )
    parsed = parse_cells(cells, fmt)
    vals_u, ok_u, masked_u = np.full(n, np.nan), np.zeros(n, bool), np.zeros(n, bool)
    missing_u, cur_u = np.zeros(n, bool), np.full(n, "", dtype=object)
    if is_num.any():
        vals_u[is_num] = objs[is_num].astype(np.float64)
        missing_u[is_num] = np.isnan(vals_u[is_num])
        ok_u[is_num] = ~missing_u[is_num]
    for target, key in (
        (vals_u, "values"),
        (ok_u, "ok"),
        (masked_u, "masked"),
        (missing_u, "missing"),
        (cur_u, "currency"),
    ):
        target[~is_num] = parsed[key]
    bad_u = ~(ok_u | masked_u | missing_u)
    # Index -1 (a null cell) picks the appended sentinel.
    vals = np.append(vals_u, np.nan)[codes]
    counts = np.bincount(codes[codes >= 0], minlength=n)
    found: Counter[str] = Counter()
    for code in set(cur_u[ok_u]) - {""}:
        found[CURRENCY[code]] += int(counts[ok_u & (cur_u == code)].sum())
    index = values.index
    currencies = None
    if len(found) > 1:
        iso = np.array([CURRENCY[c] if c else None for c in cur_u] + [None], dtype=object)
        currencies = pd.Categorical(iso[codes])  # a null cell (code -1) picks the last None
    pct_u, dur_u = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    pct_u[~is_num], dur_u[~is_num] = parsed["pct"], parsed["duration"]
    iso_u = np.array([CURRENCY[c] if c and ok else "" for c, ok in zip(cur_u, ok_u, strict=True)])
    return ParsedNumbers(
        values=pd.Series(vals, index=index, name=values.name, dtype="float64"),
        bad=pd.Series(np.append(bad_u, False)[codes], index=index, name=values.name),
        masked=pd.Series(np.append(masked_u, False)[codes], index=index, name=values.name),
        percent=bool(parsed["pct"].any()),
        currency=found.most_common(1)[0][0] if found else None,
        seconds=bool(parsed["duration"].any()),
        currencies=currencies,
        codes=codes,
        distinct=(pct_u, dur_u, iso_u),
    )
