"""Every export layout in FORMATS.md, read from raw-byte fixtures, lands right in the tidy frame."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from kpi_core.ingest import Dataset, read_files
from kpi_core.models import TIDY_COLUMNS

FIXTURES = Path(__file__).parent.parent / "fixtures"
EXPECTED = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))
CASES: dict[str, dict[str, Any]] = EXPECTED["fixture"]
BAD: dict[str, dict[str, Any]] = EXPECTED["bad"]
TODAY = date(2026, 11, 23)


def read(case: dict[str, Any]) -> Dataset:
    """Read one fixture as a user would upload it (with the placement chosen where it is silent)."""
    today = date.fromisoformat(case["reference_date"]) if "reference_date" in case else TODAY
    placement = case["placement"] if case.get("placement_in_file") is False else None
    return read_files([FIXTURES / case["file"]], today=today, placement=placement)


_CACHE: dict[str, Dataset] = {}


def dataset(key: str) -> Dataset:
    """Each fixture is read once per test session."""
    if key not in _CACHE:
        _CACHE[key] = read(CASES[key])
    return _CACHE[key]


def select(frame: pd.DataFrame, check: dict[str, Any]) -> pd.DataFrame:
    """The rows a check's selectors name."""
    rows = frame[frame["metric"].astype("str") == check["metric"]]
    for key in ("placement", "channel", "campaign", "post_id", "source_name"):
        if key in check:
            rows = rows[rows[key].astype("str") == check[key]]
    if "row" in check:
        rows = rows[
            (rows["post_id"].astype("str") == check["row"])
            | (rows["campaign"].astype("str") == check["row"])
        ]
    if "sheet" in check:
        rows = rows[rows["source"].astype("str").str.endswith(f"[{check['sheet']}]")]
    if "date" in check:
        rows = rows[rows["date"] == pd.Timestamp(check["date"])]
    return rows


CHECKS = [(key, i) for key, case in sorted(CASES.items()) for i in range(len(case["checks"]))]
TABLE = {**CASES, **{k: v for k, v in BAD.items() if "checks" in v}}


@pytest.mark.parametrize("key", sorted(CASES))
def test_layout_channel_and_placement_are_recognised(key: str) -> None:
    """Each platform export is recognised by its signature, with its channel and placement."""
    case = CASES[key]
    ds = dataset(key)
    assert not ds.unreadable, [e.message() for e in ds.unreadable]
    report = ds.files[0]
    assert report.layout.split(", ")[0].startswith(case["layout"]), report.layout
    frame = ds.frame
    assert list(frame.columns)[: len(TIDY_COLUMNS)] == list(TIDY_COLUMNS)
    assert len(frame) > 0
    if case["channel"] != "mixed":
        assert set(frame["channel"].astype("str")) == {case["channel"]}
    if case["placement"] != "mixed":
        assert set(frame["placement"].astype("str")) == {case["placement"]}
    else:
        assert set(frame["placement"].astype("str")) == {"organic", "paid"}


@pytest.mark.parametrize(("key", "index"), CHECKS, ids=[f"{k}-{i}" for k, i in CHECKS])
def test_fixture_values_read_right(key: str, index: int) -> None:
    """The canonical metric, unit and value of a known cell (or a file total) come out exactly."""
    check = CASES[key]["checks"][index]
    rows = select(dataset(key).frame, check)
    assert len(rows) > 0, f"no rows for {check}"
    assert set(rows["unit"].astype("str")) == {check["unit"]}
    tolerance = check.get("tolerance")
    got = rows["value"].sum() if check.get("sum") else rows["value"].iloc[0]
    if not check.get("sum"):
        assert len(rows) == 1, f"{len(rows)} rows for {check}: counted more than once"
    assert got == pytest.approx(check["value"], abs=tolerance, rel=None if tolerance else 1e-6)


@pytest.mark.parametrize("key", sorted(k for k, case in CASES.items() if case.get("known_columns")))
def test_every_default_column_is_understood(key: str) -> None:
    """A report with the platform's default columns raises no unknown-column warning."""
    assert dataset(key).files[0].unknown_columns == ()


@pytest.mark.parametrize("key", sorted(k for k, case in CASES.items() if case.get("missing")))
def test_placeholders_are_missing_not_zero(key: str) -> None:
    """`-`, `--`, `<5` and `undefined` are missing values: no row, never a zero."""
    for missing in CASES[key]["missing"]:
        rows = select(dataset(key).frame, missing)
        assert rows.empty, f"{missing['reason']!r} became {rows['value'].tolist()}"


