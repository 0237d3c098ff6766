"""Several uploads become one frame: nothing counted twice, currencies settled, problems told."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kpi_core.ingest import read_files
from kpi_core.labels import problem_message

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data"
TODAY = date(2026, 11, 23)


def test_the_same_export_uploaded_twice_is_not_added_twice() -> None:
    """Uploading one export twice keeps one copy's figures and says the other was not added."""
    data = (SAMPLE / "ecom_meta_ads_id.csv").read_bytes()
    once = read_files([("ads.csv", data)], today=TODAY).frame
    twice = read_files([("ads.csv", data), ("ads (1).csv", data)], today=TODAY)
    assert twice.frame["value"].sum() == pytest.approx(once["value"].sum())
    overlaps = [p for r in twice.files for p in r.problems if p.code == "overlap"]
    assert overlaps and overlaps[0].file == "ads (1).csv"
    assert "not added" in problem_message(overlaps[0], "en")


def test_money_without_currency_takes_the_currency_of_the_other_files() -> None:
    """GA4 revenue (no currency in the export) beside IDR ad exports is IDR, and says so."""
    ds = read_files([SAMPLE / "ecom_ga4_website.csv", SAMPLE / "ecom_meta_ads_id.csv"], today=TODAY)
    ga4 = ds.frame[ds.frame["file"] == "ecom_ga4_website.csv"]
    assert set(ga4.loc[ga4["metric"] == "revenue", "unit"].astype(str)) == {"IDR"}
    told = [i for r in ds.files for i in r.inferences if i.what == "currency"]
    assert told and told[0].value == "IDR" and told[0].basis == "other_files"


def test_money_alone_without_currency_is_an_assumption_the_user_sees() -> None:
    """A lone file whose money names no currency gets a default that is recorded, not hidden."""
    ds = read_files([SAMPLE / "ecom_ga4_website.csv"], today=TODAY)
    told = [i for r in ds.files for i in r.inferences if i.what == "currency"]
    assert told and told[0].basis == "assumed"


def test_reading_does_not_depend_on_upload_order() -> None:
    """The same uploads in another order give the same figures."""
    files = [SAMPLE / "ecom_a_social_harian.csv", SAMPLE / "ecom_shopee_pesanan.xlsx"]
    a = read_files(files, today=TODAY).frame
    b = read_files(list(reversed(files)), today=TODAY).frame
    key = ["file", "source_name", "date", "channel", "placement"]
    left = (
        a.astype({c: str for c in key if c != "date"})
        .sort_values([*key, "value"])
        .reset_index(drop=True)
    )
    right = (
        b.astype({c: str for c in key if c != "date"})
        .sort_values([*key, "value"])
        .reset_index(drop=True)
    )
    assert left["value"].tolist() == right["value"].tolist()


def test_overlap_inside_one_export_is_a_note_between_uploads_a_warning() -> None:
    """Repeated members of one zip are told as information; the same file twice as a warning."""
    from kpi_core.models import Severity

    zipped = read_files([ROOT / "tests" / "fixtures" / "youtube_studio_export.zip"], today=TODAY)
    inside = [p for p in zipped.files[0].problems if p.code == "overlap"]
    assert inside and {p.severity for p in inside} == {Severity.INFO}
    data = (SAMPLE / "ecom_meta_ads_id.csv").read_bytes()
    twice = read_files([("ads.csv", data), ("ads (1).csv", data)], today=TODAY)
    across = [p for r in twice.files for p in r.problems if p.code == "overlap"]
    assert across and {p.severity for p in across} == {Severity.WARNING}
