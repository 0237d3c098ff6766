"""Which rows of several sources hold the same figures: cells of a metric's days, and the finer
source that keeps them.

A cell is a metric, channel, placement and unit on one day, and a campaign and a post where
both sources name them: an account's total beside its campaigns, or a channel's total beside
its posts, holds the same figures as their parts. A row covers a day, the period it stands for
(a report's stated period, a weekly file's range), or, undated, every day.

Keys of different kinds (a post beside a video, a page beside a landing page) name different
things, so they never match; two sources keyed so slice the same totals another way (GA4's
revenue by page and by landing page), and only their days tell whether they meet: the finer, or
the whole, is counted. Lists of shares are the exception: a video list and a LIVE list hold
different pieces of content, each counted.

A list whose rows are shares of the whole (each video's orders, when the shop also sells through
LIVEs and product cards) neither repeats a shop's own figures nor adds to them: beside a source
nearer the whole, its rows are shares of that source's figures, kept by item and not counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from kpi_core.ingest.layouts import PART_LEVELS

_CELL = ("metric", "channel", "placement", "unit")
_SHARES = PART_LEVELS["shares"]


@dataclass(frozen=True)
class Overlaps:
    """The rows of sources that share a cell with another source, one group after another.

    A group is one source's rows of one (metric, channel, placement, unit); `lost_to` names,
    per row, the group whose rows kept its figures (-1: the row is kept), and `share_of` the
    group nearer the whole whose figures the row is a share of (-1: none)."""

    rows: np.ndarray  # positions in the frame
    group: np.ndarray  # per row
    lost_to: np.ndarray  # per row
    share_of: np.ndarray  # per row
    bounds: np.ndarray  # group g's rows are rows[bounds[g]:bounds[g + 1]]
    source_of: np.ndarray  # per group: the source's code
    metric_of: np.ndarray  # per group: the metric's code
    start: np.ndarray  # per row: first day covered, as a day number
    end: np.ndarray  # per row: last day covered
    undated: np.ndarray  # per row
    origin: int  # day number 0 as days since 1970-01-01

    def day(self, number: int) -> date:
        """A day number as a date."""
        day: date = np.datetime64(self.origin + number, "D").item()
        return day


def find_overlaps(
    frame: pd.DataFrame,
    periods: Mapping[str, Sequence[tuple[date, date]]],
    levels: Mapping[str, int] | None = None,
    kinds: Mapping[str, str] | None = None,
) -> Overlaps | None:
    """The rows two or more sources hold for the same cells, and which source keeps each.

    Sources are ranked per (metric, channel, placement, unit): nearer the whole (`levels`, by
    source: 0 for a source of whole figures), more rows per day covered, then dated, then first
    uploaded. Each keeps the cells no higher-ranked source of its level has kept; where a source
    nearer the whole meets its days, its rows are shares of that source's figures. Rows keyed
    by different kinds (`kinds`, by source) are matched by their days alone, except in lists
    of shares."""
    codes = {col: _codes(frame[col]) for col in (*_CELL, "source", "campaign", "post_id")}
    known = np.flatnonzero((codes["metric"] >= 0) & (codes["source"] >= 0))
    cell = _packed([codes[col][known] + 1 for col in _CELL])
    size = int(codes["source"].max()) + 1
    group, pairs = pd.factorize(cell * size + codes["source"][known])
    cell_of, source_of = np.divmod(np.asarray(pairs, dtype=np.int64), size)
    contested = np.bincount(cell_of)[cell_of] >= 2
    if not contested.any():
        return None
    picked = contested[group]
    # Few groups: their numbers fit in 16 bits, which numpy sorts stably by radix, in one pass.
    narrow = np.int16 if len(pairs) < 1 << 15 else np.int64
    order = np.argsort(group[picked].astype(narrow), kind="stable")
    rows, grp = known[picked][order], group[picked][order].astype(np.int64)
    bounds = np.searchsorted(grp, np.arange(len(pairs) + 1))
    start, end, undated, origin = _spans(frame, rows, codes["source"], periods)
    labels = {"campaign": codes["campaign"][rows], "post_id": codes["post_id"][rows]}
    stats = _Stats.of(grp, bounds, start, end, undated, labels)
    first_seen = {int(s): i for i, s in enumerate(pd.unique(codes["source"]))}
    names = frame["source"].cat.categories
    level = np.array([(levels or {}).get(str(names[s]), 0) for s in source_of], dtype=np.int64)
    kind = [(kinds or {}).get(str(names[s]), "") for s in source_of]
    lost_to = np.full(len(rows), -1, dtype=np.int64)
    share_of = np.full(len(rows), -1, dtype=np.int64)
    for groups in _by_cell(cell_of, contested):
        seen = [first_seen[int(source_of[g])] for g in groups]
        ranked = stats.ranked(groups, seen, [int(level[g]) for g in groups])
        for i, loser in enumerate(ranked[1:], start=1):
            for winner in ranked[:i]:
                here = np.arange(bounds[loser], bounds[loser + 1])
                there = np.arange(bounds[winner], bounds[winner + 1])
                apart = level[loser] != level[winner]
                # Two slicings of the same totals: their items' keys cannot meet.
                sliced = kind[loser] != kind[winner] and level[loser] < _SHARES
                free = (lost_to[here] < 0) & ((share_of[here] < 0) | ~apart)
                mine, theirs = here[free], there[lost_to[there] < 0]
                if not len(mine) or not len(theirs):
                    continue
                # A share's item (a video) is not among the whole's: only the days tell.
                shared = [
                    c
                    for c in labels
                    if stats.named[c][loser]
                    and stats.named[c][winner]
                    and not apart
                    and not (sliced and c == "post_id")
                ]
                keys = _keys([labels[c] for c in shared], mine, theirs)
                hit = _meets(keys, start, end, mine, theirs)
                (share_of if apart else lost_to)[mine[hit]] = winner
    metric_of = codes["metric"][rows[bounds[:-1].clip(max=len(rows) - 1)]]
    return Overlaps(
        rows, grp, lost_to, share_of, bounds, source_of, metric_of, start, end, undated, origin
    )


def covered_days(start: np.ndarray, end: np.ndarray) -> int:
    """How many days some [start, end] day ranges cover together."""
    order = np.argsort(start, kind="stable")
    first, last = start[order], end[order]
    reach = np.maximum.accumulate(last)  # the last day covered by this range or one before it
    before = np.concatenate([first[:1] - 1, reach[:-1]])
    return int(np.maximum(0, last - np.maximum(first - 1, before)).sum())


def _codes(series: pd.Series) -> np.ndarray:
    """Category codes of one of the tidy frame's text columns (-1 where empty), as int64."""
    return series.cat.codes.to_numpy().astype(np.int64)


