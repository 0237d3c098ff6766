"""Hand-built sheets that run months across and metrics down, turned into a long table.

A marketer's own recap often has `Metrik, Jan, Feb, Mar, ..., Total`: one row per metric, one
column per month. Read as a wide table, each month would become a "metric" adding reach,
followers and rupiah together; turned, each cell is one metric in one month, dated as a whole
month (see `dating`), and the total column is left out.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd

from kpi_core import catalogue
from kpi_core.ingest.cells import text_share
from kpi_core.ingest.context import Shaped
from kpi_core.ingest.date_cells import latest_year, year_offsets
from kpi_core.ingest.dates import month_header
from kpi_core.ingest.table import Table
from kpi_core.models import Inference, Problem, Severity

MONTH, VALUE = "Month", "Value"
_TOTAL_COLUMNS = {"total", "totals", "jumlah", "grand total", "total keseluruhan"}
_BLANK_NAME = re.compile(r"^\(column \d+\)$")
_YEAR = re.compile(r"(?<!\d)(19[7-9]\d|2[01]\d\d)(?!\d)")


def months_across(table: Table, today: date) -> Table | None:
    """The long table (`Metric, Month, Value`) of a table whose first column names metrics and
    whose other columns are months; None for any other table."""
    if len(table.header) < 3:
        return None
    first, *rest = table.header
    if not _names_metrics(first, table.body):
        return None
    months: list[tuple[str, int, int | None]] = []
    totals: list[str] = []
    for name in rest:
        found = month_header(name)
        if found is not None:
            months.append((name, *found))
        elif catalogue.normalize(name) in _TOTAL_COLUMNS:
            totals.append(name)
        elif not (_BLANK_NAME.match(name) and table.body[name].isna().all()):
            return None  # a column that is neither a month nor their total: not this layout
    if len(months) < 2:
        return None
    labels, year_note = _month_labels(table, months, today)
    return _turned(table, first, months, labels, totals, year_note)


def _names_metrics(first: str, body: pd.DataFrame) -> bool:
    """Whether the first column is the metric names: headed `Metric`/`Metrik` or blank, and
    holding words."""
    role = catalogue.role_of(catalogue.parse_header(first))
    if role != "metric_name" and not _BLANK_NAME.match(first):
        return False
    return len(body) > 0 and text_share(body[first]) > 0.5


def _month_labels(
    table: Table, months: list[tuple[str, int, int | None]], today: date
) -> tuple[list[str], Inference | None]:
    """Each month column as `YYYY-MM`; a month without a year takes the one the sheet's title or
    the file's name states, else the latest that puts no month after today (December rolling
    over to January), and the user is told which."""
    yearless = [m for _, m, y in months if y is None]
    note = None
    year_of: list[int] = [y or 0 for _, _, y in months]
    if yearless:
        stated, basis = _stated_year(table)
        m = np.array(yearless, dtype=np.int64)
        offsets = year_offsets(m, np.ones_like(m))
        offsets = np.zeros_like(m) if offsets is None else offsets
        if stated is None:
            stated = int((latest_year(m, np.ones_like(m), today) - offsets).min())
            basis = "latest_past"
        found = iter(stated + offsets)
        year_of = [y or int(next(found)) for y in year_of]
        note = Inference(table.file, "year", str(stated), basis, MONTH)
    labels = [f"{y:04d}-{m:02d}" for (_, m, _), y in zip(months, year_of, strict=True)]
    return labels, note


def _stated_year(table: Table) -> tuple[int | None, str]:
    """The year a sheet's title lines, its sheet name or the file's name states, if one does."""
    sheet = table.source.removeprefix(table.file)
    for text, basis in ((" ".join(table.preamble), "year_in_title"), (sheet, "year_in_title")):
        found = _YEAR.search(text)
        if found:
            return int(found[1]), basis
    found = _YEAR.search(re.sub(r"\d{5,}", " ", table.file))  # not inside an export's id
    return (int(found[1]), "year_in_file_name") if found else (None, "")


def _turned(
    table: Table,
    first: str,
    months: list[tuple[str, int, int | None]],
    labels: list[str],
    totals: list[str],
    year_note: Inference | None,
) -> Table:
    """The table with one row per metric and month, the total columns left out and told."""
    body = table.body
    n = len(body)
    names = body[first].astype(object).to_numpy()
    cells = [body[name].astype(object).to_numpy() for name, _, _ in months]
    metric = "Metric" if _BLANK_NAME.match(first) else first
    long = pd.DataFrame(
        {
            metric: np.tile(names, len(months)),
            MONTH: np.repeat(np.array(labels, dtype=object), n),
            VALUE: np.concatenate(cells),
        },
        dtype="object",
    )
    problems = list(table.problems)
    if totals:
        problems.append(
            Problem(table.file, "total_columns", Severity.INFO, count=len(totals),
                    examples=tuple(totals))
        )  # fmt: skip
    notes = [Inference(table.file, "months_across", str(len(months)), "header", MONTH)]
    if year_note is not None:
        notes.append(year_note)
    return Table(
        file=table.file,
        source=table.source,
        header=[metric, MONTH, VALUE],
        body=long,
        preamble=table.preamble,
        delimiter=table.delimiter,
        first_row=table.first_row,
        skipped_description_rows=table.skipped_description_rows,
        problems=problems,
        textual=table.textual,
        number_format=table.number_format,
        inferences=notes,
        turned_from=tuple(name for name, _, _ in months),
    )


def file_cells(table: Table, column: str, mask: np.ndarray) -> list[tuple[str, int, np.ndarray]]:
    """The masked cells by the file's own column, with the file's row of the first of them: a
    turned recap's cells go back to their month's column and their metric's row."""
    if not table.turned_from:
        found = np.flatnonzero(mask)
        return [(column, int(found[0]) + table.first_row, mask)] if len(found) else []
    n = len(mask) // len(table.turned_from)
    cells = []
    for k, month in enumerate(table.turned_from):
        block = np.zeros_like(mask)
        block[k * n : (k + 1) * n] = mask[k * n : (k + 1) * n]
        found = np.flatnonzero(block)
        if len(found):
            cells.append((month, int(found[0]) - k * n + table.first_row, block))
    return cells


def without_day_order(table: Table, result: Shaped) -> Shaped:
    """A turned recap's reading: its months came from the header, so there is no day order to
    guess or correct, and its own note already says the months are whole months."""
    if any(i.what == "months_across" for i in table.inferences):
        result.date_order = None
        told = ("date_order", "month_rows")
        result.inferences = [i for i in result.inferences if i.what not in told]
    return result
