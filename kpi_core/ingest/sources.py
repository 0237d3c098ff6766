"""Turn uploaded bytes into tables: decoding, delimiters, sheets and zip members.

A table here is still raw: a header row found among the first lines, the lines above it kept as
preamble (titles, report periods), and a body of cells not yet parsed as numbers or dates.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from kpi_core import catalogue
from kpi_core.ingest.numbers import infer_number_format
from kpi_core.models import Problem, Severity

HEAD_CHARS = 256 * 1024
HEAD_RECORDS = 40
ZIP_MEMBER_CAP = 200 * 1024 * 1024  # decompressed bytes; a bigger member is refused, not truncated
ZIP_TOTAL_CAP = 400 * 1024 * 1024
ZIP_RATIO_CAP = 200  # a member that claims to inflate more than this is a bomb, not an export


class UnreadableFileError(Exception):
    """A file that cannot be read at all; `code` and `params` give the sentence in any language."""

    def __init__(self, file: str, code: str, **params: object) -> None:
        self.file = file
        self.code = code
        self.params = {"file": file, **params}
        super().__init__(f"{file}: {code}")

    def message(self, lang: str = "en") -> str:
        """The one sentence the user reads."""
        from kpi_core.i18n import t

        return t(f"unreadable.{self.code}", lang, **self.params)


@dataclass
class Table:
    """One grid of cells from a file, with its header found and its preamble kept."""

    file: str
    source: str
    header: list[str]
    body: pd.DataFrame
    preamble: list[str] = field(default_factory=list)
    delimiter: str | None = None
    first_row: int = 2  # the file's row number of the first body row, for messages
    skipped_description_rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    textual: bool = True  # cells are text as the file wrote them (CSV), not typed (Excel)
    number_format: tuple[str, str] | None = None  # (format, basis) inferred from the first rows


# --- text decoding -------------------------------------------------------------------------


def decode(file: str, data: bytes) -> tuple[str, str, list[Problem]]:
    """Decode bytes by BOM, then UTF-8, then cp1252 (old Excel) with a notice."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16", []
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM: every other byte of ASCII text is zero.
        zeros_even = data[:4096:2].count(0)
        zeros_odd = data[1:4096:2].count(0)
        if max(zeros_even, zeros_odd) > len(data[:4096]) // 4:
            enc = "utf-16-be" if zeros_even > zeros_odd else "utf-16-le"
            return data.decode(enc, errors="replace"), enc, []
        raise UnreadableFileError(file, "binary")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        note = Problem(file, "encoding_cp1252", Severity.INFO)
        return text, "cp1252", [note]


def _strip_preamble_lines(text: str) -> tuple[str, list[str], str | None]:
    """Remove the leading `sep=` line and GA4's leading `#` comment lines (data `#` stays)."""
    preamble: list[str] = []
    delimiter = None
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        line = text[pos:end].strip().strip('"')
        if line.lower().startswith("sep=") and len(line) <= 6 and not preamble:
            delimiter = line[4:5] or ","
        elif line.startswith("#"):
            preamble.append(line.lstrip("#").strip())
        else:
            break
        pos = end
    return text[pos:], preamble, delimiter


def _records(text: str, delimiter: str, limit: int) -> Iterator[tuple[list[str], int]]:
    """CSV records of the text with the number of physical lines each ends on."""
    lines = iter(text.splitlines(keepends=True))
    consumed = 0

    def counting() -> Iterator[str]:
        nonlocal consumed
        for line in lines:
            consumed += 1
            yield line

    reader = csv.reader(counting(), delimiter=delimiter)
    try:
        for n, record in enumerate(reader):
            if n >= limit:
                return
            yield record, consumed
    except csv.Error:
        return


def sniff_delimiter(head: str) -> str:
    """The delimiter that splits the first lines into the most consistent number of fields."""
    best, best_score = ",", -1.0
    for delim in (",", ";", "\t", "|"):
        counts = [len(r) for r, _ in _records(head, delim, 30) if any(c.strip() for c in r)]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        score = wide.count(mode) * mode + 0.1 * len(wide)
        if score > best_score:
            best, best_score = delim, score
    return best


