"""A sheet's grid of cells as tables: its header found, its preamble kept, no column lost."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kpi_core.ingest.table import (
    Table,
    dedupe,
    find_header,
    header_score,
    is_description_row,
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


def grid_to_table(file: str, sheet: Grid) -> Table | None:
    """A sheet's cells as a table, or None when the sheet holds nothing that looks like data."""
    grid = list(sheet.cells)
    while grid and not any(filled(c) for c in grid[-1]):
        grid.pop()
    if not grid:
        return None
    h = find_header(grid)
    if header_score(grid[h]) <= 0:
        return None
    header = dedupe(_header_cells(grid[h], grid[h + 1 :]))
    described = 0
    while h + 1 + described < len(grid) and is_description_row(
        list(grid[h + 1 + described]), header
    ):
        described += 1
    data = [(list(r) + [None] * len(header))[: len(header)] for r in grid[h + 1 + described :]]
    preamble = [" ".join(str(c) for c in r if filled(c)) for r in grid[:h]]
    body = pd.DataFrame(data, columns=header, dtype="object")
    table = Table(
        file=file,
        source=f"{file} [{sheet.title}]",
        header=header,
        body=body,
        preamble=[p for p in preamble if p],
        first_row=h + 2 + described,
        skipped_description_rows=described,
        textual=False,
    )
    rows = range(h + 1 + described, len(grid))
    table.currencies = _currencies(sheet.money, rows, header)
    _tell_bare_formulas(table, sheet.bare_formulas, rows)
    return table


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