def _packed(parts: list[np.ndarray]) -> np.ndarray:
    """One int64 per combination of small non-negative integer columns (not overflowing)."""
    key = np.zeros(len(parts[0]), dtype=np.int64)
    bound = 1
    for part in parts:
        width = int(part.max()) + 1 if len(part) else 1
        if bound * width >= 1 << 62:
            key, uniques = pd.factorize(key)
            bound = len(uniques)
        key = key * width + part
        bound *= width
    return key


def _spans(
    frame: pd.DataFrame,
    rows: np.ndarray,
    sources: np.ndarray,
    periods: Mapping[str, Sequence[tuple[date, date]]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Each row's first and last day as day numbers from 0; an undated row covers them all."""
    days = frame["date"].to_numpy(dtype="datetime64[D]")[rows]
    undated = np.isnat(days)
    start = days.astype(np.int64)
    end = start.copy()
    names = frame["source"].cat.categories if periods else pd.Index([])
    for code, name in enumerate(names):
        found = periods.get(str(name))
        mine = np.flatnonzero(sources[rows] == code)
        if not found or not len(mine):
            continue
        # A row dated by a period's first day covers the period (the longest, when several
        # periods start on that day).
        firsts = np.array([np.datetime64(a, "D") for a, _ in found]).astype(np.int64)
        lasts = np.array([np.datetime64(b, "D") for _, b in found]).astype(np.int64)
        order = np.lexsort((-lasts, firsts))
        firsts, lasts = firsts[order], lasts[order]
        at = np.searchsorted(firsts, start[mine]).clip(max=len(firsts) - 1)
        hit = firsts[at] == start[mine]
        end[mine[hit]] = np.maximum(lasts[at[hit]], start[mine[hit]])
    dated = ~undated
    low = int(start[dated].min()) - 1 if dated.any() else 0
    high = int(end[dated].max()) + 1 if dated.any() else 0
    start = np.where(undated, low, start) - low
    end = np.where(undated, high, end) - low
    return start, end, undated, low


@dataclass(frozen=True)
class _Stats:
    """Per group: its rows, the days it covers, whether it is dated and names campaigns, posts."""

    rows: np.ndarray
    days: np.ndarray
    dated: np.ndarray
    named: dict[str, np.ndarray]

    @classmethod
    def of(
        cls,
        grp: np.ndarray,
        bounds: np.ndarray,
        start: np.ndarray,
        end: np.ndarray,
        undated: np.ndarray,
        labels: dict[str, np.ndarray],
    ) -> _Stats:
        n = len(bounds) - 1
        rows = np.diff(bounds)
        filled = rows > 0
        width = int(end.max()) + 1
        distinct = pd.unique(grp * width + start) // width
        days = np.bincount(distinct, minlength=n)
        # A group of period rows covers its periods' whole extent.
        ranged = np.bincount(grp[end > start], minlength=n) > 0
        heads = bounds[:-1][filled]
        extent = np.zeros(n, dtype=np.int64)
        extent[filled] = np.maximum.reduceat(end, heads) - np.minimum.reduceat(start, heads) + 1
        days = np.where(ranged, extent, days)
        dated = np.bincount(grp[~undated], minlength=n) > 0
        named = {c: np.bincount(grp[v >= 0], minlength=n) > 0 for c, v in labels.items()}
        return cls(rows, days, dated, named)

    def ranked(self, groups: list[int], seen: list[int], levels: list[int]) -> list[int]:
        """The groups of one cell, nearest the whole first, then finest first: most rows per
        day covered, dated, first seen.

        An undated group covers as many days as the widest dated group beside it."""
        widest = max((int(self.days[g]) for g in groups if self.dated[g]), default=1)
        covered = [int(self.days[g]) if self.dated[g] else widest for g in groups]
        keys = [
            (level, -self.rows[g] / max(days, 1), not self.dated[g], s)
            for g, days, s, level in zip(groups, covered, seen, levels, strict=True)
        ]
        return [g for _, g in sorted(zip(keys, groups, strict=True))]


def _by_cell(cell_of: np.ndarray, contested: np.ndarray) -> list[list[int]]:
    """The contested groups, gathered by their cell."""
    cells: dict[int, list[int]] = {}
    for g in np.flatnonzero(contested):
        cells.setdefault(int(cell_of[g]), []).append(int(g))
    return list(cells.values())


def _keys(parts: list[np.ndarray], mine: np.ndarray, theirs: np.ndarray) -> np.ndarray:
    """Dense codes for the campaign and post both sides name (all 0 when they share none)."""
    both = np.concatenate([mine, theirs])
    if not parts:
        return np.zeros(len(both), dtype=np.int64)
    codes, _ = pd.factorize(_packed([p[both] + 1 for p in parts]))
    return codes.astype(np.int64)


def _meets(
    keys: np.ndarray, start: np.ndarray, end: np.ndarray, mine: np.ndarray, theirs: np.ndarray
) -> np.ndarray:
    """Which of `mine` share a key with one of `theirs` and meet its days."""
    width = int(max(end[mine].max(), end[theirs].max())) + 1
    my_key, their_key = keys[: len(mine)], keys[len(mine) :]
    their_first = their_key * width + start[theirs]
    order = np.argsort(their_first)
    their_first = their_first[order]
    # Keys ascend, so a running maximum of key-offset last days is the latest day reached so far
    # within each key.
    reach = np.maximum.accumulate((their_key * width + end[theirs])[order])
    at = np.searchsorted(their_first, my_key * width + end[mine], side="right") - 1
    found = at >= 0
    at = at.clip(min=0)
    same = their_key[order][at] == my_key
    hit: np.ndarray = found & same & (reach[at] - my_key * width >= start[mine])
    return hit
