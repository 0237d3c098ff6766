"""The grammar of a number cell (`Rp 1,2 jt`, `(3.5%)`, `<5`, `0:05:12`) and its vectorised reading.

Distinct cell texts are parsed at once with pyarrow's compute kernels; `numbers` maps them back
onto the rows and decides the file's number format.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

MISSING_TOKENS: frozenset[str] = frozenset(
    {
        "",
        "-",
        "--",
        "—",
        "–",
        "N/A",
        "n/a",
        "NA",
        "#N/A",
        # Excel's other error values: a formula with nothing to compute, not a number.
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "undefined",
        "null",
        "None",
        "nan",
        "NaN",
        "Tidak Terbatas",
        "Berlangsung",
    }
)
# Comparison happens on the lower-cased, space-free cell, so ` --`, `NULL` and `N/A` all match.
_MISSING_KEYS = pa.array(sorted({t.lower().replace(" ", "") for t in MISSING_TOKENS}))

CURRENCY = {
    "rp": "IDR",
    "rp.": "IDR",
    "idr": "IDR",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
}
# `M` is million in English but miliar (1e9) in Indonesian; `Mn` follows the same split.
_SUFFIX_EN = {
    "k": 1e3,
    "rb": 1e3,
    "ribu": 1e3,
    "jt": 1e6,
    "juta": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "miliar": 1e9,
    "milyar": 1e9,
    "t": 1e12,
    "triliun": 1e12,
}
_SUFFIX_ID = {**_SUFFIX_EN, "m": 1e9, "mn": 1e9}
_SUFFIX_ALT = "ribu|rb|juta|jt|miliar|milyar|mio|mn|m|bn|b|k|triliun|t"
_CUR_ALT = r"rp\.?|idr|us\$|usd|\$|€|eur"

# `Rp 1.250.000,-` (a price with no cents written as a dash) ends in `,-`: the dash is no sign.
_SPACES = r"[\s\x{00a0}\x{202f}\x{2007}\x{feff}]+"
_CELL = (
    rf"^(?P<open>\()?(?P<sign>[-−+])?(?P<cur1>{_CUR_ALT})?(?P<sign2>[-−])?"
    r"(?P<num>\d[\d.,]*(?:e[-+]?\d+)?|[.,]\d+(?:e[-+]?\d+)?)(?:[.,]-)?"
    rf"(?P<suf>{_SUFFIX_ALT})?(?P<cur2>{_CUR_ALT})?(?P<pct>%)?(?P<close>\))?$"
)
FORMATS = ("en", "id")  # English `1,234.5`; Indonesian `1.234,5`
_VALID = {
    "en": r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[-+]?\d+)?$",
    "id": r"^(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?(?:e[-+]?\d+)?$",
}
# Nobody groups thousands in front of K/rb/jt, so `1.2K` and `1,2K` are decimals in both formats.
_SHORT_DECIMAL = r"^\d+[.,]\d{1,2}$"
_DURATION = r"^(?P<neg>-)?(?P<a>\d+):(?P<b>[0-5]?\d)(?::(?P<c>[0-5]?\d))?(?P<frac>\.\d+)?$"
# TikTok Studio writes watch time with unit letters (`12h:3m:4s`, `3m:4s`, `45s`). A bare `3m`
# is left to the shorthand (three million): only an hour or a second makes the cell a duration.
_UNIT_DURATION = r"^(?P<neg>-)?(?:(?P<h>\d+)h)?:?(?:(?P<m>\d+)m)?:?(?:(?P<s>\d+(?:\.\d+)?)s)?$"
# A platform that will not give a small or extreme figure gives a bound: TikTok's `<5`, Google
# Ads' impression share `< 10%` or `> 90%`. A bound is no figure, so it is read as missing.
_MASKED = r"^(?:[<>]=?|[≤≥])\d[\d.,]*%?$"


def split_cell(cell: str) -> tuple[str, str | None] | None:
    """Strip sign, currency, suffix and percent from one cell; return its digits and currency."""
    text = re.sub(r"[\s\u00a0\u202f\u2007\ufeff]+", "", cell).lower()
    m = re.fullmatch(_CELL, text)
    if m is None:
        return None
    cur = CURRENCY.get(m["cur1"] or m["cur2"] or "")
    return re.sub(r"e[-+]?\d+$", "", m["num"]), cur


# A cell that is only digits with separators and perhaps a minus (`-1.234,5`): most columns.
_PLAIN = r"^-?\d[\d.,]*$"
_FIELDS = ("open", "sign", "cur1", "sign2", "num", "suf", "cur2", "pct", "close")


def _split(text: pa.Array, plain: np.ndarray) -> tuple[dict[str, pa.Array], np.ndarray]:
    """Cut cells into the named parts of `_CELL`; plain numbers skip the (slow) regex capture."""
    empty = pa.repeat(pa.scalar("", pa.large_string()), len(text))
    parts = dict.fromkeys(_FIELDS, empty)
    parts["num"] = pc.utf8_ltrim(text, characters="-")
    parts["sign"] = pc.cast(pc.if_else(pc.starts_with(text, "-"), "-", ""), pa.large_string())
    matched = plain.copy()
    if not plain.all():
        rest = pa.array(~plain)
        extracted = pc.extract_regex(pc.filter(text, rest), _CELL)
        for name in _FIELDS:
            field = pc.cast(pc.struct_field(extracted, name), pa.large_string())
            parts[name] = pc.replace_with_mask(parts[name], rest, field)
        matched[~plain] = np.asarray(extracted.is_valid(), dtype=bool)
    return parts, matched


def _float_or_zero(arr: pa.Array) -> np.ndarray:
    """Read captured digits as floats, 0 where the group did not take part."""
    blank = pc.fill_null(pc.equal(arr, ""), True)
    return np.asarray(pc.fill_null(pc.cast(pc.if_else(blank, "0", arr), pa.float64()), 0.0))


def _nonempty(arr: pa.Array) -> np.ndarray:
    return np.asarray(pc.fill_null(pc.not_equal(arr, ""), False), dtype=bool)


def parse_cells(cells: pa.Array, fmt: str) -> dict[str, np.ndarray]:
    """Parse distinct cell texts at once with pyarrow compute kernels: values and what each cell
    turned out to be (missing, masked, percent, duration, its currency)."""
    if not len(cells):
        # Every cell was a number already (a workbook's): no text to read, and no kernel to run.
        nothing = np.zeros(0, dtype=bool)
        return _only_numbers(np.zeros(0, dtype=np.float64), nothing, nothing)
    text = pc.utf8_lower(pc.replace_substring_regex(pc.cast(cells, pa.large_string()), _SPACES, ""))
    missing = np.asarray(pc.fill_null(pc.is_in(text, value_set=_MISSING_KEYS), True), dtype=bool)
    plain = np.asarray(pc.fill_null(pc.match_substring_regex(text, _PLAIN), False))
    if plain.all():
        return _plain_cells(text, fmt, missing)
    masked = np.asarray(pc.fill_null(pc.match_substring_regex(text, _MASKED), False), dtype=bool)

    parts, matched = _split(text, plain)
    num = parts["num"]
    suffix = parts["suf"]
    has_suffix = _nonempty(suffix)
    short = has_suffix & np.asarray(
        pc.fill_null(pc.match_substring_regex(num, _SHORT_DECIMAL), False), dtype=bool
    )
    norm = pc.if_else(pa.array(short), pc.replace_substring(num, ",", "."), _grouped(num, fmt))
    valid = np.asarray(pc.fill_null(pc.match_substring_regex(num, _VALID[fmt]), False), dtype=bool)
    opened, closed = _nonempty(parts["open"]), _nonempty(parts["close"])
    sign = parts["sign"]
    minus = np.asarray(pc.fill_null(pc.is_in(sign, value_set=pa.array(["-", "−"])), False))
    sign2 = _nonempty(parts["sign2"])
    ok = matched & (valid | short) & (opened == closed) & ~(_nonempty(sign) & sign2)
    ok &= ~(opened & (minus | sign2))

    number = pc.cast(pc.if_else(pa.array(ok), norm, pa.scalar(None, pa.string())), pa.float64())
    values = np.asarray(pc.fill_null(number, np.nan), dtype=np.float64).copy()
    table = _SUFFIX_EN if fmt == "en" else _SUFFIX_ID
    keys = pa.array(list(table))
    idx = np.asarray(pc.fill_null(pc.index_in(suffix, value_set=keys), -1), dtype=np.int64)
    scale = np.append(np.array(list(table.values())), 1.0)[idx]
    pct = _nonempty(parts["pct"])
    values *= scale * np.where(pct, 0.01, 1.0) * np.where(opened | minus | sign2, -1.0, 1.0)

    cur = pc.if_else(pc.not_equal(parts["cur1"], ""), parts["cur1"], parts["cur2"])
    duration = np.zeros(len(values), dtype=bool)
    if pc.any(pc.match_substring(text, ":")).as_py():
        dur = pc.extract_regex(text, _DURATION)
        duration = np.asarray(dur.is_valid(), dtype=bool) & ~missing
        if duration.any():
            a, b, c, frac = (
                _float_or_zero(pc.struct_field(dur, k)) for k in ("a", "b", "c", "frac")
            )
            has_h = _nonempty(pc.struct_field(dur, "c"))
            secs = np.where(has_h, a * 3600 + b * 60 + c, a * 60 + b) + frac
            secs = np.where(_nonempty(pc.struct_field(dur, "neg")), -secs, secs)
            values = np.where(duration, secs, values)
            ok |= duration
    if pc.any(pc.match_substring_regex(text, r"\d[hs]")).as_py():
        units = pc.extract_regex(text, _UNIT_DURATION)
        h, m, sec = (_float_or_zero(pc.struct_field(units, k)) for k in ("h", "m", "s"))
        timed = _nonempty(pc.struct_field(units, "h")) | _nonempty(pc.struct_field(units, "s"))
        timed &= np.asarray(units.is_valid(), dtype=bool) & ~missing
        if timed.any():
            secs = h * 3600 + m * 60 + sec
            secs = np.where(_nonempty(pc.struct_field(units, "neg")), -secs, secs)
            values = np.where(timed, secs, values)
            duration |= timed
            ok |= timed
    ok &= ~missing & ~masked
    values[~ok] = np.nan
    return {
        "values": values,
        "ok": ok,
        "missing": missing,
        "masked": masked & ~missing,
        "pct": pct & ok & ~duration,
        "duration": duration & ok,
        "currency": np.asarray(pc.fill_null(cur, ""), dtype=object),
    }


def _grouped(num: pa.Array, fmt: str) -> pa.Array:
    """Digits with the format's thousands separator dropped and its decimal mark a point."""
    if fmt == "en":
        return pc.replace_substring(num, ",", "")
    return pc.replace_substring(pc.replace_substring(num, ".", ""), ",", ".")


