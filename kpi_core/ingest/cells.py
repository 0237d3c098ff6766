"""What a column's cells look like: words or numbers, ids, dates, organic/paid words.

Each test reads a sample of the cells (a column's head, or its distinct labels), never the whole
column, so its cost does not grow with the file.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from kpi_core.ingest.codes import used_codes
from kpi_core.ingest.dates import parse_dates

# The words a placement column (`Post type`: Organic/Sponsored) uses for organic and paid.
PLACEMENT_VALUES = {
    "organic": "organic",
    "organik": "organic",
    "paid": "paid",
    "sponsored": "paid",
    "promoted": "paid",
    "berbayar": "paid",
    "bersponsor": "paid",
    "ads": "paid",
    "iklan": "paid",
}

_ID_LIKE = re.compile(r"^\s*\d{12,}\s*$")
# Cells shaped like a date (`2026-07-01`, `01/07/2026`, `Jul 1, 2026`, `1 Juli 2026`) before any
# is parsed: most columns are numbers or words and skip the parse.
_DATE_SHAPE = re.compile(
    r"\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
    r"|[A-Za-z]{3,}\.?,?\s+\d{1,2}|\d{1,2}[\s-][A-Za-z]{3,})"
)

# A word of two letters or more, unless the whole cell is a figure with its currency or suffix
# (`Rp 1.234`, `12 rb`, `N/A`).
_WORD = re.compile(r"[A-Za-z]{2,}")
_FIGURE = re.compile(
    r"(?i)\s*(rp|idr|usd|n/?a|undefined|null|none|-+)?[\s\d.,%$:()-]*(k|rb|jt|m|ribu)?\s*"
)


def text_share(values: pd.Series) -> float:
    """Share of filled cells that are words rather than numbers (text columns are attributes)."""
    dtype = values.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype) or (
        pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
    ):
        return 0.0  # numbers and dates as the file typed them are not words
    sample = values.head(2000).dropna().head(200).astype(str).str.strip()
    texts = [text for text in sample.tolist() if text]
    if not texts:
        return 0.0
    # Python's `re` over at most 200 cells: pandas' string methods would parse the pattern
    # again and have pyarrow compile it on every call, a few ms a column.
    wordy = sum(1 for t in texts if _WORD.search(t) and not _FIGURE.fullmatch(t))
    return wordy / len(texts)


def id_like(values: pd.Series) -> bool:
    """Whether a column's cells are long numeric ids (12+ digits), typed as numbers or not."""
    sample = values.head(2000).dropna()
    if sample.empty:
        return False
    if pd.api.types.is_numeric_dtype(sample.dtype) and not pd.api.types.is_bool_dtype(sample.dtype):
        # A blank cell turns an id column into floats (`1.83e+18`): whole numbers of 12+ digits.
        numbers = sample.to_numpy(dtype="float64")
        return bool(((numbers >= 1e11) & (numbers == numbers.round())).mean() > 0.8)
    return bool(sample.astype(str).str.match(_ID_LIKE).mean() > 0.8)


def _distinct_words(values: pd.Series) -> set[str]:
    """The distinct filled cells of a column, stripped and lower-cased."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        used = used_codes(values.cat.codes.to_numpy(), len(values.cat.categories))
        distinct = list(values.cat.categories[used])
    else:
        distinct = list(values.dropna().unique())
    words = {str(v).strip().lower() for v in distinct}
    return words - {""}


def placement_column(values: pd.Series) -> bool:
    """Whether every filled cell is an organic/paid word (`Post type`: Organic/Sponsored)."""
    words = _distinct_words(values)
    return bool(words) and words <= PLACEMENT_VALUES.keys()


def date_like(values: pd.Series) -> bool:
    """Whether a column's cells are dates (checked on up to 50 distinct cells)."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return True
    if pd.api.types.is_numeric_dtype(values.dtype):
        return False
    sample = pd.Series(values.head(2000).dropna().unique()[:50]).astype(str).str.strip()
    sample = sample[sample != ""]
    if sample.empty or sample.str.match(_DATE_SHAPE).mean() <= 0.8:
        return False
    best = 0.0
    for order in ("dmy", "mdy"):
        parsed = parse_dates(sample.reset_index(drop=True), order, today=date.max)
        best = max(best, float(parsed.values.notna().mean()))
    return best > 0.8


def placement_words(values: pd.Series) -> bool:
    """Whether any filled cell is an organic/paid word (an empty column keeps its role)."""
    words = _distinct_words(values)
    return not words or not words.isdisjoint(PLACEMENT_VALUES)
