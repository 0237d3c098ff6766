"""Read every metrics export a marketer has into one tidy frame, reporting what was understood."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pandas as pd

from kpi_core import catalogue
from kpi_core.headers import iso_currency
from kpi_core.ingest import layouts
from kpi_core.ingest.breakdowns import leave_out_breakdowns
from kpi_core.ingest.codes import concat_tidy, empty_frame, used_codes
from kpi_core.ingest.containers import load, tables_of
from kpi_core.ingest.context import Context, Shaped
from kpi_core.ingest.layouts import PART_LEVELS, Layout, recognise
from kpi_core.ingest.merge import (
    distinct_name,
    drop_overlaps,
    renamed,
    settle_currency,
    short_source,
    source_renamer,
)
from kpi_core.ingest.orders import shape_orders
from kpi_core.ingest.shape import shape
from kpi_core.ingest.table import Table, UnreadableFileError
from kpi_core.ingest.text import Blob
from kpi_core.ingest.transposed import months_across, without_day_order
from kpi_core.models import (
    TIDY_COLUMNS,
    FileCorrections,
    FileReport,
    Inference,
    Problem,
    Severity,
)
from kpi_core.windows import ITEM_LISTS, KEYS, PERIODS, SHARES

# The catalogue and the layouts are read, validated and indexed once per process: here, at
# import, where the app pays it as it starts, not in the first upload's read (about 20 ms of a
# small file's 75 ms CPU).
catalogue.warm()
layouts.warm()

__all__ = ["Dataset", "UnreadableFileError", "distinct_name", "read_file", "read_files"]


@dataclass(frozen=True)
class Dataset:
    """The tidy frame of every readable upload, with one report per file."""

    frame: pd.DataFrame
    files: tuple[FileReport, ...] = ()
    unreadable: tuple[UnreadableFileError, ...] = field(default_factory=tuple)

    @property
    def read_any(self) -> bool:
        """Whether at least one file could be read."""
        return any(r.layout != "unreadable" for r in self.files)


def read_file(
    name: str,
    data: Blob,
    *,
    corrections: FileCorrections | None = None,
    channel: str | None = None,
    placement: str | None = None,
    today: date | None = None,
) -> tuple[pd.DataFrame, FileReport]:
    """One upload as tidy rows and a report; raises UnreadableFileError when nothing is readable."""
    ctx = Context(corrections or FileCorrections(), channel, placement, today or date.today())
    frame, report, *_ = _read(name, data, ctx)
    return frame, report


Periods = dict[str, list[tuple[date, date]]]
Levels = dict[str, int]  # by source: how far its rows stand from the whole (layouts.PART_LEVELS)
Kinds = dict[str, str]  # by source: the kind of thing its rows' key names (channels.toml [keys])


def _read(
    name: str, data: Blob, ctx: Context
) -> tuple[pd.DataFrame, FileReport, Periods, Levels, Kinds]:
    """One upload's rows and report, and by source the periods its period-dated rows stand for,
    how far its rows stand from the whole figure (a list of videos' shares) and what its key
    names."""
    found: list[tuple[Table, Layout]] = []
    for table in tables_of(name, data):
        # A hand-built recap with months across and metrics down is read one metric a month.
        table = months_across(table, ctx.today) or table
        # A grouped column (`GMV (LIVE)`) shows the layout its plain name belongs to.
        found.append((table, recognise([*table.header, *table.plain_names()], table.source)))
    shaped: list[tuple[Table, Layout, Shaped]] = []
    for table, layout in leave_out_breakdowns(found):
        # An export of order lines is read as the day's orders, units and revenue.
        result = (shape_orders if layout.order_lines else shape)(table, layout, ctx)
        shaped.append((table, layout, without_day_order(table, result)))
    frame = concat_tidy([s.frame for _, _, s in shaped])
    periods = {table.source: s.periods for table, _, s in shaped if s.periods}
    levels = {table.source: PART_LEVELS[layout.parts] for table, layout, _ in shaped}
    kinds = {table.source: s.key_kind for table, _, s in shaped if s.key_kind}
    return frame, _report(name, shaped), periods, levels, kinds


def _one(values: Iterable[str | None]) -> str | None:
    found = {v for v in values if v is not None}
    return found.pop() if len(found) == 1 else None


def _one_used(shaped: list[tuple[Table, Layout, Shaped]], col: str) -> str | None:
    """The one channel (or placement) the file's rows carry; None when they carry several.

    Read from the rows, since a column name can set it per column (`Impressions (sponsored)`,
    X's `promoted ...`); a table without rows falls back to what its reader decided."""
    found: set[str] = set()
    for _, _, s in shaped:
        decided = getattr(s, col)
        if not len(s.frame):
            found.update({decided} - {None})
            continue
        if decided is None:
            return None  # the reader already saw several in a column
        cat = s.frame[col].array
        found.update(str(c) for c in cat.categories[used_codes(cat.codes, len(cat.categories))])
    return found.pop() if len(found) == 1 else None


def _merge_problems(problems: list[Problem]) -> tuple[Problem, ...]:
    """The same problem met in several sheets or members is told once, with the rows added up."""
    merged: dict[tuple[str, str | None, str], Problem] = {}
    for problem in problems:
        key = (problem.code, problem.column, problem.detail)
        if key in merged:
            seen = merged[key]
            examples = tuple(dict.fromkeys(seen.examples + problem.examples))[:3]
            merged[key] = replace(seen, count=seen.count + problem.count, examples=examples)
        else:
            merged[key] = problem
    return tuple(merged.values())


def _inferences(shaped: list[tuple[Table, Layout, Shaped]]) -> tuple[Inference, ...]:
    """Each reading once; where the file's sheets or members were read differently (one's
    numbers 1,234.5, another's 1.234,5), each of those readings names its part."""
    found: dict[tuple[str, str | None], set[tuple[str, str]]] = {}
    tables: dict[tuple[str, str | None], int] = {}
    for _, _, s in shaped:
        for key in dict.fromkeys((i.what, i.column) for i in s.inferences):
            tables[key] = tables.get(key, 0) + 1
        for i in s.inferences:
            found.setdefault((i.what, i.column), set()).add((i.value, i.basis))
    mixed = {key for key, readings in found.items() if len(readings) > 1}
    # "No date column" said of one member of a zip whose other members have dates.
    mixed |= {key for key in found if key[0] == "period" and tables[key] < len(shaped)}
    notes = (
        replace(i, part=short_source(table.source)) if (i.what, i.column) in mixed else i
        for table, _, s in shaped
        for i in s.inferences
    )
    return _one_placement(tuple(dict.fromkeys(notes)))


def _one_placement(notes: tuple[Inference, ...]) -> tuple[Inference, ...]:
    """Sheets that each read the same placement from their own columns (one from its headers,
    one from a Post type column) say it once, in one line true of all of them."""
    placements = [i for i in notes if i.what == "placement" and not i.part]
    if len(placements) < 2 or len({i.value for i in placements}) > 1:
        return notes
    if not {i.basis for i in placements} <= {"column", "column_names"}:
        return notes
    one = replace(placements[0], basis="columns", column=None)
    first = notes.index(placements[0])
    rest = tuple(i for i in notes if i not in placements)
    return (*rest[:first], one, *rest[first:])


def _report(name: str, shaped: list[tuple[Table, Layout, Shaped]]) -> FileReport:
    firsts = [s.frame["date"].min() for _, _, s in shaped if len(s.frame)]
    lasts = [s.frame["date"].max() for _, _, s in shaped if len(s.frame)]
    # Rows dated by a period's first day cover the period to its last day.
    lasts += [pd.Timestamp(end) for _, _, s in shaped if len(s.frame) for _, end in s.periods]
    first = min((d for d in firsts if pd.notna(d)), default=None)
    last = max((d for d in lasts if pd.notna(d)), default=None)
    layouts = list(dict.fromkeys(layout.id for _, layout, _ in shaped))
    platforms = list(dict.fromkeys(layout.platform for _, layout, _ in shaped))
    observations = sum(len(s.frame) for _, _, s in shaped)
    return FileReport(
        name=name,
        layout=", ".join(layouts),
        platform=" · ".join(platforms),
        channel=_one_used(shaped, "channel"),
        placement=_one_used(shaped, "placement"),
        rows_read=sum(s.rows_read for _, _, s in shaped),
        rows_skipped=sum(s.rows_skipped for _, _, s in shaped),
        date_from=first.date().isoformat() if first is not None else None,
        date_to=last.date().isoformat() if last is not None else None,
        number_format=_one(s.number_format for _, _, s in shaped),
        date_order=_one(s.date_order for _, _, s in shaped),
        columns=tuple(c for _, _, s in shaped for c in s.columns),
        problems=_merge_problems([p for _, _, s in shaped for p in s.problems]),
        inferences=_inferences(shaped),
        observations=observations,
    )


def _guarded_read(
    name: str, data: Blob, ctx: Context
) -> tuple[pd.DataFrame, FileReport, Periods, Levels, Kinds]:
    """One upload read; a fault of the reader's own on it makes that one file unreadable, in a
    sentence, and never stops the other files from being read."""
    try:
        return _read(name, data, ctx)
    except UnreadableFileError:
        raise
    except Exception as exc:
        raise UnreadableFileError(name, "unexpected") from exc


def read_files(
    files: Iterable[tuple[str, bytes]] | Iterable[str | Path],
    *,
    corrections: Mapping[str, FileCorrections] | None = None,
    channel: str | None = None,
    placement: str | None = None,
    currency: str | None = None,
    today: date | None = None,
) -> Dataset:
    """Every upload merged into one tidy frame; unreadable files are reported, never raised.

    `channel` (an id or a common name: `Instagram`, `IG`), `placement` and `currency` (an ISO
    code: `IDR`) apply to files that do not say; an unknown channel or a currency that is not
    a three-letter code raises ValueError."""
    currency = iso_currency(currency)
    if channel is not None:
        named = catalogue.match_channel(channel)
        if named is None:
            raise ValueError(f"unknown channel {channel!r}; use one of {catalogue.channel_ids()}")
        channel = named
    frames: list[pd.DataFrame] = []
    reports: list[FileReport] = []
    unreadable: list[UnreadableFileError] = []
    periods: Periods = {}
    levels: Levels = {}
    kinds: Kinds = {}
    for item in files:
        name, data = (Path(item).name, load(Path(item))) if isinstance(item, str | Path) else item
        # A second upload of a name already used (the same export from two folders) is told
        # apart from the first, so that its figures are not simply added to them.
        label = distinct_name(name, [r.name for r in reports])
        fixes = (corrections or {}).get(label) or (corrections or {}).get(name)
        ctx = Context(
            fixes or FileCorrections(), channel, placement, today or date.today(), currency
        )
        try:
            frame, report, found, level, kind = _guarded_read(name, data, ctx)
        except UnreadableFileError as exc:
            unreadable.append(exc)
            problem = Problem(
                label,
                f"unreadable.{exc.code}",
                Severity.ERROR,
                detail=str(exc.params.get("member", "")),
            )
            reports.append(
                FileReport(label, "unreadable", "", None, None, 0, 0, problems=(problem,))
            )
            continue
        if label != name:
            new = source_renamer(name, label)
            level = {new(source): n for source, n in level.items()}
            kind = {new(source): k for source, k in kind.items()}
            frame, report, found = renamed(frame, report, found, label)
        frames.append(frame)
        reports.append(report)
        periods.update(found)
        levels.update(level)
        kinds.update(kind)
    merged = concat_tidy(frames) if frames else empty_frame()
    merged, reports = settle_currency(merged, reports)
    merged, overlaps, shares = drop_overlaps(merged, periods, levels, kinds)
    reports = [
        replace(r, problems=r.problems + tuple(p for p in overlaps if p.file == r.name))
        for r in reports
    ]
    out = _finish(merged)
    # The periods period-dated rows stand for travel with the frame: a period counts such a
    # row only where it holds the row's whole period (kpi_core.windows).
    out.attrs[PERIODS] = {source: spans for source, spans in periods.items() if spans}
    # So do the figures kept as shares of a whole another upload gives: by item, never counted.
    out.attrs[SHARES] = shares
    # And the lists of items, whose figures a funnel stage takes only when nothing is wholer.
    out.attrs[ITEM_LISTS] = sorted(s for s, n in levels.items() if n == PART_LEVELS["shares"])
    # And what each source's key names: figures of different kinds of thing are never divided.
    out.attrs[KEYS] = kinds
    return Dataset(out, tuple(reports), tuple(unreadable))


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    """Column order and compact dtypes for the tidy frame."""
    out = frame.reindex(columns=list(TIDY_COLUMNS))
    return out.reset_index(drop=True)
