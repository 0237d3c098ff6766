"""Names as the user reads them, in English and Bahasa Indonesia."""

from __future__ import annotations

from datetime import date

import pytest

from kpi_core.labels import (
    channel_label,
    distinguish,
    layout_label,
    metric_label,
    placement_label,
    problem_message,
)
from kpi_core.models import FileReport, Problem


def test_names_are_translated() -> None:
    """Metric, channel and placement names follow the language; unknown metrics keep their name."""
    assert metric_label("reach", "id") == "Jangkauan"
    assert metric_label(None, "id", "Kolom Aneh") == "Kolom Aneh"
    assert channel_label("store", "en") != channel_label("store", "id")
    assert placement_label("paid", "id") == "Berbayar"


@pytest.mark.parametrize(
    ("first", "last", "lang", "expected"),
    [
        ("2026-09-10", "2026-09-15", "en", "6 day(s) (10–15 Sep 2026)"),
        ("2026-09-28", "2026-10-03", "id", "6 hari (28 Sep – 3 Okt 2026)"),
        ("2025-12-30", "2026-01-02", "en", "4 day(s) (30 Dec 2025 – 2 Jan 2026)"),
        ("2026-09-10", "2026-09-10", "en", "1 day(s) (10 Sep 2026)"),
    ],
)  # fmt: skip
def test_an_overlap_of_some_days_names_them(
    first: str, last: str, lang: str, expected: str
) -> None:
    """An export that repeats only some days of another says how many days, and which."""
    days = (date.fromisoformat(last) - date.fromisoformat(first)).days + 1
    problem = Problem(
        "b.csv", "overlap", column="b.csv", count=days, examples=("spend",), detail="a.csv",
        date_from=first, date_to=last, days=days,
    )  # fmt: skip
    assert expected in problem_message(problem, lang)


def test_a_file_with_organic_and_paid_columns_says_so() -> None:
    """A file holding both placements reads `Organic & paid`, not `several`, in both languages."""
    assert placement_label(None, "en") == "Organic & paid"
    assert placement_label(None, "id") == "Organik & berbayar"


@pytest.mark.parametrize(
    ("labels", "sources", "expected"),
    [
        (["Views on Google Maps"] * 2, ["Google Maps - Mobile", "Google Maps - Desktop"],
         ["Views on Google Maps (mobile)", "Views on Google Maps (desktop)"]),
        (["Link clicks"] * 2, ["Link clicks", "Klik tautan"],
         ["Link clicks", "Link clicks (Klik tautan)"]),
        (["Reach", "Reach", "Views"], ["Reach (organic)", "Reach", "Views"],
         ["Reach (organic)", "Reach", "Views"]),
        (["Purchases"] * 2, ["Order ID", "Pesanan"],
         ["Purchases (Order ID)", "Purchases (Pesanan)"]),
    ],
)  # fmt: skip
def test_metrics_read_alike_say_which_column(
    labels: list[str], sources: list[str], expected: list[str]
) -> None:
    """Two columns read as one metric are told apart by what differs in their names."""
    assert distinguish(labels, sources) == expected


SPLIT = ["Tayangan produk (Kartu produk)", "Tayangan produk (LIVE)", "Tayangan produk (Lainnya)",
         "Tayangan produk (Video)"]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "label", "expected"),
    [
        ("en", "Impressions", ["Impressions (product card)", "Impressions (LIVE)",
                               "Impressions (other)", "Impressions (video)"]),
        ("id", "Tayangan", ["Tayangan (kartu produk)", "Tayangan (LIVE)", "Tayangan (lainnya)",
                            "Tayangan (video)"]),
    ],
)  # fmt: skip
def test_a_split_column_names_its_part_in_the_language(
    lang: str, label: str, expected: list[str]
) -> None:
    """TikTok Shop's columns split by traffic source name the source in the page's language."""
    assert distinguish([label] * 4, SPLIT, lang=lang) == expected


