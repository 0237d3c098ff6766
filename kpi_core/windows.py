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

# `read_files` records, in the tidy frame's `attrs`, the periods a source's period-dated rows
# stand for: {source: [(first day, last day), ...]}; such a row is dated by its period's first
# day. Frames built by hand carry none.
PERIODS = "periods"
# It records too, by source, the metrics whose rows are shares of a whole another source gives
# (each video's orders beside the shop's own): kept for their items, never counted in a period.
SHARES = "shares"
# And the sources that list items (videos, LIVE sessions) whose figures cover only what those
# items earned, not the shop's whole: a funnel stage is measured from them only when nothing
# covers the whole.
ITEM_LISTS = "item_lists"
# And, by source, the kind of thing its key column names (`post`, `video`, `page`: channels.toml
# `[keys]`): rows keyed by different kinds describe different things, whose figures are never
# divided by each other (kpi_core.derive). A keyed row whose source names no kind is an `item`.
KEYS = "keys"
ITEM = "item"


def stated_periods(frame: pd.DataFrame) -> dict[str, dict[date, date]]:
    """Per source, the last day of the period each period-dated row's date starts."""
    found: dict[str, dict[date, date]] = {}
    for source, spans in (frame.attrs.get(PERIODS) or {}).items():
        ends = found.setdefault(str(source), {})
        for begin, finish in spans:
            # Two periods from one day (a month's campaign beside a fortnight's): the longer.
            ends[begin] = max(finish, ends.get(begin, finish))
    return found


def data_span(frame: pd.DataFrame) -> tuple[date | None, date | None]:
    """The first and last day the data covers; a stated period counts to its last day."""
    dated = pd.to_datetime(frame["date"]).dropna()
    if dated.empty:
        return None, None
    first, last = dated.min().date(), dated.max().date()
    periods = stated_periods(frame)
    if periods and "source" in frame:
        present = {str(s) for s in pd.unique(frame["source"].dropna())}
        ends = [
            end for source, spans in periods.items() if source in present for end in spans.values()
        ]
        last = max([last, *ends])
    return first, last


def _period_ends(frame: pd.DataFrame, day: pd.Series) -> pd.Series:
    """Per row, the last day of the period it stands for; NaT for a row that is one day."""
    out = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    if "source" not in frame:
        return out
    for source, ends in stated_periods(frame).items():
        lookup = pd.Series(
            [pd.Timestamp(e) for e in ends.values()], index=pd.DatetimeIndex(list(ends))
        )
        mine = (frame["source"] == source).to_numpy() & day.isin(lookup.index).to_numpy()
        if mine.any():
            out[mine] = lookup.reindex(day[mine]).to_numpy()
    return out


def dated_by_period(frame: pd.DataFrame) -> pd.Series:
    """Rows dated by the first day of a period their source states: one total, not a day."""
    day = pd.to_datetime(frame["date"]).dt.normalize()
    return _period_ends(frame, day).notna()


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
    ends = _period_ends(frame, day)
    stated = ends.notna()
    last_day = day.mask(stated, ends)
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
    shares = share_rows(frame)
    if shares.any():
        keep &= ~shares
        left_out &= ~shares
    return Selection(keep, left_out, no_date | stated, last_day)


def share_rows(frame: pd.DataFrame) -> pd.Series:
    """Rows that are an item's share of a figure another source gives whole: kept, not counted."""
    found = pd.Series(False, index=frame.index)
    for source, metrics in (frame.attrs.get(SHARES) or {}).items():
        found |= (frame["source"] == source) & frame["metric"].isin(metrics)
    return found


def _covers_all(frame: pd.DataFrame, first: pd.Timestamp | None, last: pd.Timestamp | None) -> bool:
    """Whether a period holds every day the data covers (always, when nothing is dated)."""
    span_first, span_last = data_span(frame)
    if span_first is None or span_last is None:
        return True
    return (first is None or first.date() <= span_first) and (
        last is None or last.date() >= span_last
    )


def item_rows(frame: pd.DataFrame) -> pd.Series:
    """Rows from a list of items (videos, LIVE sessions) that covers only part of a shop."""
    lists = frame.attrs.get(ITEM_LISTS) or ()
    if not lists or "source" not in frame:
        return pd.Series(False, index=frame.index)
    return frame["source"].isin(list(lists)).astype(bool)