# --- header detection ----------------------------------------------------------------------


def header_score(cells: list[Any]) -> float:
    """How much a row looks like a header: cells the catalogue knows as metrics or columns."""
    texts = [str(c).strip() for c in cells if c is not None and str(c).strip()]
    if len(texts) < 1:
        return 0.0
    known = 0.0
    for text in texts:
        if len(text) > 80 or _looks_numeric(text):
            continue
        header = catalogue.parse_header(text)
        if catalogue.role_of(header) is not None or catalogue.lookup(header) is not None:
            known += 1
    numeric = sum(_looks_numeric(t) for t in texts)
    return known - numeric * 0.5 + (0.01 * len(texts) if known else 0)


def _looks_numeric(text: str) -> bool:
    stripped = text.replace(".", "").replace(",", "").replace("%", "").replace("Rp", "").strip()
    return stripped.lstrip("-").isdigit()


def find_header(rows: list[list[Any]]) -> int:
    """Index of the header row among the first rows: the best-scoring row, earliest on ties."""
    best, best_score = 0, 0.0
    for i, row in enumerate(rows[:HEAD_RECORDS]):
        score = header_score(row)
        if score > best_score + 1e-9:
            best, best_score = i, score
    return best


def is_description_row(row: list[Any], header: list[str]) -> bool:
    """A row under the header that explains the columns in prose rather than holding data."""
    texts = [str(c).strip() for c in row if c is not None and str(c).strip()]
    if not texts:
        return False
    prose = [t for t in texts if len(t) > 25 and " " in t and not _looks_numeric(t)]
    return len(prose) >= max(1, len(texts) // 2)


COPY_MARK = " (copy "


def dedupe(names: list[Any]) -> list[str]:
    """Header names made unique (`Reactions`, `Reactions (copy 2)`); blanks get a number."""
    seen: dict[str, int] = {}
    out = []
    for i, raw in enumerate(names):
        name = str(raw).strip() if raw is not None and str(raw).strip() else f"(column {i + 1})"
        if name in seen:
            seen[name] += 1
            name = f"{name}{COPY_MARK}{seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


# --- CSV -------------------------------------------------------------------------------------


class _NotUtf8(Exception):
    """The body of a file whose head looked like UTF-8 is not UTF-8 after all."""


def _decode_head(file: str, data: bytes) -> tuple[str, str, list[Problem], bool]:
    """Decode only the head of a large UTF-8 file (the body goes to pyarrow as bytes)."""
    limit = 4 * HEAD_CHARS
    if (
        len(data) <= 2 * limit
        or data.startswith((b"\xff\xfe", b"\xfe\xff"))
        or b"\x00" in data[:4096]
    ):
        return (*decode(file, data), True)
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    head = data[bom:limit]
    for cut in range(4):  # the head may end inside a multi-byte character
        try:
            text = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        # Only whole lines: the last one may have been cut anywhere.
        return text[: text.rfind("\n") + 1], "utf-8-sig" if bom else "utf-8", [], False
    return (*decode(file, data), True)


def read_text_table(file: str, source: str, data: bytes) -> Table:
    """A delimited text file as one table, the body read by the fast pyarrow engine."""
    try:
        return _read_text_table(file, source, data, whole=False)
    except _NotUtf8:
        return _read_text_table(file, source, data, whole=True)


def _read_text_table(file: str, source: str, data: bytes, whole: bool) -> Table:
    if whole:
        text, encoding, problems = decode(file, data)
        complete = True
    else:
        text, encoding, problems, complete = _decode_head(file, data)
    if not text.strip():
        raise UnreadableFileError(file, "empty")
    body_text, comments, delimiter = _strip_preamble_lines(text)
    head = body_text[:HEAD_CHARS]
    delimiter = delimiter or sniff_delimiter(head)
    head_records = list(_records(head, delimiter, HEAD_RECORDS + 5))
    if not head_records:
        raise UnreadableFileError(file, "no_table")
    rows = [r for r, _ in head_records]
    h = find_header(rows)
    header = dedupe(rows[h])
    if len(header) < 2:
        raise UnreadableFileError(file, "no_table")
    lines_done = head_records[h][1]
    described = 0
    while h + 1 + described < len(rows) and is_description_row(rows[h + 1 + described], header):
        lines_done = head_records[h + 1 + described][1]
        described += 1
    preamble = comments + [" ".join(c for c in r if c.strip()) for r in rows[:h]]
    roles = [catalogue.role_of(catalogue.parse_header(name)) for name in header]
    samples = [
        cell
        for row in rows[h + 1 + described :]
        for cell, role in zip(row, roles, strict=False)
        if role is None and cell.strip()
    ]
    number_format = infer_number_format(samples, delimiter)
    # Label columns (dates, channels, ids) are read dictionary-encoded: rules then run once per
    # distinct label, and 18-digit post ids never pass through floats. In a decimal-comma file
    # every other column is read as text too, since `12.345` there means twelve thousand.
    dtypes = {
        name: "category"
        for name, role in zip(header, roles, strict=True)
        if role not in (None, "value")
    }
    if number_format[0] == "id":
        dtypes = {name: dtypes.get(name, "str") for name in header}
    start = len(text) - len(body_text) + _line_offset(body_text, lines_done)
    if encoding.startswith("utf-8"):
        # The bytes after the header are already UTF-8: hand them over without re-encoding.
        skip = (3 if encoding == "utf-8-sig" else 0) + len(text[:start].encode("utf-8"))
        raw: bytes | memoryview = memoryview(data)[skip:]  # no copy of a 40 MB body
    else:
        raw = text[start:].encode("utf-8")
    body = _read_body(raw, delimiter, header, file, problems, dtypes, strict_utf8=not complete)
    return Table(
        file=file,
        source=source,
        header=header,
        body=body,
        preamble=[p for p in preamble if p],
        delimiter=delimiter,
        first_row=len(comments) + lines_done + 1,
        skipped_description_rows=described,
        problems=problems,
        number_format=number_format,
    )


def _line_offset(text: str, lines: int) -> int:
    pos = 0
    for _ in range(lines):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 1
    return pos


def _read_body(
    raw: bytes | memoryview,
    delim: str,
    header: list[str],
    file: str,
    problems: list[Problem],
    dtypes: dict[str, str],
    strict_utf8: bool = False,
) -> pd.DataFrame:
    if not bytes(raw[:65536]).strip() and not bytes(raw).strip():
        return pd.DataFrame({name: pd.Series([], dtype="str") for name in header})
    labels = pa.dictionary(pa.int32(), pa.string())
    types = {name: labels if kind == "category" else pa.string() for name, kind in dtypes.items()}
    try:
        table = pa_csv.read_csv(
            pa.BufferReader(pa.py_buffer(raw)),
            # 4 MB blocks measured fastest for 40 MB files on two cores (1 MB: +10%).
            read_options=pa_csv.ReadOptions(column_names=header, block_size=4 << 20),
            parse_options=pa_csv.ParseOptions(delimiter=delim, newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types=types,
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
                timestamp_parsers=[],
            ),
        )
        frame: pd.DataFrame = table.to_pandas()
        return frame
    except Exception as exc:
        if strict_utf8 and "utf8" in str(exc).lower().replace("-", ""):
            raise _NotUtf8 from exc
    # Ragged rows (more or fewer fields than the header): read every record, pad or trim, and
    # say how many rows were reshaped.
    text = bytes(raw).decode("utf-8", errors="replace")
    records = list(csv.reader(io.StringIO(text), delimiter=delim))
    width = len(header)
    ragged = 0
    fixed = []
    for rec in records:
        if len(rec) != width:
            extra = rec[width:]
            if any(c.strip() for c in extra) or (len(rec) < width and any(c.strip() for c in rec)):
                ragged += 1
            rec = (rec + [""] * width)[:width]
        fixed.append(rec)
    if ragged:
        problems.append(Problem(file, "ragged_rows", Severity.WARNING, count=ragged))
    frame = pd.DataFrame(fixed, columns=header, dtype="str")
    return frame.replace("", None) if len(frame) else frame


# --- spreadsheets ----------------------------------------------------------------------------


def grid_to_table(file: str, source: str, grid: list[list[Any]]) -> Table | None:
    """A sheet's cells as a table, or None when the sheet holds nothing that looks like data."""
    grid = [row for row in grid]
    while grid and not any(_filled(c) for c in grid[-1]):
        grid.pop()
    if not grid:
        return None
    h = find_header(grid)
    if header_score(grid[h]) <= 0:
        return None
    width = max(len(r) for r in grid)
    header_cells = list(grid[h]) + [None] * (width - len(grid[h]))
    while header_cells and not _filled(header_cells[-1]):
        header_cells.pop()
    header = dedupe(header_cells)
    described = 0
    while h + 1 + described < len(grid) and is_description_row(
        list(grid[h + 1 + described]), header
    ):
        described += 1
    data = [(list(r) + [None] * len(header))[: len(header)] for r in grid[h + 1 + described :]]
    preamble = [" ".join(str(c) for c in r if _filled(c)) for r in grid[:h]]
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


def _filled(cell: Any) -> bool:
    return cell is not None and str(cell).strip() != ""


def read_xlsx(file: str, data: bytes) -> list[Table]:
    """Every sheet of an .xlsx workbook that holds a table (openpyxl uses defusedxml)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise UnreadableFileError(file, "corrupt_excel") from exc
    try:
        sheets = [
            (sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)])
            for sheet in book.worksheets
        ]
    finally:
        book.close()
    return _sheet_tables(file, sheets)


def _sheet_tables(file: str, sheets: list[tuple[str, list[list[Any]]]]) -> list[Table]:
    """A table per sheet that holds one; sheets with content but no table are named, not lost."""
    tables: list[Table] = []
    skipped: list[str] = []
    for title, grid in sheets:
        table = grid_to_table(file, f"{file} [{title}]", grid)
        if table is not None:
            tables.append(table)
        elif any(_filled(cell) for row in grid for cell in row):
            skipped.append(title)
    if tables and skipped:
        tables[0].problems.append(
            Problem(
                file, "skipped_sheets", Severity.INFO, count=len(skipped), examples=tuple(skipped)
            )
        )
    return tables


def read_xls(file: str, data: bytes) -> list[Table]:
    """Every sheet of an old binary .xls workbook (LinkedIn still exports these)."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data)
    except Exception as exc:
        raise UnreadableFileError(file, "corrupt_excel") from exc
    sheets = []
    for sheet in book.sheets():
        grid = []
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
            grid.append(row)
        sheets.append((sheet.name, grid))
    return _sheet_tables(file, sheets)


def read_parquet(file: str, data: bytes) -> list[Table]:
    """A Parquet file as one typed table."""
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:
        raise UnreadableFileError(file, "corrupt_parquet") from exc
    header = dedupe(list(frame.columns))
    frame.columns = pd.Index(header)
    return [Table(file=file, source=file, header=header, body=frame, textual=False)]


def read_zip(file: str, data: bytes) -> list[tuple[str, bytes]]:
    """The members of a zip download, refusing members that would inflate past the caps."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableFileError(file, "corrupt_zip") from exc
    members = []
    total = 0
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
            with archive.open(info) as member:
                payload = member.read(ZIP_MEMBER_CAP + 1)
            if len(payload) > ZIP_MEMBER_CAP:
                raise UnreadableFileError(file, "zip_too_large", member=info.filename)
            members.append((info.filename, payload))
    return members


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
        return "xls"
    if lower.endswith(".zip"):
        return "zip"
    return "text"
