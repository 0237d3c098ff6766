"""Which rows a period counts: dated rows in it, whole-export totals only where it covers them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from kpi_core.ingest import read_files
from kpi_core.windows import PERIODS, data_span, dated_by_period, select, stated_periods
from tests.frames import tidy

ROOT = Path(__file__).parent.parent


def _posts_sheet() -> pd.DataFrame:
    """Daily reach through 2026, and a posts sheet stating 1 Jan - 31 Dec 2026 (dated 1 Jan)."""
    frame = tidy([
        ("2026-01-01", "linkedin", "organic", "reach", 100, "count"),
        ("2026-12-31", "linkedin", "organic", "reach", 100, "count"),
        ("2026-01-01", "linkedin", "organic", "new_followers", 500, "count"),
    ])  # fmt: skip
    frame["source"] = pd.Categorical(["daily.csv", "daily.csv", "book.xlsx [All posts]"])
    frame.attrs[PERIODS] = {"book.xlsx [All posts]": [(date(2026, 1, 1), date(2026, 12, 31))]}
    return frame


def test_a_stated_period_is_read_from_the_frame() -> None:
    """The periods read_files records in the frame's attrs are found by source."""
    assert stated_periods(_posts_sheet()) == {
        "book.xlsx [All posts]": {date(2026, 1, 1): date(2026, 12, 31)}
    }
    assert stated_periods(tidy([])) == {}


def test_rows_dated_by_a_stated_period_count_only_where_the_period_holds_it_whole() -> None:
    """A year's post totals dated 1 Jan count in the year; January leaves them out."""
    frame = _posts_sheet()
    year = select(frame, date(2026, 1, 1), date(2026, 12, 31))
    assert year.keep.tolist() == [True, True, True] and not year.left_out.any()
    january = select(frame, date(2026, 1, 1), date(2026, 1, 31))
    assert january.keep.tolist() == [True, False, False]
    assert january.left_out.tolist() == [False, False, True]
    assert january.whole.tolist() == [False, False, True]


def test_only_rows_dated_by_a_stated_period_are_period_totals() -> None:
    """The posts sheet's row is a period total; the daily rows on the same day are days."""
    assert dated_by_period(_posts_sheet()).tolist() == [False, False, True]


def test_a_data_span_runs_to_the_end_of_a_stated_period() -> None:
    """A monthly report dated by its first day still makes the data run to its last day."""
    frame = tidy([("2026-07-01", "youtube", "organic", "video_views", 900, "count")])
    frame["source"] = pd.Categorical(["yt.zip/Table data.csv"])
    assert data_span(frame) == (date(2026, 7, 1), date(2026, 7, 1))
    frame.attrs[PERIODS] = {"yt.zip/Table data.csv": [(date(2026, 7, 1), date(2026, 7, 31))]}
    assert data_span(frame) == (date(2026, 7, 1), date(2026, 7, 31))
    assert select(frame, *data_span(frame)).keep.all()


def test_undated_rows_follow_the_whole_span_unless_told() -> None:
    """Undated rows count over the whole span, are left out of a part of it, and obey `undated`."""
    frame = tidy([
        ("2026-01-01", "instagram", "organic", "reach", 1, "count"),
        ("2026-01-31", "instagram", "organic", "reach", 1, "count"),
    ])  # fmt: skip
    frame = pd.concat([frame, frame.iloc[:1].assign(date=pd.NaT)], ignore_index=True)
    assert select(frame).keep.all()
    assert select(frame, date(2026, 1, 1), date(2026, 1, 31)).keep.all()
    part = select(frame, date(2026, 1, 10), date(2026, 1, 31))
    assert part.keep.tolist() == [False, True, False] and part.left_out.tolist()[2]
    assert select(frame, undated=False).left_out.tolist() == [False, False, True]
    assert select(frame, date(2026, 1, 10), date(2026, 1, 31), undated=True).keep.tolist()[2]


def test_read_files_records_the_period_a_sheet_states() -> None:
    """LinkedIn's posts sheet (lifetime totals for a stated year) counts in that year only."""
    data = read_files([ROOT / "sample_data" / "saas_linkedin_metrics.xlsx"])
    year = (date(2025, 11, 1), date(2026, 10, 31))
    assert stated_periods(data.frame) == {"saas_linkedin_metrics.xlsx [All posts]": dict([year])}
    posts = data.frame["source"] == "saas_linkedin_metrics.xlsx [All posts]"
    assert select(data.frame, *year).keep[posts].all()
    november = select(data.frame, date(2025, 11, 1), date(2025, 11, 30))
    assert not november.keep[posts].any() and november.left_out[posts].all()


def test_a_week_counts_only_in_a_period_that_holds_the_whole_week() -> None:
    """A weekly report's row for 8–14 Jul is left out of 1–10 Jul, not counted as one day."""
    text = (
        "Minggu,Kanal,Jangkauan\n"
        "01/07/2026 - 07/07/2026,Instagram,700\n"
        "08/07/2026 - 14/07/2026,Instagram,900\n"
    )
    data = read_files([("mingguan.csv", text.encode())], today=date(2026, 11, 29))
    assert data_span(data.frame) == (date(2026, 7, 1), date(2026, 7, 14))
    chosen = select(data.frame, date(2026, 7, 1), date(2026, 7, 10))
    assert data.frame.loc[chosen.keep, "value"].tolist() == [700.0]
    assert data.frame.loc[chosen.left_out, "value"].tolist() == [900.0]