def _plain_cells(text: pa.Array, fmt: str, missing: np.ndarray) -> dict[str, np.ndarray]:
    """`parse_cells` for cells that are all plain numbers: with no bracket, currency, suffix,
    percent or duration to look for, a third of the kernels (each costs about as much on a few
    hundred cells as on a million, so a column's reading is mostly their count)."""
    num = pc.utf8_ltrim(text, characters="-")
    minus = np.asarray(pc.starts_with(text, "-"), dtype=bool)
    ok = np.asarray(pc.fill_null(pc.match_substring_regex(num, _VALID[fmt]), False), dtype=bool)
    number = pc.cast(
        pc.if_else(pa.array(ok), _grouped(num, fmt), pa.scalar(None, pa.string())), pa.float64()
    )
    values = np.asarray(pc.fill_null(number, np.nan), dtype=np.float64).copy()
    values *= np.where(minus, -1.0, 1.0)
    ok &= ~missing
    values[~ok] = np.nan
    return _only_numbers(values, ok, missing)


def _only_numbers(values: np.ndarray, ok: np.ndarray, missing: np.ndarray) -> dict[str, np.ndarray]:
    """What `parse_cells` tells of cells with no percent, duration, bound or currency."""
    none = np.zeros(len(values), dtype=bool)
    return {
        "values": values,
        "ok": ok,
        "missing": missing,
        "masked": none,
        "pct": none.copy(),
        "duration": none.copy(),
        "currency": np.full(len(values), "", dtype=object),
    }
