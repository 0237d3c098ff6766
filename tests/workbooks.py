"""Workbooks built in the tests as a user's spreadsheet leaves them, saved to bytes."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import openpyxl
import xlwt

Sheet = Any  # an openpyxl worksheet
Fill = Callable[[Sheet], None]


def xlsx(*fills: Fill, titles: tuple[str, ...] = ("Data",)) -> bytes:
    """An .xlsx with one sheet per fill function, in order, named by `titles`."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, fill in zip(titles, fills, strict=True):
        fill(book.create_sheet(title))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rows(*lines: list[Any]) -> Fill:
    """A sheet filling that appends these rows."""

    def fill(ws: Sheet) -> None:
        for line in lines:
            ws.append(line)

    return fill


def xls(sheet: str, lines: list[list[object]]) -> bytes:
    """An old binary .xls of one sheet holding these rows, numbers unformatted."""
    book = xlwt.Workbook()
    page = book.add_sheet(sheet)
    for r, row in enumerate(lines):
        for c, cell in enumerate(row):
            page.write(r, c, cell)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
