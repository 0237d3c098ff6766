"""Rows that repeat the header: exports pasted one under another bring their headers along."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kpi_core.ingest.codes import match_rows
from kpi_core.ingest.context import Shaped
from kpi_core.ingest.table import COPY_MARK, Table
from kpi_core.models import Severity

_BLANK_NAME = re.compile(r"^\(column \d+\)$")


def leave_out_repeated_headers(
    body: pd.DataFrame, table: Table, keep: np.ndarray, out: Shaped
) -> np.ndarray:
    """Rows equal to the header (ignoring case and spaces), told with their count and first
    row; they are not data, nor dates that could not be read."""
    repeats: np.ndarray = _header_rows(body, table.header) & keep
    if repeats.any():
        first = int(np.flatnonzero(repeats)[0]) + table.first_row
        out.problem("repeated_headers", Severity.INFO, row=first, count=int(repeats.sum()))
    return repeats


def _header_rows(body: pd.DataFrame, header: list[str]) -> np.ndarray:
    """Rows whose every cell is its column's name, the header's blank cells blank."""
    n = len(body)
    first = header[0] if header else ""
    dtype = body[first].dtype if first in body.columns else None
    if (
        dtype is None
        or _BLANK_NAME.match(first)
        or pd.api.types.is_numeric_dtype(dtype)
        or pd.api.types.is_datetime64_any_dtype(dtype)
    ):
        return np.zeros(n, dtype=bool)  # typed cells cannot hold the header's words
    # The first cell is tested once per distinct label; only the rows it picks are compared.
    words = _name(first).split()
    pattern = r"(?i)^\s*" + r"\s*".join(re.escape(w) for w in words) + r"\s*$"
    rows = match_rows(body[first], pattern)
    names = [_squash(_name(h)) if not _BLANK_NAME.match(h) else "" for h in header]
    for i in np.flatnonzero(rows):
        cells = ["" if pd.isna(c) else _squash(str(c)) for c in body.iloc[i].tolist()]
        rows[i] = cells == names
    return rows


def _name(header: str) -> str:
    """A header name without the mark a repeated name was given (`Reactions (copy 2)`)."""
    return header[: header.rindex(COPY_MARK)] if COPY_MARK in header else header


def _squash(text: str) -> str:
    return "".join(text.split()).lower()
