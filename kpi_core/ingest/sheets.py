"""Workbooks, Parquet and zip downloads: every sheet or member that holds a table."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pandas as pd

from kpi_core.ingest.grid import Grid, grid_tables, has_content
from kpi_core.ingest.table import Table, UnreadableFileError, dedupe, name_left_out
from kpi_core.ingest.xlsx import (
    FORMAT_ROWS,
    bare_formulas,
    format_currency,
    merged_spans,
    sheet_xml,
    shows_no_year,
    yearless,
)

ZIP_MEMBER_CAP = 200 * 1024 * 1024  # decompressed bytes; a bigger member is refused, not truncated


ZIP_TOTAL_CAP = 400 * 1024 * 1024


ZIP_RATIO_CAP = 200  # a member that claims to inflate more than this is a bomb, not an export


def read_xlsx(file: str, data: bytes) -> list[Table]:
    """Every sheet of an .xlsx workbook that holds a table (openpyxl uses defusedxml)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:
        raise UnreadableFileError(file, "corrupt_excel") from exc
    sheets: list[Grid] = []
    hidden: list[str] = []
    damaged: list[str] = []
    try:
        for sheet in book.worksheets:
            try:
                if sheet.sheet_state != "visible":
                    # A hidden sheet is the workbook's own working (lookups, sums), not the export.
                    sheet.reset_dimensions()
                    if has_content(sheet.iter_rows(max_row=50, values_only=True)):
                        hidden.append(sheet.title)
                    continue
                sheets.append(_xlsx_grid(sheet, archive))
            except Exception:  # a sheet's XML cut short or garbled: the other sheets still read
                damaged.append(sheet.title)
    finally:
        book.close()
        archive.close()
    if damaged and not sheets:
        raise UnreadableFileError(file, "corrupt_excel")
    return _sheet_tables(file, sheets, hidden, damaged)


def _xlsx_grid(sheet: Any, archive: zipfile.ZipFile) -> Grid:
    """A sheet's values, the first rows' number formats, and what its XML says beyond them."""
    money: dict[tuple[int, int], str] = {}
    cells: list[list[Any]] = []
    # Some writers state a wrong size (`A1`, `A1:C3`): every row written is read, whatever it says.
    sheet.reset_dimensions()
    no_year: set[int] = set()  # columns whose dates are formatted without a year
    for r, row in enumerate(sheet.iter_rows(max_row=FORMAT_ROWS)):
        cells.append([cell.value for cell in row])
        for c, cell in enumerate(row):
            number_format = getattr(cell, "number_format", None) or "General"
            currency = format_currency(number_format)
            if currency and cell.value is not None:
                money[(r, c)] = currency
            if isinstance(cell.value, dt.datetime) and shows_no_year(number_format):
                no_year.add(c)
    if len(cells) >= FORMAT_ROWS:
        cells += [list(row) for row in sheet.iter_rows(min_row=FORMAT_ROWS + 1, values_only=True)]
    for row in cells:
        for c in no_year:
            if c < len(row) and isinstance(row[c], dt.datetime):
                row[c] = yearless(row[c])
    xml = sheet_xml(archive, getattr(sheet, "_worksheet_path", None))
    return Grid(sheet.title, cells, merged_spans(xml), money, bare_formulas(xml))


def _sheet_tables(
    file: str, sheets: list[Grid], hidden: list[str], damaged: list[str] | None = None
) -> list[Table]:
    """A table per visible sheet that holds one; sheets with content but no table, hidden
    sheets and sheets too damaged to read are named, not lost."""
    tables: list[Table] = []
    skipped: list[str] = []
    for sheet in sheets:
        found = grid_tables(file, sheet)
        tables += found
        if not found and has_content(sheet.cells):
            skipped.append(sheet.title)
    if not tables and hidden:
        raise UnreadableFileError(file, "hidden_only", member=", ".join(hidden))
    told = (
        ("skipped_sheets", skipped),
        ("hidden_sheets", hidden),
        ("damaged_sheets", damaged or []),
    )
    name_left_out(file, tables, told)
    return tables


_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")


