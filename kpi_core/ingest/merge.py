"""Several uploads as one frame: nothing counted twice, and currencies settled across files."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd

from kpi_core.ingest.codes import used_codes, without_unused
from kpi_core.ingest.overlaps import Overlaps, covered_days, find_overlaps
from kpi_core.models import PLAIN_UNITS, TEXT_COLUMNS, FileReport, Problem, Severity

# Between the sources a list's shares split, in a `shares` problem's detail (labels joins them
# as a sentence does).
SOURCES_SEP = "\n"
# A workbook's sheet (and section) in a source's name: `file.xlsx [Sheet1] · Traffic`.
_SHEET = re.compile(r" \[(.+)\]( · .+)?$")


def distinct_name(name: str, used: Sequence[str]) -> str:
    """The name, or when another upload already has it, the name numbered (`ads.csv (2)`)."""
    label, number = name, 1
    while label in used:
        number += 1
        label = f"{name} ({number})"
    return label


def source_renamer(old: str, name: str) -> Callable[[str], str]:
    """A source of the upload `old` (it, its sheets and members) named as of the upload `name`."""

    def new(source: str) -> str:
        inside = source == old or source.startswith((f"{old}/", f"{old} ["))
        return name + source[len(old) :] if inside else source

    return new


def renamed(
    frame: pd.DataFrame,
    report: FileReport,
    periods: Mapping[str, list[tuple[date, date]]],
    name: str,
) -> tuple[pd.DataFrame, FileReport, dict[str, list[tuple[date, date]]]]:
    """One upload's rows, report and periods under another name (its sheets and members too)."""
    new = source_renamer(report.name, name)
    frame = frame.assign(
        file=frame["file"].cat.rename_categories(new),
        source=frame["source"].cat.rename_categories(new),
    )
    report = replace(
        report,
        name=name,
        problems=tuple(replace(p, file=new(p.file)) for p in report.problems),
        inferences=tuple(replace(i, file=new(i.file)) for i in report.inferences),
    )
    return frame, report, {new(source): found for source, found in periods.items()}


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
    units = frame["unit"]
    money = ~units.isin(PLAIN_UNITS)
    was_guess = _rows_of(frame, guessed)
    named = set(units[money & ~was_guess].unique())
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


def _rows_of(frame: pd.DataFrame, pairs: set[tuple[str, str | None]]) -> np.ndarray:
    """Rows whose (file, source_name) is one of the pairs, looked up once per distinct file and
    name: a Python test per row took 60-80 ms over the shop demo's 21,000 rows."""
    file_codes, files = pd.factorize(frame["file"])
    name_codes, names = pd.factorize(frame["source_name"])
    file_at = {str(f): i for i, f in enumerate(files)}
    name_at = {str(n): i for i, n in enumerate(names)}
    rows = np.zeros(len(frame), dtype=bool)
    for file, name in pairs:
        if file in file_at and name in name_at:
            rows |= (file_codes == file_at[file]) & (name_codes == name_at[name])
    return rows


def drop_overlaps(
    frame: pd.DataFrame,
    periods: Mapping[str, Sequence[tuple[date, date]]] | None = None,
    levels: Mapping[str, int] | None = None,
    kinds: Mapping[str, str] | None = None,
) -> tuple[pd.DataFrame, list[Problem], dict[str, list[str]]]:
    """Figures two sources hold for the same metric, channel, placement, unit and day (and
    campaign and post, where both name them) are counted once, from the finer source.

    The other source keeps every day it alone covers, and the user is told, per pair of
    sources, how many rows were left out and, when only some days were, which days. A source
    without dates covers every day; a row dated by a period's first day (`periods`, by source)
    covers the whole period. A list of shares (`levels`, by source) beside a source nearer the
    whole keeps its rows, returned by source and metric as shares not to count, and is told so.
    Sources keyed by different kinds of thing (`kinds`, by source) slice the same totals: only
    their days tell whether they hold the same figures.
    """
    if "source" not in frame.columns or _source_count(frame["source"]) < 2:
        return frame, [], {}  # one source (most single uploads): nothing can overlap
    found = find_overlaps(frame, periods or {}, levels, kinds)
    if found is None:
        return frame, [], {}
    lost, shared = found.lost_to >= 0, (found.share_of >= 0) & (found.lost_to < 0)
    problems = _told(frame, found, found.lost_to, lost, kinds) + _told(
        frame, found, found.share_of, shared
    )
    shares: dict[str, list[str]] = {}
    sources, metrics = frame["source"].cat.categories, frame["metric"].cat.categories
    for g in np.unique(found.group[shared]):
        name = str(sources[found.source_of[g]])
        shares.setdefault(name, []).append(str(metrics[found.metric_of[g]]))
    if not lost.any():
        return frame, problems, shares
    keep = np.ones(len(frame), dtype=bool)
    keep[found.rows[lost]] = False
    kept = frame.loc[keep].reset_index(drop=True)
    for col in TEXT_COLUMNS:
        kept[col] = without_unused(kept[col].array)
    return kept, problems, shares


