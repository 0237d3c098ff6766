"""A sheet's grid of cells as tables: its header found, its preamble kept, no column lost."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from kpi_core.ingest.table import (
    Table,
    dedupe,
    find_header,
    header_score,
    is_description_row,
)


def grid_to_table(file: str, source: str, grid: list[list[Any]]) -> Table | None:
    """A sheet's cells as a table, or None when the sheet holds nothing that looks like data."""
    grid = [row for row in grid]
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
    return Table(
        file=file,
        source=source,
        header=header,
        body=body,
        preamble=[p for p in preamble if p],
        first_row=h + 2 + described,
        skipped_description_rows=described,
        textual=False,
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