@pytest.mark.parametrize("key", sorted(k for k, case in CASES.items() if case.get("gap_dates")))
def test_days_the_platform_left_out_are_not_invented(key: str) -> None:
    """Meta leaves zero days out of its daily files; no value is made up for them."""
    frame = dataset(key).frame
    for day in CASES[key]["gap_dates"]:
        assert (frame.loc[frame["date"] == pd.Timestamp(day), "value"].fillna(0) == 0).all()


@pytest.mark.parametrize("key", sorted(k for k, case in CASES.items() if case.get("id_column")))
def test_long_post_ids_stay_text(key: str) -> None:
    """18-19 digit post ids are kept as text, never rounded through floats."""
    ids = dataset(key).frame["post_id"].dropna().astype("str")
    assert len(ids) > 0
    assert ids.str.fullmatch(r"\d{15,20}").all(), ids.head().tolist()


@pytest.mark.parametrize("key", sorted(k for k, v in BAD.items() if v.get("unreadable")))
def test_unreadable_file_gives_one_sentence_in_both_languages(key: str) -> None:
    """A file that cannot be read is reported with one clear sentence, never a traceback."""
    ds = read_files([FIXTURES / BAD[key]["file"]], today=TODAY)
    assert not ds.read_any
    assert len(ds.unreadable) == 1
    error = ds.unreadable[0]
    for lang in ("en", "id"):
        text = error.message(lang)
        assert BAD[key]["file"].split("/")[-1] in text
        assert text.count(". ") == 0 and text.endswith(".")
    assert error.message("en") != error.message("id")


def test_bad_cells_are_counted_and_the_rest_is_read() -> None:
    """Cells that are not numbers are counted with column and row; the other rows still count."""
    case = BAD["bad_values"]
    ds = read_files([FIXTURES / case["file"]], today=TODAY)
    problems = [p for p in ds.files[0].problems if p.code == "bad_values"]
    assert [(p.column, p.count) for p in problems] == [(case["column"], case["bad_values"])]
    assert problems[0].row is not None and problems[0].examples
    for check in case["checks"]:
        rows = select(ds.frame, check)
        assert rows["value"].sum() == pytest.approx(check["value"])


def test_rows_without_a_readable_date_are_counted_by_kind() -> None:
    """Rows with no date and rows with an unreadable date are told apart; the rest still count."""
    case = BAD["bad_dates"]
    ds = read_files([FIXTURES / case["file"]], today=TODAY)
    found = {p.code: p for p in ds.files[0].problems if p.code in ("undated_rows", "bad_dates")}
    assert {code: p.count for code, p in found.items()} == {
        "undated_rows": case["undated_rows"],
        "bad_dates": case["bad_dates"],
    }
    assert {p.column for p in found.values()} == {case["column"]}
    assert found["bad_dates"].examples and not found["undated_rows"].examples
    assert ds.frame["date"].notna().all()
    for check in case["checks"]:
        rows = select(ds.frame, check)
        assert rows["value"].sum() == pytest.approx(check["value"])


def test_good_files_still_read_beside_a_bad_one() -> None:
    """One unreadable upload does not stop the others from being read."""
    ds = read_files(
        [FIXTURES / BAD["garbage"]["file"], FIXTURES / CASES["generic_long"]["file"]], today=TODAY
    )
    assert ds.read_any
    assert [r.layout for r in ds.files] == ["unreadable", "long"]
    assert set(ds.frame["file"].astype("str")) == {"generic_long.csv"}


def _only(ds: Dataset, metric: str) -> pd.DataFrame:
    return ds.frame[ds.frame["metric"] == metric]


def test_translated_tweet_activity_is_recognised_by_its_file_name() -> None:
    """X's tweet activity in Bahasa Indonesia is X, its promoted copies paid, its ids whole."""
    text = (
        '"ID Tweet","Permalink Tweet","Teks Tweet","waktu","impresi","suka","klik url",'
        '"impresi yang dipromosikan"\n'
        '"1830000000000000001","https://x.com/t/status/1830000000000000001","Promo",'
        '"2026-09-01 03:00 +0000","424.0","20.0","4.0","5000.0"\n'
    )
    name = "tweet_activity_metrics_tokokita_20260901_20260930_id.csv"
    ds = read_files([(name, text.encode())])
    assert ds.files[0].layout == "x_tweet_activity"
    impressions = _only(ds, "impressions")
    assert set(impressions["channel"]) == {"x"}
    by_placement = impressions.groupby("placement", observed=True)["value"].sum().to_dict()
    assert by_placement == {"organic": 424.0, "paid": 5000.0}
    assert _only(ds, "link_clicks")["value"].sum() == 4.0
    assert set(ds.frame["post_id"]) == {"1830000000000000001"}


