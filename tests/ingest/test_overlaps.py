"""Reports keyed by different kinds of thing slice the same totals: one is counted, and told."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kpi_core.ingest import Dataset, read_files
from kpi_core.labels import problem_message

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TODAY = date(2026, 11, 23)

POSTS = b"""Date,Channel,Post ID,Video views
2026-07-01,TikTok,7301,1200
2026-07-01,TikTok,7302,800
2026-07-02,TikTok,7303,500
"""
VIDEOS = b"""Date,Channel,Video ID,Video views
2026-07-01,TikTok,v-88,1500
2026-07-02,TikTok,v-89,700
"""
LANDING_PAGES = b"""# ----------------------------------------
# Landing page: Landing page + query string
# Account: Toko Kita
# Property: tokokita.id - GA4
# ----------------------------------------
#
# All Users
# Start date: 20260701
# End date: 20260731

Landing page,Sessions,Active users,Key events,Total revenue
/,5000,4000,100,20000000
/lp/ramadan?utm_source=ig,3000,2500,60,9000000
/lp/gamis-aisyah,2000,1800,40,6000000
"""


def _counted(ds: Dataset, metric: str) -> float:
    return float(ds.frame.loc[ds.frame["metric"] == metric, "value"].sum())


def _told(ds: Dataset) -> list[str]:
    return [problem_message(p, "en") for r in ds.files for p in r.problems if p.code == "overlap"]


def test_a_post_list_beside_a_video_list_of_the_same_days_counts_one() -> None:
    """TikTok views by post and by video for the same days are the same views: one report's
    figure counts (not 2,500 + 2,200), and the user is told the other's were not added."""
    posts = read_files([("posts.csv", POSTS)], today=TODAY)
    videos = read_files([("videos.csv", VIDEOS)], today=TODAY)
    both = read_files([("posts.csv", POSTS), ("videos.csv", VIDEOS)], today=TODAY)
    assert _counted(both, "video_views") == _counted(posts, "video_views") == 2500
    assert _counted(videos, "video_views") == 2200
    (told,) = _told(both)
    assert "videos.csv" in told and "not added" in told


def test_ga4_revenue_by_page_and_by_landing_page_counts_one() -> None:
    """GA4's July revenue by page path and by landing page is one July's revenue: one report's
    figure counts, and the other is told as not added."""
    pages = FIXTURES / "ga4_pages_and_screens.csv"
    files = [(pages.name, pages.read_bytes()), ("landing_pages.csv", LANDING_PAGES)]
    alone = {_counted(read_files([f], today=TODAY), "revenue") for f in files}
    both = read_files(files, today=TODAY)
    assert _counted(both, "revenue") in alone
    assert any("landing_pages.csv" in text for text in _told(both))


def test_lists_keyed_by_one_kind_still_match_item_by_item() -> None:
    """Two post lists of one day keep a post they both name once and a post only one names."""
    later = b"Date,Channel,Post ID,Video views\n2026-07-01,TikTok,7302,800\n"
    later += b"2026-07-01,TikTok,7309,300\n"
    both = read_files([("posts.csv", POSTS), ("more.csv", later)], today=TODAY)
    assert _counted(both, "video_views") == 2500 + 300


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "holds the same totals sliced another way (by page there, by landing page here)"),
     ("id", "memuat total yang sama dengan rincian lain (per halaman di sana, per halaman "
            "landing di sini)")],
)  # fmt: skip
def test_a_report_of_another_slicing_says_so_in_its_note(lang: str, said: str) -> None:
    """The landing-page report beside the pages report is told as the same totals sliced
    another way, by page there and by landing page here, not as a plain repeat."""
    pages = FIXTURES / "ga4_pages_and_screens.csv"
    files = [(pages.name, pages.read_bytes()), ("landing_pages.csv", LANDING_PAGES)]
    both = read_files(files, today=TODAY)
    (told,) = [p for r in both.files for p in r.problems if p.code == "overlap"]
    text = problem_message(told, lang)
    assert told.file == "landing_pages.csv" and said in text and pages.name in text, text
    assert told.severity == "info"  # two slicings of one report are no mistake
    assert text.count(". ") == 0 and text.endswith(".")
