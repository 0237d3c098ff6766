"""Several uploads become one frame: nothing counted twice, currencies settled, problems told."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from kpi_core.analysis import analyse
from kpi_core.ingest import Dataset, read_files
from kpi_core.labels import inference_message, problem_message
from kpi_core.models import FileCorrections, Problem

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


def _meta_daily(campaign: str, days: range, spend: int = 100, currency: str = "IDR") -> bytes:
    """A Meta Ads Manager export broken down by day: one row per campaign and day."""
    head = f"Campaign name,Reporting starts,Reporting ends,Day,Amount spent ({currency}),Reach\n"
    rows = [
        f"{campaign},2026-07-{d:02d},2026-07-{d:02d},2026-07-{d:02d},{spend},{1000 + d}\n"
        for d in days
    ]
    return (head + "".join(rows)).encode()


def _overlaps(ds: Dataset) -> list[Problem]:
    return [p for r in ds.files for p in r.problems if p.code == "overlap"]


def test_exports_that_share_some_days_count_each_day_once() -> None:
    """Two daily exports of 1-5 and 3-7 July: every day counted once, and the message names
    the shared days instead of dropping the first export."""
    ds = read_files(
        [("ads_1_5.csv", _meta_daily("Sales", range(1, 6))),
         ("ads_3_7.csv", _meta_daily("Sales", range(3, 8)))],
        today=TODAY,
    )  # fmt: skip
    spend = ds.frame[ds.frame["metric"] == "spend"]
    assert sorted(spend["date"].dt.day) == [1, 2, 3, 4, 5, 6, 7]
    assert spend["value"].sum() == 700
    (told,) = _overlaps(ds)
    assert (told.file, told.count, told.days) == ("ads_3_7.csv", 6, 3)
    assert (told.date_from, told.date_to) == ("2026-07-03", "2026-07-05")
    assert "3 day(s) (3–5 Jul 2026)" in problem_message(told, "en")
    assert "3 hari (3–5 Jul 2026)" in problem_message(told, "id")


def test_separate_campaign_exports_for_the_same_days_are_both_counted() -> None:
    """Campaign A's and campaign B's exports for the same month are two sets of figures."""
    ds = read_files(
        [("campaign_a.csv", _meta_daily("A", range(1, 31))),
         ("campaign_b.csv", _meta_daily("B", range(1, 31)))],
        today=TODAY,
    )  # fmt: skip
    assert ds.frame.loc[ds.frame["metric"] == "spend", "value"].sum() == 2 * 30 * 100
    assert not _overlaps(ds)


def test_a_usd_account_beside_an_idr_one_is_kept_and_flagged() -> None:
    """An ad account spending in USD beside one in IDR is read in full, and its spend is not
    added to the rupiah: the metric is flagged mixed_currency."""
    ds = read_files(
        [("idr.csv", _meta_daily("Sales ID", range(1, 31), 100_000)),
         ("usd.csv", _meta_daily("Sales US", range(1, 31), 7, "USD"))],
        today=TODAY,
    )  # fmt: skip
    spend = ds.frame[ds.frame["metric"] == "spend"]
    assert spend.groupby("unit", observed=True)["value"].sum().to_dict() == {
        "IDR": 3_000_000,
        "USD": 210,
    }
    assert not _overlaps(ds)
    flags = analyse(ds, ["sales"], "online_store").classification.flags
    assert any(f.code == "mixed_currency" and f.metric == "spend" for f in flags)


def test_an_account_total_beside_its_campaigns_counts_their_days_once() -> None:
    """An account's daily total and a campaign breakdown of some of its days: the breakdown
    keeps its days, the total keeps the others."""
    total = b"Day,Amount spent (IDR)\n" + b"".join(b"2026-07-%02d,200\n" % d for d in range(1, 11))
    parts = b"Campaign name,Day,Amount spent (IDR)\n" + b"".join(
        b"%s,2026-07-%02d,100\n" % (c, d) for d in range(1, 6) for c in (b"A", b"B")
    )
    files = [("account.csv", total), ("campaigns.csv", parts)]
    ds = read_files(files, channel="facebook", placement="paid", today=TODAY)
    spend = ds.frame[ds.frame["metric"] == "spend"]
    assert spend["value"].sum() == 10 * 200
    by_file = spend.groupby("file", observed=True)["date"].agg(["min", "max", "size"])
    assert by_file.loc["account.csv", "min"] == pd.Timestamp("2026-07-06")
    assert by_file.loc["campaigns.csv", "size"] == 10
    (told,) = _overlaps(ds)
    assert (told.file, told.detail, told.days) == ("account.csv", "campaigns.csv", 5)


def test_a_whole_period_export_beside_its_days_is_not_added_to_them() -> None:
    """Meta's export without a Day breakdown (one row from Reporting starts to Reporting ends)
    covers every day of its period: beside the daily export it is not added."""
    monthly = (
        b"Campaign name,Reporting starts,Reporting ends,Amount spent (IDR),Reach\n"
        b"Sales,2026-07-01,2026-07-30,3000,40000\n"
    )
    ds = read_files(
        [("monthly.csv", monthly), ("daily.csv", _meta_daily("Sales", range(1, 31)))],
        today=TODAY,
    )
    assert ds.frame.loc[ds.frame["metric"] == "spend", "value"].sum() == 3000
    (told,) = _overlaps(ds)
    assert (told.file, told.detail, told.count) == ("monthly.csv", "daily.csv", 2)
    assert "not added" in problem_message(told, "en")


def test_the_same_export_from_two_folders_is_told_apart_and_not_added_twice(
    tmp_path: Path,
) -> None:
    """Two files with one name (the same export saved in two folders) are two uploads: the
    second is named `ads.csv (2)`, its figures are not added again, and the user is told."""
    data = _meta_daily("Sales", range(1, 31))
    paths = [tmp_path / "july" / "ads.csv", tmp_path / "copy" / "ads.csv"]
    for path in paths:
        path.parent.mkdir()
        path.write_bytes(data)
    ds = read_files(paths, today=TODAY)
    assert [r.name for r in ds.files] == ["ads.csv", "ads.csv (2)"]
    assert ds.frame.loc[ds.frame["metric"] == "spend", "value"].sum() == 30 * 100
    (told,) = _overlaps(ds)
    assert (told.file, told.detail) == ("ads.csv (2)", "ads.csv")
    assert set(ds.frame["file"].astype(str)) == {"ads.csv"}


def test_a_zip_uploaded_twice_names_the_other_upload_it_repeats() -> None:
    """The second copy of a zip under the same name says which upload's member kept its rows."""
    data = (ROOT / "tests" / "fixtures" / "youtube_studio_export.zip").read_bytes()
    name = "youtube_studio_export.zip"
    once = read_files([(name, data)], today=TODAY).frame
    twice = read_files([(name, data), (name, data)], today=TODAY)
    assert twice.frame["value"].sum() == pytest.approx(once["value"].sum())
    second = [p for p in _overlaps(twice) if p.file == f"{name} (2)"]
    assert second and all(p.detail.startswith(f"{name}/") for p in second)


