"""Workbooks as a user's spreadsheet leaves them: hidden sheets, formulas, formats, sections."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import xlwt

from kpi_core.ingest import read_files
from kpi_core.labels import problem_message
from tests.workbooks import Fill, Sheet, rows, xlsx

TODAY = dt.date(2026, 11, 23)


def daily(header: list[str], *columns: Callable[[int], object]) -> Fill:
    """A sheet filling: the header, then seven July days of the columns' values."""

    def build(ws: Sheet) -> None:
        ws.append(header)
        for day in range(1, 8):
            ws.append([dt.datetime(2026, 7, day), *(col(day) for col in columns)])

    return build


def test_a_hidden_sheet_is_left_out_and_named() -> None:
    """A hidden working sheet adds nothing to the figures, and the user is told which it was."""

    def hide(ws: Sheet) -> None:
        daily(["Date", "Reach"], lambda d: 999_999)(ws)
        ws.sheet_state = "hidden"

    data = xlsx(daily(["Date", "Reach"], lambda d: 1000), hide, titles=("Instagram", "Calc"))
    ds = read_files([("report.xlsx", data)], today=TODAY)
    assert ds.frame["value"].sum() == 7000
    (told,) = [p for p in ds.files[0].problems if p.code == "hidden_sheets"]
    assert "“Calc”" in problem_message(told, "en")
    assert "tersembunyi" in problem_message(told, "id")


def test_hidden_sheets_of_an_old_xls_are_left_out_too() -> None:
    """An .xls with a hidden and a very hidden sheet reads only the visible one, naming both."""
    book = xlwt.Workbook()
    for title, reach, visibility in (("Data", 100, 0), ("Calc", 5000, 1), ("Lookup", 7, 2)):
        ws = book.add_sheet(title)
        ws.visibility = visibility
        ws.write(0, 0, "Date")
        ws.write(0, 1, "Reach")
        for i in range(3):
            ws.write(i + 1, 0, f"2026-07-0{i + 1 + 3 * visibility}")
            ws.write(i + 1, 1, reach)
    out = io.BytesIO()
    book.save(out)
    ds = read_files([("report.xls", out.getvalue())], today=TODAY)
    assert ds.frame["value"].sum() == 300
    hidden = [p.examples for p in ds.files[0].problems if p.code == "hidden_sheets"]
    assert hidden == [("Calc", "Lookup")]


def test_a_workbook_with_tables_only_on_hidden_sheets_says_so() -> None:
    """When every table is on a hidden sheet the file is not read, and the sentence says why."""

    def hide(ws: Sheet) -> None:
        daily(["Date", "Reach"], lambda d: 10)(ws)
        ws.sheet_state = "veryHidden"

    data = xlsx(rows(["Catatan"]), hide, titles=("Notes", "Calc"))
    ds = read_files([("report.xlsx", data)], today=TODAY)
    assert not ds.read_any
    assert "hidden sheets (Calc)" in ds.unreadable[0].message("en")
