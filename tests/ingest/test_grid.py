"""A sheet's grid of cells becomes tables without losing a column, a row or a section."""

from __future__ import annotations

import datetime as dt

from kpi_core.ingest import read_files
from tests.workbooks import rows, xlsx

TODAY = dt.date(2026, 11, 23)
DAYS = [dt.datetime(2026, 7, d) for d in range(1, 6)]


def test_a_blank_last_header_cell_over_figures_keeps_its_column() -> None:
    """A column whose header cell is blank is read as `(column 4)`, as in a CSV, not dropped."""
    data = xlsx(rows(["Date", "Channel", "Reach", None], *([d, "IG", 100, 7] for d in DAYS)))
    ds = read_files([("book.xlsx", data)], today=TODAY)
    frame = ds.frame
    assert frame.loc[frame["source_name"] == "(column 4)", "value"].sum() == 35
    assert "(column 4)" in ds.files[0].unknown_columns


def test_trailing_cells_with_nothing_in_them_add_no_columns() -> None:
    """Cells a workbook pads its rows with (formatting, no values) do not become columns."""
    data = xlsx(rows(["Date", "Reach", None, None], *([d, 100, None, ""] for d in DAYS)))
    ds = read_files([("book.xlsx", data)], today=TODAY)
    assert [c.source_name for c in ds.files[0].columns] == ["Date", "Reach"]
