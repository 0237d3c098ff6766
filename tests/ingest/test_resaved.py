"""An export opened in Excel or Google Sheets and saved again reads to the untouched figures."""

from __future__ import annotations

import tomllib
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from kpi_core.ingest import Dataset, read_files
from kpi_core.labels import problem_message

FIXTURES = Path(__file__).parent.parent / "fixtures"
CASES: dict[str, dict[str, Any]] = {
    key: case
    for key, case in tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))[
        "fixture"
    ].items()
    if "resaved_from" in case
}
TODAY = date(2026, 11, 23)


def _one_sentence(text: str) -> bool:
    """One sentence: no full stop inside it but an abbreviation's (`e.g.`, `mis.`)."""
    return text.replace("e.g. ", "").replace("mis. ", "").count(". ") == 0 and text.endswith(".")


def _today(case: dict[str, Any]) -> date:
    return date.fromisoformat(case["reference_date"]) if "reference_date" in case else TODAY


def _original(case: dict[str, Any]) -> Dataset:
    """The untouched export (or the zip member the user opened) as the platform wrote it."""
    path, part = FIXTURES / case["resaved_from"], case.get("resaved_part")
    if path.suffix == ".zip":
        upload: tuple[str, bytes] = (part, zipfile.ZipFile(path).read(part))
        return read_files([upload], today=_today(case))
    return read_files([path], today=_today(case))


def _figures(ds: Dataset, sheet: str | None = None) -> dict[str, Any]:
    """What a user reads off a file: channel, placement, period and each metric's totals."""
    frame = ds.frame
    if sheet:
        frame = frame[frame["source"].astype("str").str.endswith(f"[{sheet}]")]
    # A currency no file names (GA4's revenue) is a guess either way, and told as one: IDR for
    # numbers written the Indonesian way, else the default. Only the figures must agree.
    guessed = {i.column for r in ds.files for i in r.inferences if i.what == "currency"}
    unit = frame["unit"].astype("str").where(~frame["source_name"].isin(guessed), "guessed")
    frame = frame.assign(unit=unit)
    keys = ["metric", "channel", "placement", "unit"]
    sums = frame.groupby(keys, observed=True)["value"].sum().round(6)
    daily = frame.groupby([*keys, "date"], observed=True)["value"].sum().round(6)
    return {
        "channels": sorted(set(frame["channel"].astype("str"))),
        "placements": sorted(set(frame["placement"].astype("str"))),
        "period": (frame["date"].min(), frame["date"].max()),
        "totals": sums.to_dict(),
        "daily": daily.to_dict(),
    }


@pytest.mark.parametrize("key", sorted(CASES))
def test_resaved_export_reads_to_the_same_figures(key: str) -> None:
    """A re-saved export gives the same channel, placement, period, units and totals by day as
    the file the platform wrote."""
    case = CASES[key]
    sheet = case.get("resaved_part") if case["resaved_from"].endswith(".xlsx") else None
    before = _figures(_original(case), sheet)
    resaved = read_files([FIXTURES / case["file"]], today=_today(case))
    after = _figures(resaved)
    assert after["channels"] == before["channels"]
    assert after["placements"] == before["placements"]
    assert after["period"] == before["period"]
    assert after["totals"] == pytest.approx(before["totals"], rel=1e-9)
    assert after["daily"] == pytest.approx(before["daily"], rel=1e-9)


@pytest.mark.parametrize("key", sorted(k for k, case in CASES.items() if case.get("ids_lost")))
def test_ids_a_spreadsheet_rounded_are_told_never_used(key: str) -> None:
    """Post ids Excel turned into `1,2211E+17` are not given as ids: the file and column are
    named in one sentence, in English and Indonesian, with what to do."""
    ds = read_files([FIXTURES / CASES[key]["file"]], today=_today(CASES[key]))
    assert ds.frame["post_id"].isna().all()
    (problem,) = [p for p in ds.files[0].problems if p.code == "rounded_ids"]
    assert problem.column == "Post ID" and problem.count > 0
    for lang in ("en", "id"):
        text = problem_message(problem, lang)
        assert Path(CASES[key]["file"]).name in text and "Post ID" in text
        assert _one_sentence(text)


