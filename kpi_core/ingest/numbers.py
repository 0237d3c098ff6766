"""Read the number cells of metric exports (`1.234,5`, `Rp 202.214`, `3,2%`, `1.2K`, `0:05:12`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["MISSING_TOKENS", "ParsedNumbers", "infer_number_format", "parse_numbers"]

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

_CURRENCY = {
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

_SPACES = r"[\s\x{00a0}\x{202f}\x{2007}\x{feff}]+"
_CELL = (
    rf"^(?P<open>\()?(?P<sign>[-−+])?(?P<cur1>{_CUR_ALT})?(?P<sign2>[-−])?"
    r"(?P<num>\d[\d.,]*(?:e[-+]?\d+)?|[.,]\d+(?:e[-+]?\d+)?)"
    rf"(?P<suf>{_SUFFIX_ALT})?(?P<cur2>{_CUR_ALT})?(?P<pct>%)?(?P<close>\))?$"
)
_VALID = {
    "en": r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[-+]?\d+)?$",
    "id": r"^(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?(?:e[-+]?\d+)?$",
}
# Nobody groups thousands in front of K/rb/jt, so `1.2K` and `1,2K` are decimals in both formats.
_SHORT_DECIMAL = r"^\d+[.,]\d{1,2}$"
_DURATION = r"^(?P<neg>-)?(?P<a>\d+):(?P<b>[0-5]?\d)(?::(?P<c>[0-5]?\d))?(?P<frac>\.\d+)?$"
_MASKED = r"^<\d+$"


@dataclass(frozen=True)
class ParsedNumbers:
    """A parsed number column: float values plus what was learned while reading it."""

    values: pd.Series
    bad: pd.Series
    masked: pd.Series
    percent: bool = False
    currency: str | None = None
    seconds: bool = False


def _core(cell: str) -> tuple[str, str | None] | None:
    """Strip sign, currency, suffix and percent from one cell; return its digits and currency."""
    text = re.sub(r"[\s\u00a0\u202f\u2007\ufeff]+", "", cell).lower()
    m = re.fullmatch(_CELL, text)
    if m is None:
        return None
    cur = _CURRENCY.get(m["cur1"] or m["cur2"] or "")
    return re.sub(r"e[-+]?\d+$", "", m["num"]), cur


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


def infer_number_format(samples: Sequence[str], delimiter: str | None = None) -> tuple[str, str]:
    """Guess a file's number format ("en" or "id") from sample cells and say on what basis."""
    votes = {"en": 0, "id": 0}
    for cell, count in Counter(s for s in samples if isinstance(s, str)).items():
        parts = _core(cell)
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
    return fallback, ("delimiter" if delimiter == ";" else "default")


_FIELDS = ("open", "sign", "cur1", "sign2", "num", "suf", "cur2", "pct", "close")


def _split(text: pa.Array) -> tuple[dict[str, pa.Array], np.ndarray]:
    """Cut cells into the named parts of `_CELL`; plain numbers skip the (slow) regex capture."""
    plain = np.asarray(pc.fill_null(pc.match_substring_regex(text, r"^-?\d[\d.,]*$"), False))
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


def _parse_strings(cells: pa.Array, fmt: str) -> dict[str, np.ndarray]:
    """Parse unique cell strings at once with pyarrow compute kernels."""
    text = pc.utf8_lower(pc.replace_substring_regex(pc.cast(cells, pa.large_string()), _SPACES, ""))
    missing = np.asarray(pc.fill_null(pc.is_in(text, value_set=_MISSING_KEYS), True), dtype=bool)
    masked = np.asarray(pc.fill_null(pc.match_substring_regex(text, _MASKED), False), dtype=bool)

    parts, matched = _split(text)
    num = parts["num"]
    suffix = parts["suf"]
    has_suffix = _nonempty(suffix)
    short = has_suffix & np.asarray(
        pc.fill_null(pc.match_substring_regex(num, _SHORT_DECIMAL), False), dtype=bool
    )
    if fmt == "en":
        norm = pc.replace_substring(num, ",", "")
    else:
        norm = pc.replace_substring(pc.replace_substring(num, ".", ""), ",", ".")
    norm = pc.if_else(pa.array(short), pc.replace_substring(num, ",", "."), norm)
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
    if fmt not in _VALID:
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
        # Excel hands mixed columns over as Python numbers beside strings: numbers stay numbers.
        is_num = np.fromiter(
            (isinstance(u, int | float | np.number) and not isinstance(u, bool) for u in objs),
            dtype=bool,
            count=n,
        )
        cells = pa.array(
            [u if isinstance(u, str) else str(u) for u in objs[~is_num]], type=pa.large_string()
        )
    parsed = _parse_strings(cells, fmt)
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
        found[_CURRENCY[code]] += int(counts[ok_u & (cur_u == code)].sum())
    index = values.index
    return ParsedNumbers(
        values=pd.Series(vals, index=index, name=values.name, dtype="float64"),
        bad=pd.Series(np.append(bad_u, False)[codes], index=index, name=values.name),
        masked=pd.Series(np.append(masked_u, False)[codes], index=index, name=values.name),
        percent=bool(parsed["pct"].any()),
        currency=found.most_common(1)[0][0] if found else None,
        seconds=bool(parsed["duration"].any()),
    )