def test_youtube_table_data_by_date_is_youtube() -> None:
    """YouTube's `Table data.csv` with the Date dimension is YouTube, its Total row not added."""
    text = (
        "Date,Views,Impressions,Impressions click-through rate (%)\n"
        "Total,300,6000,5.0\n"
        '"Sep 1, 2026",100,2000,5.1\n'
        '"Sep 2, 2026",200,4000,4.9\n'
    )
    ds = read_files([("Channel analytics Toko Kita.zip/Table data.csv", text.encode())])
    assert (ds.files[0].layout, ds.files[0].channel) == ("youtube_studio", "youtube")
    assert _only(ds, "video_views")["value"].sum() == 300.0


def test_indonesian_google_ads_and_ga4_read_tayangan_by_platform() -> None:
    """`Tayangan` is impressions in Google Ads and page views in GA4, never video views."""
    ads = (
        "\ufeffLaporan kampanye\n1 September 2026 - 30 September 2026\n"
        "Status kampanye,Kampanye,Kode mata uang,Tayangan,Klik,Biaya\n"
        'Aktif,Search - Brand,IDR,"88.120","9.210","4.516.727,66"\n'
    )
    ga4 = (
        "# Halaman dan layar\n# Akun: Toko Kita\n\n"
        "Jalur halaman dan kelas layar,Tayangan,Pengguna aktif\n"
        '/,"12.345","4.567"\n'
    )
    ds = read_files([("Laporan_kampanye.csv", ads.encode()), ("ga4_halaman.csv", ga4.encode())])
    layouts = {r.name: (r.layout, r.channel, r.placement) for r in ds.files}
    assert layouts == {
        "Laporan_kampanye.csv": ("google_ads", "search", "paid"),
        "ga4_halaman.csv": ("ga4", "website", "organic"),
    }
    metric_of = dict(zip(ds.frame["file"], ds.frame["metric"], strict=True))
    assert _only(ds, "impressions")["value"].tolist() == [88_120.0]
    assert _only(ds, "page_views")["value"].tolist() == [12_345.0]
    assert _only(ds, "page_views")["post_id"].tolist() == ["/"]
    assert "video_views" not in set(metric_of.values())


def _sums(ds: Dataset) -> dict[tuple[str, str], float]:
    """Each (metric, placement)'s total in a dataset."""
    grouped = ds.frame.groupby(["metric", "placement"], observed=True)["value"].sum()
    return {(str(m), str(p)): float(v) for (m, p), v in grouped.items()}


def test_youtube_in_indonesian_reads_tayangan_as_impressions() -> None:
    """YouTube Studio in Indonesian: `Penayangan` are views, `Tayangan` are impressions."""
    text = (
        "Tanggal,Penayangan,Waktu tonton (jam),Tayangan,Rasio klik-tayang tayangan (%)\n"
        "Total,2200,70.5,30000,4.2\n"
        '"1 Jul 2026",1000,30.5,12000,4.1\n"2 Jul 2026",1200,40.0,18000,4.3\n'
    )
    ds = read_files([("youtube_tabel.csv", text.encode())], today=TODAY)
    sums = _sums(ds)
    assert ds.files[0].channel == "youtube"
    assert sums[("video_views", "organic")] == 2200
    assert sums[("impressions", "organic")] == 30000


def test_tiktok_ads_manager_in_indonesian_is_paid() -> None:
    """A TikTok Ads Manager report with Indonesian headers (`Biaya`, `CPC (tujuan)`) is paid."""
    text = (
        "Menurut Hari,Nama kampanye,Biaya (IDR),Impresi,Klik (tujuan),CPC (tujuan),CTR (tujuan)\n"
        '2026-07-01,Promo,99500,10000,100,995,"1,00%"\n'
        '2026-07-02,Promo,199000,20000,200,995,"1,00%"\n'
    )
    ds = read_files([("tiktok_ads_laporan.csv", text.encode())], today=TODAY)
    assert ds.files[0].layout == "tiktok_ads_manager"
    assert _sums(ds)[("spend", "paid")] == 298500
    assert set(ds.frame["metric"].dropna()) >= {"cpc_link", "ctr_link"}