def test_a_split_column_beside_a_plain_one_keeps_its_brackets_whole() -> None:
    """Units sold split by source beside an orders file's Quantity reads "(product card)" and
    "(Quantity)", never a cut "(Produk terjual (Kartu produk"."""
    sources = ["Produk terjual (Kartu produk)", "Produk terjual (LIVE)", "Quantity"]
    labels = distinguish(["Units sold"] * 3, sources, lang="en")
    assert labels == ["Units sold (product card)", "Units sold (LIVE)", "Units sold (Quantity)"]


def test_metrics_in_different_scopes_are_not_told_apart() -> None:
    """Revenue on Shopee and Revenue on the website are two channels, not two columns."""
    labels = distinguish(["Revenue"] * 2, ["Revenue", "Pendapatan"], ["shopee", "website"])
    assert labels == ["Revenue", "Revenue"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "TikTok Studio: overview · content · follower history · viewers"),
        ("id", "TikTok Studio: ikhtisar · konten · riwayat pengikut · penonton"),
    ],
)
def test_a_recognised_export_is_described_in_the_language(lang: str, expected: str) -> None:
    """A TikTok Studio zip reads as its product once, then each part in the chosen language."""
    parts = {"overview": "overview", "content": "content", "followers": "follower history",
             "viewers": "viewers"}  # fmt: skip
    report = FileReport(
        name="tiktok_studio_export.zip",
        layout=", ".join(f"tiktok_studio_{i}" for i in parts),
        platform=" · ".join(f"TikTok Studio: {p}" for p in parts.values()),
        channel="tiktok", placement="organic", rows_read=1, rows_skipped=0,
    )  # fmt: skip
    assert layout_label(report, lang) == expected


def test_every_export_described_in_words_has_its_indonesian_description() -> None:
    """Each layout whose name describes a part in words ('TikTok Shop Seller Center: orders')
    reads in Indonesian on the upload page and in `--lang id` ('…: pesanan')."""
    from kpi_core.ingest.layouts import layouts

    described = [
        x for x in layouts() if ": " in x.platform and x.platform.split(": ")[1][0].islower()
    ]
    assert described
    for found in described:
        report = FileReport(
            name="export.csv", layout=found.id, platform=found.platform, channel="other",
            placement="organic", rows_read=1, rows_skipped=0,
        )  # fmt: skip
        assert layout_label(report, "id") != found.platform, found.id


@pytest.mark.parametrize("lang", ["en", "id"])
def test_an_overlap_names_each_file_once(lang: str) -> None:
    """A whole file repeating another's users names each file once, not "a.csv: 6 figures of
    a.csv ... from b.csv ... from b.csv"."""
    problem = Problem(
        "ga4_user_acquisition.csv", "overlap", column="ga4_user_acquisition.csv", count=6,
        examples=("users",), detail="ga4_reports_snapshot.csv [Active users by Nth day]",
    )  # fmt: skip
    text = problem_message(problem, lang)
    assert text.count("ga4_user_acquisition.csv") == 1
    assert text.count("ga4_reports_snapshot.csv") == 1
    assert text.count(".") == text.count(".csv") + 1  # one sentence


@pytest.mark.parametrize(
    ("lang", "label", "expected"),
    [
        ("en", "GMV from creators", ["GMV from creators (LIVE)", "GMV from creators (video)"]),
        ("id", "GMV dari kreator", ["GMV dari kreator (LIVE)", "GMV dari kreator (video)"]),
    ],
)  # fmt: skip
def test_creator_gmv_of_lives_and_of_videos_read_apart_in_the_language(
    lang: str, label: str, expected: list[str]
) -> None:
    """TikTok Shop's "GMV dari LIVE kreator" and "GMV dari video" say LIVE and video as its
    split columns do, not an Indonesian fragment ("LIVE kreator") on an English page."""
    sources = ["GMV dari LIVE kreator", "GMV dari video"]
    assert distinguish([label] * 2, sources, lang=lang) == expected
