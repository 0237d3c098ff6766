"""Small workbooks built in memory (.xlsx by openpyxl, old .xls by xlwt) for the reader tests."""

from __future__ import annotations

import io

import openpyxl
import xlwt


def xlsx(sheet: str, rows: list[list[object]]) -> bytes:
    """An .xlsx of one sheet holding these rows."""
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls(sheet: str, rows: list[list[object]]) -> bytes:
    """An old binary .xls of one sheet holding these rows, numbers unformatted."""
    book = xlwt.Workbook()
    page = book.add_sheet(sheet)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            page.write(r, c, cell)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
