"""Per-row text as codes into its distinct values, and the tidy frame built from them.

A rule over channels, metric names or dates runs once per distinct label, so its cost grows
with the labels, not with the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import union_categoricals

from kpi_core.models import TEXT_COLUMNS


def _arrow_texts(values: pd.Index | np.ndarray) -> pa.Array:
    """Distinct values as one arrow string array, trimmed (no Python string per value)."""
    if isinstance(values, pd.Index) and isinstance(values.dtype, pd.StringDtype):
        arr = pa.array(values.array)
    else:
        arr = pa.array([str(u) for u in values], type=pa.string())
    return pc.utf8_trim_whitespace(arr)


def distinct_texts(values: pd.Index | np.ndarray) -> list[str]:
    """Distinct values as stripped strings; arrow strings are trimmed in one vectorised call."""
    return [v or "" for v in _arrow_texts(values).to_pylist()]


def code_dtype(size: int) -> type[np.signedinteger]:
    """The narrowest code type pandas keeps for this many categories (no later copy)."""
    if size < 127:
        return np.int8
    return np.int16 if size < 32_767 else np.int32


def _per_row(codes: np.ndarray, per_label: np.ndarray, empty: object) -> np.ndarray:
    """A value per row from a value per label; `empty` where the cell has no label (-1)."""
    table = np.append(per_label, np.array([empty], dtype=per_label.dtype))
    return np.take(table, codes)


def factor(series: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Codes into the distinct stripped texts of a column (-1 where the cell is empty)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes, uniques = series.cat.codes.to_numpy(), series.cat.categories
    else:
        codes, uniques = pd.factorize(series)
    labels = distinct_texts(uniques)
    if "" in labels:
        empty = np.array([label == "" for label in labels], dtype=bool)
        codes = np.where(_per_row(codes, empty, True), -1, codes)
    return codes, labels


def used_codes(codes: np.ndarray, size: int) -> np.ndarray:
    """The category positions that at least one row uses (no sort of the rows)."""
    if not len(codes):
        return np.zeros(0, dtype=np.intp)
    if size <= 32:
        # A few categories: one comparison each beats counting (no index array is widened).
        return np.array([i for i in range(size) if (codes == i).any()], dtype=np.intp)
    wide = codes.astype(np.int32, copy=False) if codes.dtype.itemsize < 4 else codes
    counts = np.bincount(wide + 1, minlength=size + 1)[1:]
    return np.flatnonzero(counts)


def without_unused(cat: pd.Categorical) -> pd.Categorical:
    """A categorical without the categories no row uses (counted, not sorted)."""
    used = used_codes(cat.codes, len(cat.categories))
    if len(used) == len(cat.categories):
        return cat
    table = np.full(len(cat.categories), -1, dtype=np.int64)
    table[used] = np.arange(len(used))
    codes = _lookup(cat.codes, table.tolist())
    return pd.Categorical.from_codes(codes, categories=cat.categories[used], validate=False)


def _lookup(codes: np.ndarray, table: list[int]) -> np.ndarray:
    """New codes from old ones through a table (the last entry answers for -1, an empty cell)."""
    if table == list(range(len(table))):
        return codes  # nothing moves: no copy of a million codes
    size = max(table, default=-1) + 1
    return _per_row(codes, np.array(table, dtype=code_dtype(size)), -1)


def _categorical(codes: np.ndarray, mapped: list[str | None]) -> pd.Categorical:
    # Categories keep the order of the labels they come from: when each label maps to its own
    # category (the usual case) the codes are kept as they are, with no pass over the rows.
    cats = list(dict.fromkeys(m for m in mapped if m is not None))
    position = {c: i for i, c in enumerate(cats)}
    new = _lookup(codes, [position[m] if m is not None else -1 for m in mapped])
    return pd.Categorical.from_codes(new, categories=pd.Index(cats, dtype="str"), validate=False)


def map_labels(series: pd.Series, func: Callable[[str], str | None]) -> pd.Categorical:
    """Apply `func` to each distinct text of a column; the result as a categorical per row."""
    codes, labels = factor(series)
    return _categorical(codes, [func(label) for label in labels])


def recode(cat: pd.Categorical, mapping: dict[str, str | None]) -> pd.Categorical:
    """A categorical's categories mapped to new labels (several may map to one; None is empty)."""
    return _categorical(cat.codes, [mapping.get(c) for c in cat.categories])


