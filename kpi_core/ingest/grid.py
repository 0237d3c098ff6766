"""A sheet's grid of cells as tables: its header found, its preamble kept, no column lost."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kpi_core.ingest.groups import group_header
from kpi_core.ingest.table import (
    Table,
    dedupe,
    find_header,
    header_score,
    is_description_row,
    looks_numeric,
)
from kpi_core.models import Problem

Span = tuple[int, int, int, int]  # first row, first column, last row, last column; from 0


@dataclass
class Grid:
    """One sheet's cells, and what its workbook says about them beyond their values."""

    title: str
    cells: list[list[Any]]
    merges: tuple[Span, ...] = ()
    # The currency each of the first rows' cells is formatted in (`"Rp"#,##0`), by (row, column).
    money: dict[tuple[int, int], str] = field(default_factory=dict)
    # Cells holding a formula saved without its result (a file written by a program), by
    # (row, column): they read as empty.
    bare_formulas: list[tuple[int, int]] = field(default_factory=list)


def grid_tables(file: str, sheet: Grid) -> list[Table]:
    """A sheet's cells as tables: one per titled section (Shopee's traffic sheet has two, each
    with its own header), else one; none when the sheet holds nothing that looks like data."""
    grid = list(sheet.cells)
    while grid and not any(filled(c) for c in grid[-1]):
        grid.pop()
    if not grid:
        return []
    h = find_header(grid)
    if header_score(grid[h]) <= 0:
        return []
    # Pairs of a label and its value above a wider header (Shopee's `Username`, `Periode` lines,
    # as a workbook holds them once Excel saved the CSV) are the table's preamble, not a section.
    width = _count(grid[h], len(grid[h]))
    titled = [i for i in _titled_sections(grid) if i >= h or 2 * _count(grid[i], width) > width]
    starts = sorted(set(titled) | {h})
    if not titled or len(starts) < 2:
        table = _table(file, sheet, grid, h, len(grid), f"{file} [{sheet.title}]", grid[:h])
        _tell_unread(table, sheet.title, grid[:h])
        return [table]
    tables = []
    lead = grid[: starts[0] - (starts[0] in titled)]  # above the first section and its title
    for k, start in enumerate(starts):
        stop = len(grid)
        if k + 1 < len(starts):
            stop = starts[k + 1] - (starts[k + 1] in titled)
        source = f"{file} [{sheet.title}]"
        above = lead
        if start in titled:
            source += f" · {_text(grid[start - 1])}"
            above = [*lead, grid[start - 1]]
        tables.append(_table(file, sheet, grid, start, stop, source, above))
    _tell_unread(tables[0], sheet.title, lead)
    return tables


def _table(
    file: str,
    sheet: Grid,
    grid: list[list[Any]],
    h: int,
    stop: int,
    source: str,
    above: list[list[Any]],
) -> Table:
    """The table whose header is row `h`, its body the rows up to `stop`."""
    rows = grid[h + 1 : stop]
    while rows and not any(filled(c) for c in rows[-1]):
        rows.pop()
    merged = [(c1, c2) for r1, c1, r2, c2 in sheet.merges if r1 <= h - 1 <= r2 and c2 > c1]
    over = above[-1] if above and h and above[-1] is grid[h - 1] else None
    cells = _header_cells(grid[h], rows)
    grouping = group_header(cells, over, rows[0] if rows else None, merged)
    if grouping.above:
        above = above[:-1]  # the group row named columns: it is not a title
    skip = int(grouping.below)  # the split row under the header is not data
    header = dedupe(grouping.cells)
    described = 0
    while skip + described < len(rows) and is_description_row(list(rows[skip + described]), header):
        described += 1
    start = skip + described
    data = [(list(r) + [None] * len(header))[: len(header)] for r in rows[start:]]
    preamble = [_text(r) for r in above]
    body = pd.DataFrame(data, columns=header, dtype="object")
    table = Table(
        file=file,
        source=source,
        header=header,
        body=body,
        preamble=[p for p in preamble if p],
        first_row=h + 2 + start,
        skipped_description_rows=described,
        textual=False,
        groups={header[j]: label for j, label in grouping.groups.items()},
    )
    span = range(h + 1 + start, h + 1 + len(rows))
    table.currencies = _currencies(sheet.money, span, header)
    _tell_bare_formulas(table, sheet.bare_formulas, span)
    return table


