"""Tests for kpi_core.ingest.transposed: recaps with months across and metrics down."""

from __future__ import annotations

from datetime import date

import pytest

from kpi_core.ingest import read_file, read_files
from kpi_core.windows import select
from tests.workbooks import rows, xlsx

TODAY = date(2026, 10, 15)

_REKAP = (
    b"Metrik,Jan,Feb,Mar\n"
    b'Jangkauan,"120.000","135.500","150.200"\n'
    b"Pengikut baru,1.200,1.350,900\n"
    b'Penjualan (Rp),"Rp 12.500.000","Rp 13.000.000","Rp 9.750.000"\n'
)


def _figures(frame: object) -> dict[tuple[str, str, str], float]:
    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    by = frame.groupby(["metric", "unit", "date"], observed=True)["value"].sum()
    return {(m, u, d.strftime("%Y-%m")): v for (m, u, d), v in by.items()}


def test_months_across_are_read_one_metric_a_month() -> None:
    """A recap with months across and metrics down gives each metric per month, in its own
    unit, never a month that adds reach, followers and rupiah together."""
    frame, report = read_file("rekap_instagram_2026.csv", _REKAP, today=TODAY)
    figures = _figures(frame)
    assert figures[("reach", "count", "2026-01")] == 120_000
    assert figures[("new_followers", "count", "2026-02")] == 1_350
    assert figures[("revenue", "IDR", "2026-03")] == 9_750_000
    assert len(figures) == 9
    assert set(frame["source_name"]) == {"Jangkauan", "Pengikut baru", "Penjualan (Rp)"}
    assert (report.date_from, report.date_to, report.channel) == (
        "2026-01-01",
        "2026-03-31",
        "instagram",
    )
    told = {i.what: (i.value, i.basis) for i in report.inferences}
    assert told["months_across"] == ("3", "header")
    assert told["year"] == ("2026", "year_in_file_name")


def test_a_month_counts_only_in_a_window_that_holds_it_whole() -> None:
    """Each month column is a whole month: 15 January - 31 March counts February and March."""
    ds = read_files([("rekap_instagram_2026.csv", _REKAP)], today=TODAY)
    counted = select(ds.frame, date(2026, 1, 15), date(2026, 3, 31)).keep
    reach = ds.frame[counted & (ds.frame["metric"] == "reach")]
    assert reach["value"].sum() == 135_500 + 150_200


def test_a_total_column_is_left_out_and_told() -> None:
    """A `Total` column after the months is their total: left out, and the user is told."""

    def fill(ws: object) -> None:
        rows(
            ["Metric", "Jan 2026", "Feb 2026", "Total"],
            ["Reach", 10000, 12000, 22000],
            ["Amount spent (IDR)", 1_500_000, 1_800_000, 3_300_000],
        )(ws)

    frame, report = read_file("fb_monthly.xlsx", xlsx(fill, titles=("Rekap",)), today=TODAY)
    figures = _figures(frame)
    assert figures == {
        ("reach", "count", "2026-01"): 10000,
        ("reach", "count", "2026-02"): 12000,
        ("spend", "IDR", "2026-01"): 1_500_000,
        ("spend", "IDR", "2026-02"): 1_800_000,
    }
    assert [(p.code, p.examples) for p in report.problems] == [("total_columns", ("Total",))]


@pytest.mark.parametrize(
    ("title", "name", "year", "basis"),
    [
        ("2025", "rekap.xlsx", "2025", "year_in_title"),
        ("Data", "rekap_2024.xlsx", "2024", "year_in_file_name"),
        ("Data", "rekap.xlsx", "2025", "latest_past"),
    ],
    ids=["sheet", "file", "latest"],
)
def test_yearless_months_take_the_stated_year_else_the_latest_past(
    title: str, name: str, year: str, basis: str
) -> None:
    """Yearless month columns take the year the sheet title or file name states, else the
    latest year that puts no month after today (Nov-Dec 2025 then Jan 2026 on 15 Oct 2026 is
    not possible, so November starts in 2025)."""
    fill = rows(
        [None, "November", "Desember", "Januari"],
        ["Reach", 100, 200, 300],
        ["CTR (%)", "2,5", "3", "1,5"],
    )
    frame, report = read_file(name, xlsx(fill, titles=(title,)), today=date(2026, 1, 20))
    assert frame["date"].min().strftime("%Y-%m") == f"{year}-11"
    assert frame["date"].max().strftime("%Y-%m") == f"{int(year) + 1}-01"
    assert {(i.value, i.basis) for i in report.inferences if i.what == "year"} == {(year, basis)}
    ctr = frame[frame["metric"] == "ctr"]
    assert set(ctr["unit"]) == {"fraction"}
    assert sorted(ctr["value"].round(4)) == [0.015, 0.025, 0.03]


def test_unknown_metric_rows_are_kept_as_unknown_metrics() -> None:
    """A metric row the catalogue does not know is kept as an unknown metric, never dropped."""
    data = b"Metric,2026-01,2026-02\nReach,100,200\nSkor mood tim,7,8\n"
    frame, _ = read_file("rekap.csv", data, today=TODAY)
    unknown = frame[frame["metric"].isna()]
    assert list(unknown["source_name"].astype(str)) == ["Skor mood tim"] * 2
    assert unknown["value"].sum() == 15


def test_a_wide_daily_table_is_not_turned() -> None:
    """A table whose header names metrics (the usual wide file) is read as before."""
    data = b"Date,Reach,Impressions\n2026-07-01,100,200\n2026-07-02,150,300\n"
    frame, report = read_file("harian.csv", data, today=TODAY)
    assert not [i for i in report.inferences if i.what == "months_across"]
    assert frame.loc[frame["metric"] == "reach", "value"].sum() == 250


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_bad_cell_is_told_by_its_months_column_and_its_metrics_row(kind: str) -> None:
    """A cell of a recap that is not a number is told by the month it sits under and the row of
    its metric, as the user finds it in the file, not by the turned table's `Value` column."""
    lines = [
        ["Rekap Instagram Toko Kita 2026"],
        ["Metrik", "Jan", "Feb", "Mar", "Total"],
        ["Jangkauan", "120.000", "135.500", "150.200", "405.700"],
        ["Pengikut baru", "1.200", "lihat catatan", "900", ""],
        ["Penjualan (Rp)", "Rp 12.500.000", "Rp 13.000.000", "Rp 9,75 jt?", ""],
    ]
    if kind == "csv":
        data = "".join(",".join(f'"{c}"' for c in line) + "\n" for line in lines).encode()
    else:
        data = xlsx(rows(*lines), titles=("Rekap",))
    frame, report = read_file(f"rekap_instagram_2026.{kind}", data, today=TODAY)
    bad = [
        (p.column, p.row, p.count, p.examples) for p in report.problems if p.code == "bad_values"
    ]
    assert bad == [("Feb", 4, 1, ("lihat catatan",)), ("Mar", 5, 1, ("Rp 9,75 jt?",))]
    assert frame.loc[frame["metric"] == "reach", "value"].sum() == 405_700
