"""Rows left out for want of a date, told apart: notes under the table, figures with an empty
date cell, and dates that cannot be read, with advice that fits each."""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd

from kpi_core.ingest.codes import filled_rows, flag_rows
from kpi_core.ingest.context import Shaped
from kpi_core.ingest.dates import parse_dates
from kpi_core.models import Severity


def tell_undated(
    body: pd.DataFrame, raw: pd.Series, rows: np.ndarray, first_row: int, out: Shaped, column: str
) -> None:
    """Tell apart the rows left out for want of a date: a note such as `Sumber: Meta Business
    Suite` with nothing beside it (no data), figures under an empty date cell (fill the date
    in), and a date that cannot be read (a different order or year, when one reads it, else the
    file)."""
    notes, said = _notes(body, raw, rows, column)
    if notes.any():
        out.problem("note_rows", Severity.INFO, count=int(notes.sum()), examples=said)
    blank = rows & ~notes & ~filled_rows(raw)
    bad = rows & ~notes & ~blank
    for code, mask in (("undated_rows", blank), ("bad_dates", bad)):
        if not mask.any():
            continue
        first = int(np.flatnonzero(mask)[0]) + first_row
        examples: tuple[str, ...] = ()
        detail = ""
        if code == "bad_dates":
            examples = tuple(str(x) for x in raw[mask].head(3))
            labels = [str(x) for x in pd.unique(raw[mask].astype(str))[:_ADVICE_LABELS]]
            detail = "order" if _readable_otherwise(labels) else ""
        count = int(mask.sum())
        out.problem(code, column=column, row=first, count=count, examples=examples, detail=detail)


_ADVICE_LABELS = 50  # distinct unread date cells tried in other orders and years
_ANY_YEAR = date(2200, 12, 31)  # a yearless day read against it may take any year before


def _notes(
    body: pd.DataFrame, raw: pd.Series, rows: np.ndarray, column: str
) -> tuple[np.ndarray, tuple[str, ...]]:
    """The masked rows whose one filled cell is words (`Sumber: Meta Business Suite`): notes
    under the table, not data; and the first few notes."""
    idx = np.flatnonzero(rows)
    part = body.iloc[idx].assign(**{column: raw.iloc[idx].to_numpy()})
    cells = [filled_rows(part[name]) for name in part.columns]
    one = np.sum(cells, axis=0) == 1
    wordy = np.zeros(len(idx), dtype=bool)
    texts = np.full(len(idx), "", dtype=object)
    for name, filled in zip(part.columns, cells, strict=True):
        if (one & filled).any():
            hit = one & filled & flag_rows(part[name], lambda s: re.search(r"[^\W\d_]{2}", s))
            wordy |= hit
            texts[hit] = part[name].astype(str).to_numpy()[hit]
    notes = np.zeros(len(rows), dtype=bool)
    notes[idx] = wordy
    return notes, tuple(str(t).strip() for t in texts[wordy][:3])


def _readable_otherwise(labels: list[str]) -> bool:
    """Whether another date order, or another year, reads any of these unread date cells."""
    cells = pd.Series(labels, dtype=object)
    return any(
        parse_dates(cells, order, today=_ANY_YEAR).values.notna().any() for order in ("dmy", "mdy")
    )