def flag_rows(series: pd.Series, test: Callable[[str], object]) -> np.ndarray:
    """A boolean per row from a test on each distinct text."""
    codes, labels = factor(series)
    passed = [bool(test(label)) for label in labels]
    if not any(passed):
        return np.zeros(len(codes), dtype=bool)
    return _per_row(codes, np.array(passed, dtype=bool), False)


def match_rows(series: pd.Series, pattern: str) -> np.ndarray:
    """Rows whose stripped text matches a regular expression (RE2), tested once per label."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes, uniques = series.cat.codes.to_numpy(), series.cat.categories
    else:
        codes, uniques = pd.factorize(series)
    texts = _arrow_texts(uniques)
    matched = np.asarray(pc.fill_null(pc.match_substring_regex(texts, pattern), False))
    if not matched.any():
        return np.zeros(len(codes), dtype=bool)
    return _per_row(codes, matched.astype(bool), False)


def filled_rows(series: pd.Series) -> np.ndarray:
    """Rows whose cell holds something (not missing, not only spaces)."""
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_datetime64_any_dtype(
        series.dtype
    ):
        return series.notna().to_numpy()
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy()
        blank = np.asarray(pc.equal(_arrow_texts(series.cat.categories), ""), dtype=bool)
        if not blank.any():
            return codes >= 0
        return _per_row(codes, ~blank, False)
    return flag_rows(series, bool)


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


@dataclass(frozen=True)
class Piece:
    """Rows of one metric column (or of a long table) before they are stacked."""

    mask: np.ndarray
    values: np.ndarray
    text: dict[str, pd.Categorical | str | None]


def _whole(piece: Piece, dates: np.ndarray) -> pd.DataFrame:
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


def _labels(value: pd.Categorical | str | None) -> list[str]:
    if isinstance(value, pd.Categorical):
        return [str(c) for c in value.categories]
    return [] if value is None else [value]


def _stacked_codes(
    values: list[pd.Categorical | str | None], rows: list[np.ndarray | None], sizes: list[int]
) -> pd.Categorical:
    """One text column over every piece: each piece's labels mapped into one category list
    and written straight into one array of the narrowest code type."""
    categories: dict[str, int] = {}
    lookups = [
        [categories.setdefault(label, len(categories)) for label in _labels(v)] for v in values
    ]
    kind = code_dtype(len(categories))
    out = np.empty(sum(sizes), dtype=kind)
    pos = 0
    for value, r, lookup, size in zip(values, rows, lookups, sizes, strict=True):
        if isinstance(value, pd.Categorical):
            local = value.codes if r is None else value.codes[r]
            np.take(np.array([*lookup, -1], dtype=kind), local, out=out[pos : pos + size])
        else:
            out[pos : pos + size] = lookup[0] if lookup else -1
        pos += size
    return pd.Categorical.from_codes(
        out, categories=pd.Index(list(categories), dtype="str"), validate=False
    )


def stack(pieces: list[Piece], dates: np.ndarray) -> pd.DataFrame:
    """All pieces as one tidy frame, from row indices and category codes (no object arrays)."""
    if not pieces:
        return empty_frame()
    full = [bool(p.mask.all()) for p in pieces]
    if len(pieces) == 1 and full[0]:
        return _whole(pieces[0], dates)
    # A piece whose every row was read (most metric columns) is taken whole, not re-indexed.
    rows: list[np.ndarray | None] = [
        None if whole else np.flatnonzero(p.mask) for p, whole in zip(pieces, full, strict=True)
    ]
    sizes = [len(p.mask) if r is None else len(r) for p, r in zip(pieces, rows, strict=True)]
    total = sum(sizes)
    date_out = np.empty(total, dtype=dates.dtype)
    value_out = np.empty(total, dtype=np.float64)
    pos = 0
    for piece, r, size in zip(pieces, rows, sizes, strict=True):
        date_out[pos : pos + size] = dates if r is None else dates[r]
        value_out[pos : pos + size] = piece.values if r is None else piece.values[r]
        pos += size
    data: dict[str, object] = {"date": date_out, "value": value_out}
    for col in TEXT_COLUMNS:
        data[col] = _stacked_codes([p.text.get(col) for p in pieces], rows, sizes)
    return pd.DataFrame(data, copy=False)
