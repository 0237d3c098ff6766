"""Which rows count in a period: dated rows inside it, and whole-export figures only where the
period covers everything they cover.

A whole-export figure is one total for a span the file does not break down by day: a file with
no dates at all (Google Business Profile's bulk insights, one row per location for the period
chosen at export), or a file that states its period above the header (a LinkedIn posts sheet,
a YouTube table), whose rows the reader dates by the period's first day. Counting such a total
in a shorter period, or in one period of a comparison and not the other, would mix a year's
calls into October; so it counts only in a period that covers all it covers, and is otherwise
left out, where the user is told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

# `read_files` records, in the tidy frame's `attrs`, the period each source states for itself:
# {source: (first day, last day)}. Frames built by hand carry none.
PERIODS = "periods"


def stated_periods(frame: pd.DataFrame) -> dict[str, tuple[date, date]]:
    """The period each source of the frame states above its header, by source."""
    found = frame.attrs.get(PERIODS) or {}
    return {str(source): (span[0], span[1]) for source, span in found.items()}


def data_span(frame: pd.DataFrame) -> tuple[date | None, date | None]:
    """The first and last day the data covers; a stated period counts to its last day."""
    dated = pd.to_datetime(frame["date"]).dropna()
    if dated.empty:
        return None, None
    first, last = dated.min().date(), dated.max().date()
    periods = stated_periods(frame)
    if periods and "source" in frame:
        present = {str(s) for s in pd.unique(frame["source"].dropna())}
        last = max([last, *(end for source, (_, end) in periods.items() if source in present)])
    return first, last


def dated_by_period(frame: pd.DataFrame) -> pd.Series:
    """Rows dated by the first day of a period their source states: one total, not a day."""
    day = pd.to_datetime(frame["date"]).dt.normalize()
    found = pd.Series(False, index=frame.index)
    if "source" in frame:
        for source, (begin, _) in stated_periods(frame).items():
            found |= (frame["source"] == source) & (day == pd.Timestamp(begin))
    return found


@dataclass(frozen=True)
class Selection:
    """The rows a period counts, and the whole-export rows it leaves out."""

    keep: pd.Series  # rows counted in the period
    left_out: pd.Series  # whole-export rows that overlap the period but are not covered by it
    whole: pd.Series  # rows that are whole-export figures (counted or not)
    last_day: pd.Series  # the last day each row covers: its stated period's end, else its date


def select(
    frame: pd.DataFrame,
    start: date | None = None,
    end: date | None = None,
    undated: bool | None = None,
) -> Selection:
    """The rows a period counts. Undated rows count when `undated` says so, or by default when
    the period covers all the data; rows dated by a stated period count when the period covers
    it."""
    day = pd.to_datetime(frame["date"]).dt.normalize()
    first = None if start is None else pd.Timestamp(start)
    last = None if end is None else pd.Timestamp(end)
    no_date = day.isna()
    stated = pd.Series(False, index=frame.index)
    last_day = day.copy()
    if "source" in frame:
        for source, (begin, finish) in stated_periods(frame).items():
            mine = (frame["source"] == source) & (day == pd.Timestamp(begin))
            stated |= mine
            last_day = last_day.mask(mine, pd.Timestamp(finish))
    every = pd.Series(True, index=frame.index)
    after_start = every if first is None else day >= first
    before_end = every if last is None else day <= last
    # A stated period counts only where the period holds it whole, and is left out (and said
    # so) where the two merely overlap.
    covered = after_start & (every if last is None else last_day <= last)
    touched = (every if first is None else last_day >= first) & before_end
    keep = (~no_date & ~stated & after_start & before_end) | (stated & covered)
    left_out = stated & touched & ~covered
    if undated is None:
        undated = not no_date.any() or _covers_all(frame, first, last)
    keep |= no_date & undated
    left_out |= no_date & (not undated)
    return Selection(keep, left_out, no_date | stated, last_day)


def _covers_all(frame: pd.DataFrame, first: pd.Timestamp | None, last: pd.Timestamp | None) -> bool:
    """Whether a period holds every day the data covers (always, when nothing is dated)."""
    span_first, span_last = data_span(frame)
    if span_first is None or span_last is None:
        return True
    return (first is None or first.date() <= span_first) and (
        last is None or last.date() >= span_last
    )
