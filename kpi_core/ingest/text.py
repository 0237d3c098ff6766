"""Delimited text files: encodings, `sep=` and `#` preambles, delimiters, and the fast body read."""

from __future__ import annotations

import csv
import mmap
import re
from collections.abc import Iterator

from kpi_core import catalogue
from kpi_core.ingest.body import NotUtf8, read_body
from kpi_core.ingest.groups import group_header
from kpi_core.ingest.numbers import infer_number_format
from kpi_core.ingest.table import (
    HEAD_RECORDS,
    Table,
    UnreadableFileError,
    dedupe,
    find_header,
    is_description_row,
)
from kpi_core.models import Problem, Severity

HEAD_CHARS = 256 * 1024
# The encoding of text whose invalid bytes were replaced: its bytes are not the text's bytes.
REPLACED = "replaced"

# A file's bytes, or a large text file mapped from disk (pyarrow then reads it in place).
Blob = bytes | mmap.mmap


def decode(file: str, data: bytes) -> tuple[str, str, list[Problem]]:
    """Decode bytes by BOM, then UTF-8, then cp1252 (old Excel) with a notice."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _with_bom(file, data[3:], "utf-8", "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _with_bom(file, data, "utf-16", "utf-16")
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


def _with_bom(file: str, data: bytes, codec: str, encoding: str) -> tuple[str, str, list[Problem]]:
    """Text a BOM names the encoding of; bytes that are not that encoding become `�`, counted
    and told (the encoding then reads "replaced", so the bytes are never handed on as they are)."""
    try:
        return data.decode(codec), encoding, []
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
    count = text.count("\ufffd")
    note = Problem(file, "replaced_characters", Severity.WARNING, count=count)
    return text, REPLACED, [note]


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
            # A spreadsheet program pads each line to the table's width (`# Start date: ...;;;`).
            preamble.append(line.lstrip("#").rstrip(",;\t").strip().strip('"'))
        else:
            break
        pos = end
    return text[pos:], preamble, delimiter


def _records(lines: list[str], delimiter: str, limit: int) -> Iterator[tuple[list[str], int]]:
    """CSV records of the lines with the number of physical lines each ends on."""
    rest = iter(lines)
    consumed = 0

    def counting() -> Iterator[str]:
        nonlocal consumed
        for line in rest:
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


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the most consistent number of fields."""
    best, best_score = ",", -1.0
    for delim in (",", ";", "\t", "|"):
        # A delimiter closing every line adds no field: TikTok Shop ends each cell with a tab,
        # and those tabs must not outvote the commas between the cells.
        counts = [
            len(r) - (r[-1] == "")
            for r, _ in _records(lines, delim, 30)
            if any(c.strip() for c in r)
        ]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        score = wide.count(mode) * mode + 0.1 * len(wide)
        if score > best_score:
            best, best_score = delim, score
    return best


def _decode_head(file: str, data: Blob) -> tuple[str, str, list[Problem], bool]:
    """Decode only the head of a large UTF-8 file (the body goes to pyarrow as bytes)."""
    limit = 4 * HEAD_CHARS
    if len(data) <= 2 * limit or data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4096]:
        return (*decode(file, bytes(data)), True)
    bom = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    head = data[bom:limit]
    for cut in range(4):  # the head may end inside a multi-byte character
        try:
            text = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        # Only whole lines: the last one may have been cut anywhere.
        return text[: text.rfind("\n") + 1], "utf-8-sig" if bom else "utf-8", [], False
    return (*decode(file, bytes(data)), True)


_STRAY_RETURN = re.compile(rb"\r(?!\n)")


def _stray_returns_joined(data: Blob) -> Blob:
    """A carriage return with no line feed after it, in a file whose lines end in line feeds, is
    inside a cell (a caption typed on an old Mac): read as a space, it ends no row."""
    if data.find(b"\r") < 0 or data.find(b"\n") < 0 or b"\x00" in data[:4096]:
        return data  # no CR, an old Mac file of CR lines only, or UTF-16 (CR is `\r\x00`)
    if _STRAY_RETURN.search(data) is None:
        return data
    return _STRAY_RETURN.sub(b" ", data)


