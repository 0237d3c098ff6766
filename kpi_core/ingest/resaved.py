"""What a spreadsheet program did to an export it opened and saved again, undone where the file
itself proves it.

Excel reads a text date in its own locale's order: an Indonesian Excel opening Meta's
`07/02/2026` (2 July) stores 7 February, while `07/25/2026`, which no day-first reading holds,
stays text. Saved as a workbook, the column mixes the two; the text cells prove the order the
typed ones were misread in. A program that re-wrote a platform's dates in its own locale
(`1/7/2026`) may leave no cell to prove the order: a daily series then proves it by running day
after day in one order only, and otherwise the user is told.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

import numpy as np
import pandas as pd

from kpi_core.ingest.context import Shaped
from kpi_core.models import Severity

_SLASHED = re.compile(r"\s*(\d{1,2})/(\d{1,2})/\d{4}\b")


def _proven_order(texts: list[str]) -> str | None:
    """The order text dates prove (`07/25/2026`: month first), or None when they prove none or
    both."""
    proofs = set()
    for text in texts:
        m = _SLASHED.match(text)
        if m is None:
            continue
        first, second = int(m[1]), int(m[2])
        if first > 12 >= second:
            proofs.add("dmy")
        elif second > 12 >= first:
            proofs.add("mdy")
    return proofs.pop() if len(proofs) == 1 else None


def misread_dates_undone(raw: pd.Series, out: Shaped, column: str) -> pd.Series:
    """A workbook's date column whose typed dates a program read in the order its text dates
    disprove, with day and month of the typed ones put back; the user is told."""
    if raw.dtype != object:
        return raw
    codes, uniques = pd.factorize(raw)
    typed = [u for u in uniques if isinstance(u, dt.datetime)]
    texts = [u for u in uniques if isinstance(u, str)]
    if not typed or not texts or _proven_order(texts) is None:
        return raw
    if any(u.day > 12 for u in typed):
        return raw  # a typed day past 12 was not read from a cell the program misread
    swapped = np.array(
        [u.replace(month=u.day, day=u.month) if isinstance(u, dt.datetime) else u for u in uniques]
        + [None],
        dtype=object,
    )
    rows = np.where(codes >= 0, codes, len(uniques))
    moved = [u for u in typed if u.day != u.month]
    if moved:
        out.problem(
            "misread_dates",
            Severity.INFO,
            column=column,
            count=int(np.isin(rows, [i for i, u in enumerate(uniques) if u in moved]).sum()),
            examples=(next(t for t in texts if _SLASHED.match(t)).strip(),),
        )
    return pd.Series(swapped[rows], index=raw.index, name=raw.name)


_EITHER_WAY = re.compile(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}\b")


def either_way(samples: list[str]) -> str | None:
    """A date cell that reads as two different days (`03/04/2026`), when no cell proves the
    order: a program's locale may have re-written the platform's dates, so the user is told."""
    for cell in samples:
        m = _EITHER_WAY.match(cell)
        if m and m[1] != m[2] and int(m[1]) <= 12 and int(m[2]) <= 12:
            return cell.strip()
    return None


def runs_evenly(cells: list[tuple[int, int, int]], order: str) -> bool:
    """Whether (first, second, year) cells read in this order are three or more days, each one
    day (or each one week) after the one before."""
    days = set()
    for first, second, year in cells:
        month, day = (first, second) if order == "mdy" else (second, first)
        try:
            days.add(dt.date(year, month, day).toordinal())
        except ValueError:
            return False
    steps = {b - a for a, b in pairwise(sorted(days))}
    return len(days) >= 3 and steps in ({1}, {7})