def read_xls(file: str, data: bytes) -> list[Table]:
    """Every sheet of an old binary .xls workbook (LinkedIn still exports these)."""
    import xlrd

    # xlrd writes its warnings about a workbook's layout (padding past the last sector) to
    # stdout, where `kpi-lens --json` writes the JSON: they go nowhere instead.
    if _ENCRYPTED in data[:65536]:
        # Excel saves a password-protected .xlsx inside this old container, encrypted.
        raise UnreadableFileError(file, "encrypted")
    quiet = io.StringIO()
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=quiet)
    except Exception:
        try:  # some writers' formatting records xlrd cannot follow: the values still read
            book = xlrd.open_workbook(file_contents=data, logfile=quiet)
        except Exception as exc:
            raise UnreadableFileError(file, "corrupt_excel") from exc
    sheets = []
    hidden = []
    for sheet in book.sheets():
        if sheet.visibility:  # 1 hidden, 2 very hidden
            if has_content(sheet.row_values(r) for r in range(min(sheet.nrows, 50))):
                hidden.append(sheet.name)
            continue
        grid = []
        money: dict[tuple[int, int], str] = {}
        for r in range(sheet.nrows):
            row = []
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    row.append(xlrd.xldate_as_datetime(cell.value, book.datemode))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    row.append(None)
                else:
                    row.append(cell.value)
                    if r < FORMAT_ROWS and cell.ctype == xlrd.XL_CELL_NUMBER:
                        currency = format_currency(_xls_format(book, cell.xf_index))
                        if currency:
                            money[(r, c)] = currency
            grid.append(row)
        merges = tuple((r1, c1, r2 - 1, c2 - 1) for r1, r2, c1, c2 in sheet.merged_cells)
        sheets.append(Grid(sheet.name, grid, merges, money))
    return _sheet_tables(file, sheets, hidden)


def _xls_format(book: Any, xf_index: int | None) -> str:
    """An .xls cell's number format string (`General` when the file keeps none)."""
    try:
        return str(book.format_map[book.xf_list[xf_index].format_key].format_str)
    except (IndexError, KeyError, TypeError, AttributeError):
        return "General"


def read_parquet(file: str, data: bytes) -> list[Table]:
    """A Parquet file as one typed table."""
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:
        raise UnreadableFileError(file, "corrupt_parquet") from exc
    header = dedupe(list(frame.columns))
    frame.columns = pd.Index(header)
    for name in header:
        if pd.api.types.is_timedelta64_dtype(frame[name].dtype):
            # A duration column (watch time) is a figure in seconds, not text.
            frame[name] = frame[name].dt.total_seconds()
    return [Table(file=file, source=file, header=header, body=frame, textual=False)]


def read_zip(file: str, data: bytes, spent: int = 0) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The members of a zip download, and the names of those too damaged to unpack, refusing
    members that would inflate past the caps (`spent`: what the archive holding this one has
    unpacked already)."""
    # A workbook is a zip too: one damaged past knowing it is told as a damaged workbook.
    corrupt = "corrupt_excel" if file.lower().endswith((".xlsx", ".xlsm")) else "corrupt_zip"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableFileError(file, corrupt) from exc
    members = []
    damaged: list[str] = []
    total = spent
    with archive:
        for info in archive.infolist():
            if info.is_dir() or info.filename.startswith("__MACOSX") or "/." in f"/{info.filename}":
                continue
            ratio = info.file_size / max(info.compress_size, 1)
            total += info.file_size
            if (
                info.file_size > ZIP_MEMBER_CAP
                or total > ZIP_TOTAL_CAP
                or (ratio > ZIP_RATIO_CAP and info.file_size > 10 * 1024 * 1024)
            ):
                raise UnreadableFileError(file, "zip_too_large", member=info.filename)
            try:
                with archive.open(info) as member:
                    payload = member.read(ZIP_MEMBER_CAP + 1)
            except Exception:  # damaged, cut short, encrypted or packed in an unknown way
                damaged.append(info.filename)
                continue
            if len(payload) > ZIP_MEMBER_CAP:
                raise UnreadableFileError(file, "zip_too_large", member=info.filename)
            members.append((info.filename, payload))
    if damaged and not members:
        raise UnreadableFileError(file, corrupt)
    return members, damaged


def kind_of(name: str, data: bytes) -> str:
    """The container kind by signature first, extension second: zip, xlsx, xls, parquet, text."""
    if data[:4] == b"PK\x03\x04":
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return "xlsx" if name.lower().endswith(".xlsx") else "zip"
        return "xlsx" if "[Content_Types].xml" in names else "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xls"
    if data[:4] == b"PAR1":
        return "parquet"
    lower = name.lower()
    if lower.endswith((".xlsx", ".xlsm")):
        return "xlsx"
    if lower.endswith(".xls") and data.lstrip()[:1] not in (b"<",):
        return "xls"  # an `.xls` that starts with `<` is a web page: read as text
    if lower.endswith(".zip"):
        return "zip"
    return "text"