def _told(
    frame: pd.DataFrame,
    found: Overlaps,
    other: np.ndarray,
    picked: np.ndarray,
    kinds: Mapping[str, str] | None = None,
) -> list[Problem]:
    """One problem per source left out in favour of another (`other` is `lost_to`), or kept as
    shares of another's figures (`share_of`): its rows and metrics and, when it kept other rows
    of those metrics, the days concerned."""
    lost = np.flatnonzero(picked)
    if not len(lost):
        return []
    size = int(found.source_of.max()) + 1
    losers, winners = found.source_of[found.group[lost]], found.source_of[other[lost]]
    shares = other is found.share_of
    # A list's shares are told once, naming every source nearer the whole it splits (a video
    # list beside both the shop's key metrics and its product list): one note, not one a pair.
    pair, _ = pd.factorize(losers if shares else losers * size + winners)
    sources, metrics = frame["source"].cat.categories, frame["metric"].cat.categories
    files = frame["file"]
    told = _naming([str(s) for s in sources])
    problems = []
    for i in range(int(pair.max()) + 1):
        at = lost[pair == i]
        groups = np.unique(found.group[at])
        file = str(files.iat[found.rows[at[0]]])
        kept, sliced = [], set()
        losing = str(sources[found.source_of[groups[0]]])
        for winner in dict.fromkeys(int(w) for w in other[at]):
            named = str(files.iat[found.rows[found.bounds[winner]]])
            winning = str(sources[found.source_of[winner]])
            sliced.add(((kinds or {}).get(losing, ""), (kinds or {}).get(winning, "")))
            # The source kept, named in full when it is another upload's.
            kept.append(told(winning, file == named))
        # The days are told when the source kept other rows of those metrics: only some of its
        # days were the same figures.
        rest = np.isin(found.group, groups) & ~picked
        days = bool(rest.any()) and not found.undated[at].any()
        problems.append(
            Problem(
                file,
                "shares" if shares else "overlap",
                # Sheets or members of one export that repeat each other are how the export is
                # built (YouTube's Totals beside its Chart data): worth a note. The same figures
                # in two uploads may be a mistake: worth a warning. Shares are no mistake.
                # Nor are the same totals sliced another way (a pages and a landing-page report).
                Severity.INFO if file == named or shares or _sliced(sliced) else Severity.WARNING,
                column=told(str(sources[found.source_of[groups[0]]]), True),
                count=len(at),
                examples=tuple(dict.fromkeys(str(metrics[m]) for m in found.metric_of[groups])),
                detail=SOURCES_SEP.join(dict.fromkeys(kept)),
                date_from=found.day(int(found.start[at].min())).isoformat() if days else None,
                date_to=found.day(int(found.end[at].max())).isoformat() if days else None,
                days=covered_days(found.start[at], found.end[at]) if days else 0,
                # One other slicing named, when the kept sources share it.
                kinds=_sliced(sliced),
            )
        )
    return problems


def _sliced(pairs: set[tuple[str, str]]) -> tuple[str, ...]:
    """This source's kind of key and the kept one's, when every kept source is keyed by one
    other kind than this one (a landing-page report beside a pages report); else nothing."""
    if len(pairs) != 1:
        return ()
    ((mine, theirs),) = pairs
    return (mine, theirs) if mine and theirs and mine != theirs else ()


def _naming(sources: list[str]) -> Callable[[str, bool], str]:
    """How a source is named to the user (`short`: without its file): a workbook of one sheet
    by its file alone (`key_metrics.xlsx`, not `key_metrics.xlsx [Sheet1]`), since the sheet
    tells the user nothing there."""
    sheets: dict[str, set[str]] = {}
    for source in sources:
        sheet = _SHEET.search(source)
        if sheet:
            sheets.setdefault(source[: sheet.start()], set()).add(sheet[1])

    def name(source: str, short: bool) -> str:
        sheet = _SHEET.search(source)
        if sheet and not sheet[2] and len(sheets[source[: sheet.start()]]) == 1:
            return source[: sheet.start()]
        return short_source(source) if short else source

    return name


def _source_count(sources: pd.Series) -> int:
    """How many sources the rows come from (counted on category codes when they are coded)."""
    if isinstance(sources.dtype, pd.CategoricalDtype):
        return len(used_codes(sources.cat.codes.to_numpy(), len(sources.cat.categories)))
    return int(sources.nunique())


def short_source(source: str) -> str:
    """A source as the user names it: the sheet (and its section) or zip member when there is
    one."""
    sheet = _SHEET.search(source)
    if sheet:
        return sheet.group(1) + (sheet.group(2) or "")
    return re.sub(r"^.*?/", "", source) if "/" in source else source
