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


def distinct_texts(values: pd.Index | np.ndarray) -> list[str]:
    """Distinct values as stripped strings; arrow strings are trimmed in one vectorised call."""
    if isinstance(values, pd.Index) and isinstance(values.dtype, pd.StringDtype):
        trimmed = pc.utf8_trim_whitespace(pa.array(values.to_numpy(dtype=object), type=pa.string()))
        return [v or "" for v in trimmed.to_pylist()]
    return [str(u).strip() for u in values]


def factor(series: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Codes into the distinct stripped texts of a column (-1 where the cell is empty)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes, uniques = series.cat.codes.to_numpy(), series.cat.categories
    else:
        codes, uniques = pd.factorize(series)
    labels = distinct_texts(uniques)
    if "" in labels:
        empty = np.array([label == "" for label in labels] + [True], dtype=bool)
        codes = np.where(empty[codes], -1, codes)
    return codes, labels


def used_codes(codes: np.ndarray, size: int) -> np.ndarray:
    """The category positions that at least one row uses (a count per code, not a sort)."""
    counts = np.bincount(codes[codes >= 0], minlength=size) if len(codes) else np.zeros(size)
    return np.flatnonzero(counts)


def _lookup(codes: np.ndarray, table: list[int]) -> np.ndarray:
    """New codes from old ones through a table (the last entry answers for -1, an empty cell)."""
    lookup = np.array([*table, -1], dtype=np.int32)
    if np.array_equal(lookup[:-1], np.arange(len(table))):
        return codes  # nothing moves: no copy of a million codes
    moved: np.ndarray = lookup[codes]
    return moved


def _categorical(codes: np.ndarray, mapped: list[str | None]) -> pd.Categorical:
    cats = sorted({m for m in mapped if m is not None})
    position = {c: i for i, c in enumerate(cats)}
    new = _lookup(codes, [position[m] if m is not None else -1 for m in mapped])
    return pd.Categorical.from_codes(new, categories=pd.Index(cats, dtype="str"))


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
    lookup = np.array([*passed, False], dtype=bool)
    flags: np.ndarray = lookup[codes]
    return flags


def filled_rows(series: pd.Series) -> np.ndarray:
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_datetime64_any_dtype(
        series.dtype
    ):
        return series.notna().to_numpy()
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


def _codes(value: pd.Categorical | str | None, rows: np.ndarray) -> tuple[np.ndarray, list[str]]:
    if isinstance(value, pd.Categorical):
        return value.codes[rows].astype(np.int64), [str(c) for c in value.categories]
    if value is None:
        return np.full(len(rows), -1, dtype=np.int64), []
    return np.zeros(len(rows), dtype=np.int64), [value]


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


def stack(pieces: list[Piece], dates: np.ndarray) -> pd.DataFrame:
    """All pieces as one tidy frame, from row indices and category codes (no object arrays)."""
    if not pieces:
        return empty_frame()
    if len(pieces) == 1 and pieces[0].mask.all():
        return _whole(pieces[0], dates)
    rows = [np.flatnonzero(p.mask) for p in pieces]
    every = np.concatenate(rows)
    data: dict[str, object] = {
        "date": dates[every],
        "value": np.concatenate([p.values[r] for p, r in zip(pieces, rows, strict=True)]),
    }
    for col in TEXT_COLUMNS:
        values = [p.text.get(col) for p in pieces]
        if all(v is values[0] for v in values) and isinstance(values[0], pd.Categorical):
            data[col] = pd.Categorical.from_codes(values[0].codes[every], dtype=values[0].dtype)
            continue
        categories: dict[str, int] = {}
        codes = []
        for value, r in zip(values, rows, strict=True):
            local, labels = _codes(value, r)
            lookup = np.array(
                [categories.setdefault(label, len(categories)) for label in labels] + [-1],
                dtype=np.int64,
            )
            codes.append(lookup[local])
        data[col] = pd.Categorical.from_codes(
            np.concatenate(codes), categories=pd.Index(list(categories), dtype="str")
        )
    return pd.DataFrame(data, copy=False)