def test_linkedin_daily_followers_are_follows_gained() -> None:
    """LinkedIn's followers sheet counts each day's new followers, never the page's total."""
    text = (
        "Date,Sponsored followers,Organic followers,Auto-invited followers,Total followers\n"
        "07/01/2026,0,12,1,13\n07/02/2026,2,10,0,12\n"
    )
    ds = read_files([("followers.csv", text.encode())], today=TODAY)
    sums = _sums(ds)
    assert ds.files[0].channel == "linkedin"
    assert "followers" not in set(ds.frame["metric"].dropna())
    assert sums[("new_followers", "organic")] == 23
    assert sums[("new_followers", "paid")] == 2


def test_google_ads_in_indonesian_reads_conversion_value_as_revenue() -> None:
    """Google Ads in Indonesian calls conversion value `Nilai konv.`: it is revenue, not unknown."""
    text = (
        "Laporan kampanye\n1 Juli 2026 - 2 Juli 2026\n"
        "Hari;Kampanye;Kode mata uang;Tayangan;Klik;Biaya;Konversi;Nilai konv.\n"
        '2026-07-01;Brand;IDR;1.200;150;"187.500,00";3,00;"900.000,00"\n'
        '2026-07-02;Brand;IDR;1.350;160;"200.000,00";2,50;"750.000,00"\n'
    )
    ds = read_files([("Laporan kampanye.csv", text.encode())], today=TODAY)
    assert _sums(ds)[("revenue", "paid")] == 1650000


def test_linkedins_older_update_engagement_sheet_is_linkedin() -> None:
    """LinkedIn's older `Update title, Update link, Update type` sheet is LinkedIn, not Other."""
    text = (
        "Update title,Update link,Update type,Created date,Impressions,Clicks,Likes\n"
        "Update A,https://www.linkedin.com/feed/update/urn:li:activity:3,Organic,07/01/2026,800,12,10\n"
    )
    ds = read_files([("updates.csv", text.encode())], today=TODAY)
    assert ds.files[0].layout == "linkedin_page_posts"
    assert ds.files[0].channel == "linkedin"


@pytest.mark.parametrize("platform", ["audience_network", "Audience Network", "Messenger"])
def test_meta_ads_own_placements_are_facebook_paid(platform: str) -> None:
    """Meta Ads rows on Platform `Audience Network` or `Messenger` are Meta's own ad
    placements: filed under Facebook (paid), with no unknown-channel warning."""
    data = (
        "\ufeffCampaign name,Platform,Reporting starts,Reporting ends,Amount spent (IDR),"
        f"Impressions\nPromo,facebook,2026-07-01,2026-07-01,100000,1000\n"
        f"Promo,{platform},2026-07-01,2026-07-01,5000,300\n"
    ).encode()
    ds = read_files([("meta_ads_platform.csv", data)], today=TODAY)
    frame = ds.frame
    assert set(frame["channel"]) == {"facebook"}
    assert set(frame["placement"]) == {"paid"}
    assert frame.loc[frame["metric"] == "spend", "value"].sum() == 105000
    assert not [p for p in ds.files[0].problems if p.code == "unknown_channels"]


def test_a_plain_total_csv_is_not_taken_for_youtube_studios() -> None:
    """Only inside a Studio zip does `Total.csv` name YouTube: a spreadsheet called so is not."""
    text = "Tanggal,Penjualan,Pesanan\n01/07/2026,1500000,12\n02/07/2026,1250000,9\n"
    ds = read_files([("Total.csv", text.encode())], today=TODAY)
    assert ds.files[0].layout == "wide"
    assert "youtube" not in set(ds.frame["channel"].astype("str"))


def test_tiktok_ads_report_with_metas_column_names_is_tiktok() -> None:
    """A TikTok Ads report carrying `Campaign name` and `Cost per result` (as Meta's do) is TikTok
    paid, and its `Paid followers` are follows gained, not a follower total."""
    text = (
        "By Day,Campaign name,Currency,Cost,CPC (destination),Impressions,Clicks (destination),"
        "Results,Cost per result,Paid followers\n"
        "2026-07-01,Promo,IDR,99500,995,10000,100,20,4975,7\n"
        "2026-07-02,Promo,IDR,199000,995,20000,200,40,4975,9\n"
    )
    ds = read_files([("Campaign report.csv", text.encode())], today=TODAY)
    assert (ds.files[0].layout, ds.files[0].channel) == ("tiktok_ads_manager", "tiktok")
    assert "followers" not in set(ds.frame["metric"].dropna())
    assert _sums(ds)[("new_followers", "paid")] == 16


