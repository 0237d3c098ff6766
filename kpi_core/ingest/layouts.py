"""Recognise an export's layout by its header signature and name (data in layouts.toml)."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from kpi_core.catalogue import Header, key_kind, normalize, parse_header
from kpi_core.datafiles import read_toml
from kpi_core.windows import ITEM


class Layout(BaseModel):
    """One export layout: how to recognise it and what it fixes (channel, placement, dates)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    platform: str
    channel: str | None = None
    placement: str | None = None
    date_order: str | None = None
    series: bool = False
    deduplicated_total: bool = False
    require: tuple[str | tuple[str, ...], ...] = ()
    files: tuple[str, ...] = ()
    remap: dict[str, str] = {}
    names: dict[str, str] = {}
    percent: frozenset[str] = frozenset()
    numbered_by: str | None = None
    order_lines: dict[str, tuple[str, ...]] = {}
    period_rows: bool = False
    parts: Literal["split", "shares"] | None = None
    row_key: dict[str, tuple[str, ...]] = {}  # by kind: names that key this layout's rows


class _Layouts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    breakdowns: frozenset[str] = frozenset()
    alternatives: dict[str, str] = {}
    layouts: tuple[Layout, ...]


GENERIC = ("long", "wide")  # the layouts of a spreadsheet no platform made


@cache
def _catalogue() -> _Layouts:
    return _Layouts.model_validate(read_toml("layouts.toml"))


@cache
def layouts() -> tuple[Layout, ...]:
    """Every known layout, in file order (the generic `long` and `wide` last)."""
    return _catalogue().layouts


# How far a source's rows stand from the whole figure: a file of the shop's own figures, then a
# list that splits it by item, then a list of the shares content earned.
PART_LEVELS = {None: 0, "split": 1, "shares": 2}


def row_key_names(layout: Layout) -> frozenset[str]:
    """The matching keys of the names that key this layout's rows though elsewhere they do not."""
    return frozenset(normalize(name) for names in layout.row_key.values() for name in names)


def kind_of_key(layout: Layout, header: Header) -> str:
    """The kind of thing a key column names (the layout's own names first); "item" for a
    column the user or a reader made the key without a kind of its own."""
    for kind, names in layout.row_key.items():
        if header.key in {normalize(n) for n in names}:
            return kind
    return key_kind(header) or ITEM


def breakdown_names() -> frozenset[str]:
    """The first-column names of demographic breakdown sheets, by their matching key."""
    return frozenset(normalize(name) for name in _catalogue().breakdowns)


@cache
def alternatives() -> dict[str, str]:
    """By matching key, the header names that give another column's figure, and that column's."""
    return {normalize(old): normalize(new) for old, new in _catalogue().alternatives.items()}


def layout(layout_id: str) -> Layout:
    """The layout with this id."""
    return next(lay for lay in layouts() if lay.id == layout_id)


@cache
def _weights() -> dict[str, float]:
    """How much meeting a requirement says about the layout: a name only one layout asks for
    (`Post type`, `Reached audience`) identifies it; one that many ask for (`Date`,
    `Impressions`) counts as a share of one."""
    used: dict[str, int] = {}
    for candidate in layouts():
        groups = [(g,) if isinstance(g, str) else g for g in candidate.require]
        names = {normalize(k) for group in groups for k in group}
        for key in names:
            used[key] = used.get(key, 0) + 1
    return {key: 1.0 / count for key, count in used.items()}


def warm() -> None:
    """Read and weigh the layouts now (at import) rather than in a user's first upload."""
    _weights()


def recognise(header: list[str], source: str) -> Layout:
    """The layout whose signature the header and file name fit best; `wide` when none does."""
    keys: set[str] = set()
    for name in header:
        parsed = parse_header(name)
        keys.update({parsed.key, parsed.base_key})
    name = source.lower()
    best, best_score = layout("wide"), 0.0
    for candidate in layouts():
        groups = [(g,) if isinstance(g, str) else g for g in candidate.require]
        met = [[normalize(k) for k in group if normalize(k) in keys] for group in groups]
        named = any(re.search(p, name) for p in candidate.files)
        if not (named or all(met)):
            continue
        # The export's own file name (`tweet_activity_metrics_...`, `Table data.csv`) names the
        # layout even when its headers come translated or with other columns picked.
        score = sum(max(_weights()[k] for k in found) for found in met if found)
        if named:
            score += 2 * max(len(groups), 1)
        if score > best_score:
            best, best_score = candidate, score
    return best
