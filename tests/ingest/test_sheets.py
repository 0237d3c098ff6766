"""Workbooks as a user's spreadsheet leaves them: hidden sheets, formulas, formats, sections."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable

import pytest
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


def test_money_formatted_in_rupiah_is_rupiah() -> None:
    """A `Spend` column formatted `"Rp"#,##0` or `[$Rp-421]` is IDR, not an assumed USD."""

    def fill(ws: Sheet) -> None:
        daily(["Date", "Spend", "Revenue"], lambda d: 150_000 * d, lambda d: 900_000 * d)(ws)
        for row in range(2, 9):
            ws.cell(row, 2).number_format = '"Rp"#,##0'
            ws.cell(row, 3).number_format = "[$Rp-421]#,##0"

    ds = read_files([("ads.xlsx", xlsx(fill))], today=TODAY)
    assert set(ds.frame["unit"].astype(str)) == {"IDR"}
    assert not [i for i in ds.files[0].inferences if i.what == "currency"]


def test_an_old_xls_column_formatted_in_dollars_is_usd() -> None:
    """An .xls whose `Spend` cells are formatted `$#,##0.00` reads as USD without a guess."""
    book = xlwt.Workbook()
    ws = book.add_sheet("Data")
    ws.write(0, 0, "Date")
    ws.write(0, 1, "Spend")
    dollars = xlwt.easyxf(num_format_str="$#,##0.00")
    for i in range(3):
        ws.write(i + 1, 0, f"2026-07-0{i + 1}")
        ws.write(i + 1, 1, 12.5, dollars)
    out = io.BytesIO()
    book.save(out)
    ds = read_files([("ads.xls", out.getvalue())], today=TODAY, channel="facebook")
    assert set(ds.frame["unit"].astype(str)) == {"USD"}
    assert not [i for i in ds.files[0].inferences if i.what == "currency"]


def test_formulas_saved_without_results_are_reported() -> None:
    """A column of formulas a script wrote without results says so, instead of reading empty."""
    lines = [["Date", "Link clicks", "Impressions", "CTR"]]
    for d in range(1, 8):
        lines.append([dt.datetime(2026, 7, d), 10 * d, 1000 * d, f"=B{d + 1}/C{d + 1}"])
    ds = read_files([("script.xlsx", xlsx(rows(*lines)))], today=TODAY, channel="facebook")
    (told,) = [p for p in ds.files[0].problems if p.code == "formulas_without_results"]
    assert told.count == 7
    assert "7 cell(s) in “CTR” hold formulas" in problem_message(told, "en")
    assert "simpan ulang" in problem_message(told, "id")


def test_a_sheet_longer_than_the_formatted_rows_is_read_whole() -> None:
    """Every row of a long sheet is read, past the first rows whose formats are looked at."""
    start = dt.datetime(2026, 1, 1)
    lines = [["Date", "Reach"]] + [[start + dt.timedelta(d), 1] for d in range(200)]
    ds = read_files([("long.xlsx", xlsx(rows(*lines)))], today=TODAY, channel="instagram")
    assert ds.frame["value"].sum() == 200


def test_a_sheet_that_states_a_wrong_size_is_read_whole() -> None:
    """Some writers state a size (`A1:B3`) smaller than the sheet: every written row counts."""
    start = dt.datetime(2026, 1, 1)
    lines = [["Date", "Reach"]] + [[start + dt.timedelta(d), 1] for d in range(200)]
    data = xlsx(rows(*lines))
    with zipfile.ZipFile(io.BytesIO(data)) as book, io.BytesIO() as out:
        with zipfile.ZipFile(out, "w") as patched:
            for item in book.infolist():
                xml = book.read(item.filename)
                if item.filename.startswith("xl/worksheets/"):
                    xml = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:B3"/>', xml)
                patched.writestr(item, xml)
        data = out.getvalue()
    ds = read_files([("stated.xlsx", data)], today=TODAY, channel="instagram")
    assert ds.frame["value"].sum() == 200


def zipped(*members: tuple[str, bytes]) -> bytes:
    """A zip archive of these members."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


OVERVIEW = b"Date,Video Views,Likes\n2026-07-01,100,10\n2026-07-02,200,20\n"


def test_a_zip_inside_a_zip_is_read_and_its_other_files_are_named() -> None:
    """A TikTok download saved into another zip is read; a README beside it is named as left out."""
    inner = zipped(("Overview.csv", OVERVIEW))
    data = zipped(("tiktok_studio_export.zip", inner), ("README.txt", b"Exported by TikTok\n"))
    ds = read_files([("download.zip", data)], today=TODAY)
    assert ds.frame["value"].sum() == 330
    (told,) = [p for p in ds.files[0].problems if p.code == "skipped_members"]
    assert "1 file(s) in the archive hold no table of metrics (“README.txt”)" in problem_message(
        told, "en"
    )


def test_an_archive_three_levels_deep_is_told_not_opened() -> None:
    """Archives are opened one level deep: a third level is named, never silently ignored."""
    deep = zipped(("inner.zip", zipped(("Overview.csv", OVERVIEW))))
    ds = read_files([("download.zip", zipped(("middle.zip", deep)))], today=TODAY)
    assert not ds.read_any
    assert "unzip it and upload the files inside" in ds.unreadable[0].message("en")


def test_the_size_cap_holds_over_both_levels_of_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the outer archive unpacked counts toward the cap on what the inner one may unpack."""
    monkeypatch.setattr("kpi_core.ingest.sheets.ZIP_TOTAL_CAP", 300)
    inner = zipped(("Overview.csv", OVERVIEW * 3))
    ds = read_files([("download.zip", zipped(("export.zip", inner)))], today=TODAY)
    assert not ds.read_any
    assert ds.unreadable[0].code == "zip_too_large"
    assert "export.zip/Overview.csv" in ds.unreadable[0].message("en")