def test_google_ads_video_views_are_not_added_to_impressions() -> None:
    """Google Ads' `Views` (video views) beside `Impr.` are views: impressions stay 12,000, not
    15,000."""
    text = (
        "Campaign report\nJuly 1, 2026 - July 31, 2026\n"
        "Campaign,Currency code,Impr.,Views,View rate,Avg. CPV,Cost\n"
        "Video - Promo,IDR,12000,3000,25.00%,150.00,450000.00\n"
    )
    ds = read_files([("Campaign report.csv", text.encode())], today=TODAY)
    sums = _sums(ds)
    assert sums[("impressions", "paid")] == 12000
    assert sums[("video_views", "paid")] == 3000
    assert _only(ds, "view_rate")["value"].tolist() == [0.25]


def test_ga4_engagement_rate_is_engaged_sessions_per_session() -> None:
    """GA4's `Engagement rate` is engaged sessions per session, never engagements per reach."""
    text = (
        "# Tech details: Device category\n# Account: Toko Kita\n\n"
        "Device category,Active users,Engaged sessions,Engagement rate\n"
        "mobile,1200,800,0.612\ndesktop,300,250,0.7\n"
    )
    ds = read_files([("ga4_tech.csv", text.encode())], today=TODAY)
    metrics = set(ds.frame["metric"].dropna())
    assert "engaged_session_rate" in metrics
    assert "engagement_rate" not in metrics


def test_facebook_posts_exported_in_indonesian_are_facebook_posts() -> None:
    """Meta Business Suite's Facebook posts in Indonesian (`ID Postingan`, `ID Halaman`, `Waktu
    penerbitan`) are read as Facebook posts, each lifetime row dated by its publish time."""
    text = (
        "\ufeffID Postingan,ID Halaman,Nama Halaman,Durasi (dtk),Waktu penerbitan,Jenis keterangan,"
        "Permalink,Tanggal,Tayangan,Jangkauan,Reaksi,Detik ditonton\n"
        "1234567890123456789,1098765432109876,Toko Kita,35,07/01/2026 10:00,-,"
        "https://www.facebook.com/x/1,Seumur hidup,1200,900,40,5400\n"
    )
    ds = read_files([("Jul-01-2026_Jul-31-2026.csv", text.encode())], today=TODAY)
    report = ds.files[0]
    assert (report.layout, report.channel) == ("meta_fb_posts", "facebook")
    assert report.unknown_columns == ()
    assert _only(ds, "watch_time")["date"].tolist() == [pd.Timestamp("2026-07-01")]


def test_google_business_profile_in_indonesian_is_the_store() -> None:
    """Google Business Profile's Indonesian export (`Kode toko`, `Rute`, `Klik situs`) is the
    physical store's own listing."""
    text = (
        "Kode toko,Nama bisnis,Alamat,Panggilan,Rute,Klik situs\n"
        "TK-01,Toko Kita,Jl. Merdeka 1,12,30,44\n"
    )
    ds = read_files([("gbp.csv", text.encode())], today=TODAY)
    assert (ds.files[0].layout, ds.files[0].channel) == ("gbp_insights", "store")
    assert _sums(ds)[("link_clicks", "organic")] == 44


def test_tiktok_shop_key_metrics_in_english_are_the_marketplace() -> None:
    """TikTok Shop's key metrics in the English UI (`GMV`, `Visitors`, `Refunds`) are the
    marketplace's own figures, refunds apart from the sales."""
    text = (
        ",GMV,Gross revenue,Orders,Visitors,Refunds\n"
        "01/07/2026,Rp10.945.407,Rp10.000.000,90,4200,Rp50.000\n"
    )
    ds = read_files([("key_metrics.csv", text.encode())], today=TODAY)
    assert (ds.files[0].layout, ds.files[0].channel) == ("tiktok_shop_key_metrics", "tokopedia")
    assert ds.files[0].unknown_columns == ()
    assert _only(ds, "refunds")["value"].tolist() == [50000.0]


def test_gmv_max_roi_is_a_return_on_ad_spend() -> None:
    """GMV Max's `ROI` is gross revenue over cost (6.48x), read as ROAS, never as a profit ratio."""
    text = (
        "Nama kampanye,ID Campaign,Biaya,Pesanan SKU,Pendapatan kotor,ROI,Mata uang\n"
        "GMV Max - Gamis,1834567890123456,1523400.55,61,9876540.00,6.48,IDR\n"
    )
    ds = read_files([("gmv_max.csv", text.encode())], today=TODAY)
    assert _only(ds, "roas")["value"].tolist() == [6.48]
    assert "roi" not in set(ds.frame["metric"].dropna())
