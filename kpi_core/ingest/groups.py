"""Rows that name groups of a header's columns, and the names they give those columns.

A row above the header can name a group per block of columns: a channel (`Instagram` over
`Reach, Likes`, then `TikTok` over the same names), organic or paid words, or another kind
(TikTok Shop's `Semua`, `LIVE`, `Video` over `GMV, Klik produk, Pesanan`), merged over the
block or written at its first column. A row under the header can split each name into
organic and paid (`Jangkauan` over `Organik, Berbayar`) or channels. Either way a grouped
column is named `Name (Group)`, so that the user can tell the columns apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kpi_core import catalogue
from kpi_core.ingest.table import looks_numeric

# A group of these is the total of the groups beside it (`Semua` = LIVE + Video + ...).
_TOTAL_GROUPS = {
    "semua", "all", "total", "totals", "keseluruhan", "total keseluruhan", "grand total",
    "overall", "gabungan",
}  # fmt: skip
_LABEL_CHARS = 40


def group_kind(label: str) -> tuple[str, str | None]:
    """What a group label says of its columns: (`channel`, id), (`placement`, organic|paid),
    (`total`, None) or (`qualifier`, None) for any other kind of group."""
    if catalogue.normalize(label) in _TOTAL_GROUPS:
        return "total", None
    parsed = catalogue.parse_header(label)
    if parsed.placement and not parsed.base_key:
        return ("total", None) if parsed.placement == "total" else ("placement", parsed.placement)
    channel = catalogue.match_channel(label)
    return ("channel", channel) if channel else ("qualifier", None)


@dataclass
class Grouping:
    """A header's cells with its grouped columns named `Name (Group)`, and their groups."""

    cells: list[Any]
    groups: dict[int, str] = field(default_factory=dict)  # column index -> group label
    above: bool = False  # the row above the header named the groups
    below: bool = False  # the row under the header did


def group_header(
    header: Sequence[Any],
    above: Sequence[Any] | None,
    below: Sequence[Any] | None,
    merged: Sequence[tuple[int, int]] = (),
) -> Grouping:
    """The header's cells named by the group rows around it; `merged` gives the first and last
    column of each merged cell of the row above."""
    cells = list(header)
    lifted = None
    if above is not None and above and _filled(above[0]) and cells and not _filled(cells[0]):
        # The first column's name merged down beside the groups (`Tanggal` over two rows).
        lifted, above = above[0], [None, *above[1:]]
    labels = _labels_above(above, cells, merged) if above is not None else None
    if labels is not None:
        groups = {j: label for j, label in enumerate(labels) if label and _filled(cells[j])}
        if groups:
            named = [f"{_text(c)} ({groups[j]})" if j in groups else c for j, c in enumerate(cells)]
            if lifted is not None:
                named[0] = lifted
            return Grouping(named, groups, above=True)
    split = _labels_below(below, cells) if below is not None else None
    if split is not None:
        named, groups, last = list(cells), {}, ""
        for j, (cell, word) in enumerate(zip(cells, split, strict=True)):
            last = _text(cell) if _filled(cell) else last  # a merged name covers the blanks
            if word and last:
                named[j] = f"{last} ({word})"
                groups[j] = word
        return Grouping(named, groups, below=True)
    return Grouping(cells)


def _labels_above(
    row: Sequence[Any], header: list[Any], merged: Sequence[tuple[int, int]]
) -> list[str | None] | None:
    """Each column's group label from the row above the header, or None when the row is not
    one of groups (a title, a period, a description line: they start in the first column)."""
    width = len(header)
    found = _words(row, width)
    if not found or found[0][0] == 0:
        return None
    labels: list[str | None] = [None] * width
    ends = dict(merged)
    starts = [j for j, _ in found]
    for i, (j, text) in enumerate(found):
        if j in ends:
            end = ends[j] + 1  # a merged cell spans its block exactly
        elif i + 1 < len(found):
            end = starts[i + 1]  # written at its block's first column: the block runs on
        elif i:
            end = j + (j - starts[i - 1])  # the last block is as wide as the one before it
        else:
            end = j + 1
        for k in range(j, min(end, width)):
            labels[k] = text
    if not any(labels.count(text) >= 2 for _, text in found):
        return None
    if len(found) == 1 and all(labels[k] for k in range(1, width) if _filled(header[k])):
        return None  # one label over every column is the table's title
    return labels


def _labels_below(row: Sequence[Any], header: list[Any]) -> list[str | None] | None:
    """Each column's organic/paid or channel word from the row under the header, or None when
    the row is not such a split (data, a description row)."""
    found = _words(row, len(header))
    if len(found) < 2 or any(group_kind(text)[0] == "qualifier" for _, text in found):
        return None
    if all(_filled(header[j]) for j, _ in found):
        return None  # a split sits under a merged name, so under blank cells of the header
    labels: list[str | None] = [None] * len(header)
    for j, text in found:
        labels[j] = text
    return labels


def _words(row: Sequence[Any], width: int) -> list[tuple[int, str]]:
    """The row's filled cells as (column, text) when all are short words, else nothing."""
    found = [(j, _text(c)) for j, c in enumerate(row[:width]) if _filled(c)]
    if any(
        not isinstance(row[j], str) or looks_numeric(text) or len(text) > _LABEL_CHARS
        for j, text in found
    ):
        return []
    return found


def _filled(cell: Any) -> bool:
    return cell is not None and str(cell).strip() != ""


def _text(cell: Any) -> str:
    return str(cell).strip()