def read_text_table(file: str, source: str, data: Blob) -> Table:
    """A delimited text file as one table, the body read by the fast pyarrow engine."""
    data = _stray_returns_joined(data)
    try:
        return _read_text_table(file, source, data, whole=False)
    except NotUtf8:
        return _read_text_table(file, source, data, whole=True)


def _read_text_table(file: str, source: str, data: Blob, whole: bool) -> Table:
    if whole:
        text, encoding, problems = decode(file, bytes(data))
        complete = True
    else:
        text, encoding, problems, complete = _decode_head(file, data)
    if not text.strip():
        raise UnreadableFileError(file, "empty")
    body_text, comments, delimiter = _strip_preamble_lines(text)
    head = body_text[:HEAD_CHARS].splitlines(keepends=True)
    delimiter = delimiter or sniff_delimiter(head)
    head_records = list(_records(head, delimiter, HEAD_RECORDS + 5))
    if not head_records:
        raise UnreadableFileError(file, "no_table")
    rows = [r for r, _ in head_records]
    h = find_header(rows)
    above = rows[h - 1] if h else None
    grouping = group_header(rows[h], above, rows[h + 1] if h + 1 < len(rows) else None)
    header = dedupe(grouping.cells)
    if len(header) < 2:
        raise UnreadableFileError(file, "no_table")
    lines_done = head_records[h][1]
    top = h + 1
    if grouping.below:  # the row splitting the names into organic and paid is not data
        lines_done = head_records[top][1]
        top += 1
    described = 0
    while top + described < len(rows) and is_description_row(rows[top + described], header):
        lines_done = head_records[top + described][1]
        described += 1
    titles = rows[: h - 1] if grouping.above else rows[:h]
    preamble = comments + [" ".join(c for c in r if c.strip()) for r in titles]
    roles = [catalogue.role_of(catalogue.parse_header(name)) for name in header]
    samples = [
        cell
        for row in rows[top + described :]
        for cell, role in zip(row, roles, strict=False)
        if role is None and cell.strip()
    ]
    number_format = infer_number_format(samples, delimiter, header)
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
    # A date column written in ISO (`2026-07-01`) throughout the first rows is parsed by pyarrow
    # as it reads; should a later cell say otherwise, the body is read again with dates as text.
    iso_dates = {
        name: "date"
        for i, (name, role) in enumerate(zip(header, roles, strict=True))
        if role == "date" and _iso_dates([r[i] for r in rows[top + described :] if i < len(r)])
    }
    start = len(text) - len(body_text) + _line_offset(body_text, lines_done)
    if encoding.startswith("utf-8"):
        # The bytes after the header are already UTF-8: hand them over without re-encoding.
        skip = (3 if encoding == "utf-8-sig" else 0) + len(text[:start].encode("utf-8"))
        raw: bytes | memoryview = memoryview(data)[skip:]  # no copy of a 40 MB body
        quoted = data.find(b'"', skip) >= 0
    else:
        raw = text[start:].encode("utf-8")
        quoted = b'"' in raw
    body = read_body(
        raw,
        delimiter,
        header,
        file,
        problems,
        dtypes,
        strict_utf8=not complete,
        quoted=quoted,
        dates=iso_dates,
        first_line=len(comments) + lines_done + 1,
    )
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
        groups={header[j]: label for j, label in grouping.groups.items()},
    )


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_dates(cells: list[str]) -> bool:
    """Whether a column's first cells are all ISO days (and there is at least one)."""
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(_ISO_DAY.fullmatch(c) for c in filled)


def _line_offset(text: str, lines: int) -> int:
    pos = 0
    for _ in range(lines):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 1
    return pos