def test_the_user_names_the_currency_a_file_leaves_out() -> None:
    """GA4 revenue read as USD becomes IDR when the user says so, and the reading says who did."""
    fixes = {"ecom_ga4_website.csv": FileCorrections(currency="IDR")}
    ds = read_files([SAMPLE / "ecom_ga4_website.csv"], corrections=fixes, today=TODAY)
    revenue = ds.frame[ds.frame["metric"] == "revenue"]
    assert not revenue.empty and set(revenue["unit"].astype(str)) == {"IDR"}
    told = [i for r in ds.files for i in r.inferences if i.what == "currency"]
    assert [(i.value, i.basis) for i in told] == [("IDR", "user")]
    assert inference_message(told[0], "en").endswith("read as IDR (set by you)")


def test_a_chosen_currency_never_overrides_one_the_file_names() -> None:
    """Spend in `Amount spent (IDR)` stays IDR when the user picks USD for unlabelled amounts."""
    fixes = {"ads.csv": FileCorrections(currency="USD")}
    data = (SAMPLE / "ecom_meta_ads_id.csv").read_bytes()
    ds = read_files([("ads.csv", data)], corrections=fixes, today=TODAY)
    spend = ds.frame[ds.frame["metric"] == "spend"]
    assert not spend.empty and set(spend["unit"].astype(str)) == {"IDR"}


def test_a_currency_for_every_file_that_names_none() -> None:
    """`currency=` applies to every file whose amounts name no currency, as `channel=` does."""
    ds = read_files([SAMPLE / "ecom_ga4_website.csv"], currency="idr", today=TODAY)
    revenue = ds.frame[ds.frame["metric"] == "revenue"]
    assert set(revenue["unit"].astype(str)) == {"IDR"}
    with pytest.raises(ValueError, match="currency"):
        read_files([SAMPLE / "ecom_ga4_website.csv"], currency="rupiah")


_SHOP = ROOT / "tests" / "fixtures"
_KEY_METRICS = _SHOP / "tiktok_shop_key_metrics.xlsx"
_VIDEOS = _SHOP / "Video_list_20260701-20260731.xlsx"
_LIVES = _SHOP / "Live_list_20260701-20260731.xlsx"


def _counted(ds: Dataset, metric: str) -> float:
    """The metric's figure for the whole period, as the verdicts and funnels read it."""
    summary = analyse(ds, ["sales"], "online_store").summary
    return float(summary.loc[summary["metric"] == metric, "value"].sum())