def _tell_unread(table: Table, sheet: str, above: list[list[Any]]) -> None:
    """Rows of figures above a table's header are a table that was not found: the user is told
    (a title, a period or a shop id above the header are not figures)."""
    unread = [i for i, row in enumerate(above) if _count_numbers(row) >= 2]
    if unread:
        table.problems.append(
            Problem(
                table.file,
                "unread_rows",
                column=sheet,
                row=unread[0] + 1,
                count=len(unread),
                examples=tuple(_text(above[i])[:60] for i in unread[:2]),
            )
        )


def _count_numbers(row: list[Any]) -> int:
    return sum(
        (isinstance(c, int | float) and not isinstance(c, bool))
        or (isinstance(c, str) and looks_numeric(c))
        for c in row
    )


def _titled_sections(grid: list[list[Any]]) -> list[int]:
    """The header rows of titled sections: a title alone on its row (after a blank row, another
    title or the sheet's top), then a row of names, then data."""
    found = []
    for i in range(1, len(grid) - 1):
        title = grid[i - 1]
        if _lone_text(title) and (i == 1 or _count(grid[i - 2], 2) < 2):
            names = [c for c in grid[i] if filled(c)]
            if (
                len(names) >= 2
                and all(isinstance(c, str) and not looks_numeric(c) for c in names)
                and header_score(grid[i]) > 0
                and any(filled(c) for c in grid[i + 1])
            ):
                found.append(i)
    return found


def _count(row: list[Any], limit: int) -> int:
    """How many cells of the row hold something, counted up to `limit`."""
    n = 0
    for cell in row:
        if filled(cell):
            n += 1
            if n >= limit:
                break
    return n


def _lone_text(row: list[Any]) -> bool:
    """A row holding one cell of words: a title."""
    if _count(row, 2) != 1:
        return False
    cell = next(c for c in row if filled(c))
    return isinstance(cell, str) and not looks_numeric(cell)


def _text(row: list[Any]) -> str:
    return " ".join(str(c).strip() for c in row if filled(c))


def _currencies(
    money: dict[tuple[int, int], str], rows: range, header: list[str]
) -> dict[str, str]:
    """The currency most of a column's formatted cells name, by column name."""
    found: dict[int, Counter[str]] = {}
    for (row, col), currency in money.items():
        if row in rows and col < len(header):
            found.setdefault(col, Counter())[currency] += 1
    return {header[col]: seen.most_common(1)[0][0] for col, seen in found.items()}


def _tell_bare_formulas(table: Table, cells: list[tuple[int, int]], rows: range) -> None:
    """Formulas without their results read as empty cells: the user is told where they are."""
    columns = Counter(table.header[c] for r, c in cells if r in rows and c < len(table.header))
    if columns:
        table.problems.append(
            Problem(
                table.file,
                "formulas_without_results",
                count=sum(columns.values()),
                examples=tuple(name for name, _ in columns.most_common(3)),
            )
        )


def _header_cells(cells: list[Any], rows: list[list[Any]]) -> list[Any]:
    """The header's cells, as wide as the last column that holds anything: a blank header cell
    over figures is a column still (`(column 4)`, as a CSV reads it), not one to drop."""
    named = max((j + 1 for j, cell in enumerate(cells) if filled(cell)), default=0)
    width = named
    for row in rows:
        for j in range(len(row) - 1, width - 1, -1):
            if filled(row[j]):
                width = j + 1
                break
    return (list(cells) + [None] * width)[:width]


def filled(cell: Any) -> bool:
    """Whether a cell holds anything but blanks."""
    return cell is not None and str(cell).strip() != ""


def has_content(rows: Iterable[Iterable[Any]]) -> bool:
    """Whether any cell of the rows holds anything."""
    return any(filled(cell) for row in rows for cell in row)
