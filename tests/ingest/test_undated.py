"""Tests for kpi_core.ingest.undated: what the user is told of rows left out for want of a date."""

from __future__ import annotations

import datetime as dt

import pytest

from kpi_core.ingest import read_file
from kpi_core.labels import problem_message
from kpi_core.models import Severity
from tests import workbooks
from tests.workbooks import xlsx

TODAY = dt.date(2026, 11, 30)


def test_a_note_under_the_table_is_a_note_not_a_bad_date() -> None:
    """A `Sumber: Meta Business Suite` line under the figures is told as a skipped note, with
    no advice to change the date order."""
    rows: list[list[object]] = [["Laporan Bulanan Juli 2026"], [], ["Date", "Channel", "Reach"]]
    rows += [[dt.datetime(2026, 7, d), "Instagram", 100 * d] for d in range(1, 8)]
    rows += [[], ["Sumber: Meta Business Suite"]]
    frame, report = read_file(
        "laporan.xlsx", xlsx(workbooks.rows(*rows), titles=("Sheet",)), today=TODAY
    )
    assert frame["value"].sum() == 2800
    (note,) = [p for p in report.problems if p.code not in ("blank_rows",)]
    assert (note.code, note.severity, note.examples) == (
        "note_rows",
        Severity.INFO,
        ("Sumber: Meta Business Suite",),
    )
    assert "date order" not in problem_message(note, "en")


@pytest.mark.parametrize(
    ("cell", "advice"),
    [
        (b"13/07/2026", "correct the date order or year below"),
        (b"32/13/2026", "correct the dates in the file"),
        (b"kemarin", "correct the dates in the file"),
    ],
)
def test_a_date_order_is_advised_only_where_another_order_reads_the_date(
    cell: bytes, advice: str
) -> None:
    """An unread date in a month-first file asks for another date order only when one reads it
    (`13/07/2026`); a date no order reads (`32/13/2026`) is to be corrected in the file."""
    data = (
        b"Date,Channel,Reach\n07/14/2026,Instagram,1\n07/15/2026,Instagram,2\n"
        + cell
        + b",Instagram,3\n"
    )
    _, report = read_file("harian.csv", data, today=TODAY)
    (problem,) = report.problems
    assert problem.code == "bad_dates"
    assert advice in problem_message(problem, "en")