def test_video_and_live_lists_beside_the_shop_file_keep_their_rows_and_add_nothing() -> None:
    """Beside the shop's key metrics, a video and a LIVE list keep every row by video and LIVE,
    the shop's purchases, buyers and creator GMV are counted once, and no figure was lost."""
    shop = read_files([_KEY_METRICS], today=TODAY)
    ds = read_files([_KEY_METRICS, _VIDEOS, _LIVES], today=TODAY)
    lists = read_files([_VIDEOS], today=TODAY).frame, read_files([_LIVES], today=TODAY).frame
    assert len(ds.frame) == len(shop.frame) + sum(len(f) for f in lists)
    videos = ds.frame[ds.frame["file"] == _VIDEOS.name]
    bought = videos[videos["metric"] == "purchases"]
    assert bought["post_id"].notna().all() and bought["value"].sum() == 223
    for metric in ("purchases", "buyers", "creator_gmv", "gmv"):
        assert _counted(ds, metric) == pytest.approx(_counted(shop, metric))
    assert not [p for p in _overlaps(ds) if p.severity == "warning"]
    (told,) = [p for r in ds.files if r.name == _VIDEOS.name for p in r.problems]
    text = problem_message(told, "en")
    assert told.code == "shares" and "not added" in text and _KEY_METRICS.name in text


def test_a_video_list_and_a_live_list_are_different_content_both_counted() -> None:
    """Views, units sold and product clicks of videos and of LIVEs are both counted."""
    videos, lives = read_files([_VIDEOS], today=TODAY), read_files([_LIVES], today=TODAY)
    ds = read_files([_KEY_METRICS, _VIDEOS, _LIVES], today=TODAY)
    for metric in ("video_views", "units_sold", "product_clicks"):
        assert _counted(ds, metric) == _counted(videos, metric) + _counted(lives, metric)


def test_lists_alone_are_counted_as_they_were_and_the_same_list_twice_is_not() -> None:
    """Without a shop-level file the lists' figures count; the same list twice counts once."""
    once = read_files([_VIDEOS], today=TODAY)
    data = _VIDEOS.read_bytes()
    twice = read_files([(_VIDEOS.name, data), ("copy.xlsx", data)], today=TODAY)
    assert _counted(once, "purchases") == 223
    assert _counted(twice, "purchases") == 223
    assert [p.code for p in _overlaps(twice)] == ["overlap"]


def test_a_product_list_beside_the_shop_file_is_kept_by_product_and_not_added() -> None:
    """The shop's GMV and orders count once beside a product list, whose rows stay by product;
    beside a video list, the products' clicks count and the videos' are their shares."""
    products = _SHOP / "Product_list_20260701-20260731.xlsx"
    alone = read_files([products], today=TODAY)
    ds = read_files([_KEY_METRICS, products], today=TODAY)
    for metric in ("gmv", "purchases"):
        assert _counted(ds, metric) == _counted(read_files([_KEY_METRICS], today=TODAY), metric)
    assert len(ds.frame) == len(alone.frame) + 112
    with_videos = read_files([products, _VIDEOS], today=TODAY)
    assert _counted(with_videos, "product_clicks") == _counted(alone, "product_clicks")
    assert _counted(with_videos, "video_views") == _counted(read_files([_VIDEOS]), "video_views")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_list_beside_two_wholer_files_is_told_once_naming_both(lang: str) -> None:
    """A video list beside the shop's key metrics and its product list gets one note, not two,
    naming both files whose figures its rows are shares of."""
    products = _SHOP / "Product_list_20260701-20260731.xlsx"
    ds = read_files([_KEY_METRICS, products, _VIDEOS], today=TODAY)
    (told,) = [p for r in ds.files if r.name == _VIDEOS.name for p in r.problems]
    text = problem_message(told, lang)
    assert told.code == "shares" and _KEY_METRICS.name in text and products.name in text
    assert ("Units sold" if lang == "en" else "Produk terjual") in text
    assert (" and " if lang == "en" else " dan ") in text


def test_ga4_reports_of_one_period_by_different_dimensions_count_revenue_once() -> None:
    """GA4's traffic acquisition (by channel group), items (by item) and pages (by page path)
    reports are the same July's revenue sliced three ways: uploaded together, one is counted."""
    names = ("ga4_traffic_acquisition.csv", "ga4_ecommerce_items.csv", "ga4_pages_and_screens.csv")
    files = [_SHOP / n for n in names]
    alone = [read_files([f], today=TODAY).frame for f in files]
    both = read_files(files, today=TODAY).frame
    counted = both.loc[both["metric"] == "revenue", "value"].sum()
    assert counted in {f.loc[f["metric"] == "revenue", "value"].sum() for f in alone}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_one_sheet_workbook_is_named_without_its_sheet(lang: str) -> None:
    """The shares note names `tiktok_shop_key_metrics.xlsx`, not `… [Sheet1]`, and says no
    `in Sheet1`: a sheet is worth naming only where its workbook has several."""
    ds = read_files([_KEY_METRICS, _VIDEOS], today=TODAY)
    (told,) = [p for r in ds.files if r.name == _VIDEOS.name for p in r.problems]
    text = problem_message(told, lang)
    assert _KEY_METRICS.name in text and "Sheet1" not in text, text


def test_a_sheet_of_a_workbook_with_several_is_still_named() -> None:
    """LinkedIn's two-sheet workbook says which sheet's figures were not added."""
    ds = read_files([_SHOP / "linkedin_page_analytics.xls"], today=TODAY)
    (told,) = [p for p in _overlaps(ds)]
    assert "All posts" in problem_message(told, "en") and "Metrics" in told.detail
