"""A rate divides only figures of the same things: one kind of item, or the same totals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from kpi_core.derive import derive_rates, summarise
from kpi_core.ingest import read_files
from kpi_core.windows import KEYS
from tests.test_derive import row, tidy

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 11, 23)
TIKTOK_SHOP = (
    "tiktok_shop_key_metrics.xlsx",
    "Video_list_20260701-20260731.xlsx",
    "Live_list_20260701-20260731.xlsx",
    "Product_list_20260701-20260731.xlsx",
)
GA4 = (
    "ga4_ecommerce_items.csv",
    "ga4_pages_and_screens.csv",
    "ga4_reports_snapshot.csv",
    "ga4_traffic_acquisition.csv",
    "ga4_user_acquisition.csv",
)
WEB = ("website", "organic")


def _rates(*names: str) -> pd.DataFrame:
    """The summary with derived rates of some fixtures uploaded together."""
    return derive_rates(summarise(read_files([FIXTURES / n for n in names], today=TODAY).frame))


def _from(frame: pd.DataFrame, sources: list[str]) -> pd.DataFrame:
    """The frame with each row's table inside its file named, in order."""
    return frame.assign(source=sources, file=sources)


def test_a_lists_impressions_over_another_lists_viewers_is_no_frequency() -> None:
    """The four TikTok Shop files together derive no frequency from the product list's product
    impressions over the LIVE list's viewers (it read 32.4); the shop's own orders over its own
    visitors still give the order conversion rate."""
    summary = _rates(*TIKTOK_SHOP)
    assert "frequency" not in set(summary["metric"])
    rate = row(summary, "order_conversion_rate", "tokopedia")
    assert rate["value"] == pytest.approx(1567 / 169761) and rate["derived"]


def test_views_by_page_over_users_by_day_is_no_views_per_user() -> None:
    """GA4's reports snapshot gives views by page and active users by day: no views per user is
    derived from them (it read 0.76)."""
    assert "views_per_user" not in set(_rates("ga4_reports_snapshot.csv")["metric"])


def test_a_reported_rate_is_not_recomputed_over_people_counted_in_another_report() -> None:
    """Beside the other GA4 reports, views per active user keeps the pages report's own
    figures, not its views over active users summed day by day in the snapshot (1.02)."""
    pages = read_files([FIXTURES / "ga4_pages_and_screens.csv"], today=TODAY).frame
    own = pages.loc[pages["metric"] == "views_per_user", "value"]
    rate = row(_rates(*GA4), "views_per_user", "website")
    assert own.min() <= rate["value"] <= own.max()
    assert (rate["value"], rate["value_basis"]) == (pytest.approx(own.mean()), "mean")


def test_parts_keyed_by_different_kinds_make_no_rate() -> None:
    """Product clicks of videos over impressions of products make no click-through rate, nor a
    post list's engagements over the account's daily reach an engagement rate."""
    frame = tidy(
        ("2026-07-01", *WEB, "clicks", 50.0, "count", "Clicks", "v1"),
        ("2026-07-01", *WEB, "impressions", 1000.0, "count", "Impressions", "sku1"),
        ("2026-07-01", "instagram", "organic", "engagements", 40.0, "count", "Interactions", "p1"),
        ("2026-07-01", "instagram", "organic", "reach", 900.0, "count", "Reach"),
    )  # fmt: skip
    frame = _from(frame, ["videos.xlsx", "products.xlsx", "posts.csv", "reach.csv"])
    frame.attrs[KEYS] = {"videos.xlsx": "video", "products.xlsx": "product", "posts.csv": "post"}
    metrics = set(derive_rates(summarise(frame))["metric"])
    assert not metrics & {"ctr", "engagement_rate"}


def test_people_summed_in_another_report_divide_no_figure() -> None:
    """Users summed over one report's channel groups divide no page views summed in another
    report: a sum of people depends on how its report slices them."""
    frame = tidy(
        (None, *WEB, "page_views", 9000.0, "count", "Views"),
        (None, *WEB, "page_views", 3000.0, "count", "Views"),
        (None, *WEB, "users", 4000.0, "count", "Users"),
        (None, *WEB, "users", 2500.0, "count", "Users"),
    )
    frame = _from(frame, ["pages.csv", "pages.csv", "channels.csv", "channels.csv"])
    assert "views_per_user" not in set(derive_rates(summarise(frame))["metric"])
    same = _from(frame, ["traffic.csv"] * 4)
    assert row(derive_rates(summarise(same)), "views_per_user", "website")["value"] == 12 / 6.5


def test_daily_totals_in_two_files_still_give_a_rate() -> None:
    """Daily reach in one file and daily interactions in another, one total a day each, give
    the engagement rate."""
    ig = ("instagram", "organic")
    frame = tidy(
        ("2026-07-01", *ig, "reach", 900.0, "count", "Jangkauan"),
        ("2026-07-02", *ig, "reach", 1100.0, "count", "Jangkauan"),
        ("2026-07-01", *ig, "engagements", 40.0, "count", "Interaksi"),
        ("2026-07-02", *ig, "engagements", 60.0, "count", "Interaksi"),
    )
    frame = _from(frame, ["reach.csv", "reach.csv", "interactions.csv", "interactions.csv"])
    assert row(derive_rates(summarise(frame)), "engagement_rate")["value"] == 100 / 2000


def test_a_post_lists_likes_are_measured_against_the_accounts_followers() -> None:
    """Followers are the account's audience at the period's end, not a sum: a post list's
    likes per follower are still derived."""
    ig = ("instagram", "organic")
    frame = tidy(
        ("2026-07-01", *ig, "likes", 30.0, "count", "Likes", "p1"),
        ("2026-07-02", *ig, "likes", 70.0, "count", "Likes", "p2"),
        ("2026-07-02", *ig, "followers", 2000.0, "count", "Followers"),
    )
    frame = _from(frame, ["posts.csv", "posts.csv", "followers.csv"])
    frame.attrs[KEYS] = {"posts.csv": "post"}
    assert row(derive_rates(summarise(frame)), "applause_rate_followers")["value"] == 0.05
