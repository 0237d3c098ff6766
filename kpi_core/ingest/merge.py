"""Several uploads as one frame: nothing counted twice, and currencies settled across files."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pandas as pd

from kpi_core.ingest.codes import used_codes
from kpi_core.models import TEXT_COLUMNS, FileReport, Problem, Severity


def settle_currency(
    frame: pd.DataFrame, reports: list[FileReport]
) -> tuple[pd.DataFrame, list[FileReport]]:
    """Money a file leaves without a currency takes the one currency every other file names.

    GA4's `Total revenue` says no currency; beside Meta exports in IDR it is IDR, not a guess.
    """
    assumed = [
        (r.name, i)
        for r in reports
        for i in r.inferences
        if i.what == "currency" and i.basis == "assumed"
    ]
    if not assumed or frame.empty:
        return frame, reports
    guessed = {(name, i.column) for name, i in assumed}
    units = frame["unit"].astype("str")
    money = ~units.isin(["count", "fraction", "seconds"])
    keys = list(zip(frame["file"].astype("str"), frame["source_name"].astype("str"), strict=True))
    was_guess = pd.Series([k in guessed for k in keys], index=frame.index)
    named = set(units[money & ~was_guess])
    if len(named) != 1:
        return frame, reports
    currency = named.pop()
    frame = frame.copy()
    frame["unit"] = (
        frame["unit"].cat.add_categories([currency])
        if currency not in frame["unit"].cat.categories
        else frame["unit"]
    )
    frame.loc[money & was_guess, "unit"] = currency
    settled = []
    for report in reports:
        inferences = tuple(
            replace(i, value=currency, basis="other_files")
            if i.what == "currency" and i.basis == "assumed"
            else i
            for i in report.inferences
        )
        settled.append(replace(report, inferences=inferences))
    return frame, settled


def drop_overlaps(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Sources covering the same metric, channel, placement and dates are not added together.

    The finer source (more rows) wins; a source without dates is assumed to cover the same
    period as any other source of the same metric.
    """
    if "source" not in frame.columns or _source_count(frame["source"]) < 2:
        return frame, []  # one source (most single uploads): nothing can overlap
    known = frame[frame["metric"].notna()]
    if known.empty or known["source"].nunique() < 2:
        return frame, []
    order = {s: i for i, s in enumerate(dict.fromkeys(frame["source"]))}
    keys = ["metric", "channel", "placement"]
    stats = (
        known.groupby([*keys, "source"], observed=True, sort=False)["date"]
        .agg(rows="size", start="min", end="max")
        .reset_index()
    )
    drop: set[tuple[str, str, str, str]] = set()
    # One problem per source left out, naming the source kept and the metrics it covered.
    losses: dict[tuple[str, str], list[Any]] = {}
    file_of = frame.drop_duplicates("source").set_index("source")["file"].to_dict()
    for key, group in stats.groupby(keys, observed=True, sort=False):
        if len(group) < 2:
            continue
        ranked = group.assign(
            _dated=group["start"].notna(), _order=group["source"].map(order)
        ).sort_values(["rows", "_dated", "_order"], ascending=[False, False, True])
        winners: list[tuple[pd.Timestamp, pd.Timestamp, str]] = []
        for source, rows, start, end in zip(
            ranked["source"].astype(str),
            ranked["rows"],
            ranked["start"],
            ranked["end"],
            strict=True,
        ):
            clash = next((src for s, e, src in winners if _overlap(start, end, s, e)), None)
            if clash is None:
                winners.append((start, end, source))
                continue
            drop.add((str(key[0]), str(key[1]), str(key[2]), source))
            lost = losses.setdefault((source, clash), [0, []])
            lost[0] += int(rows)
            lost[1].append(str(key[0]))
    problems = [
        Problem(
            str(file_of[loser]),
            "overlap",
            # Sheets or members of one export that repeat each other are how the export is
            # built (YouTube's Totals beside its Chart data): worth a note. The same figures in
            # two uploads may be a mistake: worth a warning.
            Severity.INFO if file_of[loser] == file_of[winner] else Severity.WARNING,
            column=_short(loser),
            count=rows,
            examples=tuple(dict.fromkeys(metrics)),
            detail=_short(winner),
        )
        for (loser, winner), (rows, metrics) in losses.items()
    ]
    if not drop:
        return frame, problems
    index = pd.MultiIndex.from_frame(frame[[*keys, "source"]].astype(object))
    mask = index.isin(list(drop))
    kept = frame.loc[~mask].reset_index(drop=True)
    for col in TEXT_COLUMNS:
        kept[col] = kept[col].cat.remove_unused_categories()
    return kept, problems


def _source_count(sources: pd.Series) -> int:
    """How many sources the rows come from (counted on category codes when they are coded)."""
    if isinstance(sources.dtype, pd.CategoricalDtype):
        return len(used_codes(sources.cat.codes.to_numpy(), len(sources.cat.categories)))
    return int(sources.nunique())


def _overlap(
    start: pd.Timestamp, end: pd.Timestamp, other_start: pd.Timestamp, other_end: pd.Timestamp
) -> bool:
    """Whether two date spans meet; a source without dates meets every other."""
    if pd.isna(start) or pd.isna(other_start):
        return True
    return bool(start <= other_end and other_start <= end)


def _short(source: str) -> str:
    """A source as the user names it: the sheet or zip member when there is one."""
    sheet = re.search(r" \[(.+)\]$", source)
    if sheet:
        return sheet.group(1)
    return re.sub(r"^.*?/", "", source) if "/" in source else source