def test_ids_kept_as_text_stay_whole() -> None:
    """Ids a user kept as text in a workbook are whole ids, with nothing to warn about."""
    ds = read_files([FIXTURES / CASES["resaved_xlsx_text_meta_ig_posts"]["file"]], today=TODAY)
    assert ds.frame["post_id"].str.fullmatch(r"\d{17}").all()
    assert "rounded_ids" not in {p.code for p in ds.files[0].problems}


def test_untouched_exports_raise_no_rounded_ids() -> None:
    """Whole ids of 18 digits (the platform's own file) are never taken for rounded ones."""
    ds = read_files([FIXTURES / "meta_fb_posts.csv"], today=TODAY)
    assert "rounded_ids" not in {p.code for p in ds.files[0].problems}
    assert len(set(ds.frame["post_id"])) == 8


def test_dates_excel_read_day_first_are_put_back_and_told() -> None:
    """Meta's month-first dates that an Indonesian Excel stored day-first (7 Feb for 07/02) are
    put back by the dates it left as text (07/25/2026), and the user is told in both languages."""
    case = CASES["resaved_xlsx_excel_meta_fb_posts"]
    ds = read_files([FIXTURES / case["file"]], today=TODAY)
    (problem,) = [p for p in ds.files[0].problems if p.code == "misread_dates"]
    assert problem.column == "Publish time" and problem.count > 0
    for lang in ("en", "id"):
        text = problem_message(problem, lang)
        assert "meta_fb_posts.xlsx" in text and "Publish time" in text
        assert _one_sentence(text)


def test_typed_dates_without_text_to_disprove_them_are_kept() -> None:
    """A workbook whose dates are all typed is read as typed: nothing proves another order."""
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["Date", "Reach"])
    sheet.append([datetime(2026, 2, 7), 100])
    sheet.append(["Total", 100])
    buf = io.BytesIO()
    wb.save(buf)
    ds = read_files([("harian.xlsx", buf.getvalue())], today=TODAY)
    assert ds.frame["date"].tolist() == [pd.Timestamp("2026-02-07")]
    assert "misread_dates" not in {p.code for p in ds.files[0].problems}


def test_a_day_month_order_no_cell_proves_is_told() -> None:
    """Dates that read as two different days (03/04/2026) with nothing to prove the order are
    read as told in one sentence per language, naming the file and column and the fix."""
    text = "Date,Reach\r\n03/04/2026,100\r\n05/06/2026,200\r\n02/09/2026,300\r\n"
    ds = read_files([("report.csv", text.encode())], today=TODAY)
    (problem,) = [p for p in ds.files[0].problems if p.code == "date_order_unproven"]
    assert (problem.column, problem.examples) == ("Date", ("03/04/2026",))
    english = problem_message(problem, "en")
    assert "month/day/year" in english and "report.csv" in english and "Date" in english
    assert "bulan/tanggal/tahun" in problem_message(problem, "id")
    for lang in ("en", "id"):
        text = problem_message(problem, lang)
        assert _one_sentence(text)
    proven = "Date,Reach\r\n03/04/2026,100\r\n05/16/2026,200\r\n"
    ds = read_files([("report.csv", proven.encode())], today=TODAY)
    assert "date_order_unproven" not in {p.code for p in ds.files[0].problems}


def test_formula_errors_are_empty_and_told() -> None:
    """`#N/A` and `#DIV/0!` from the user's own formulas are read as empty, never zero, and the
    user is told which column and row hold them."""
    case = CASES["resaved_excel_id_messy_google_ads_campaign_report"]
    ds = read_files([FIXTURES / case["file"]], today=TODAY)
    found = {p.column: p for p in ds.files[0].problems if p.code == "error_cells"}
    assert {c: (p.count, p.examples) for c, p in found.items()} == {
        "Conversions": (1, ("#N/A",)),
        "Cost / conv.": (1, ("#DIV/0!",)),
    }
    for lang in ("en", "id"):
        text = problem_message(found["Conversions"], lang)
        assert "google_ads_campaign_report.csv" in text and "Conversions" in text
        assert _one_sentence(text)
