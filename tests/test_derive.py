"""The period summary and derived rates of a tidy frame."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from kpi_core.derive import SUMMARY_COLUMNS, derive_rates, summarise, value_or_none
from kpi_core.ingest import read_files
from kpi_core.models import TIDY_COLUMNS
from tests.frames import tidy as campaigns


def tidy(*rows: tuple[Any, ...]) -> pd.DataFrame:
    """Rows as (day, channel, placement, metric, value, unit, source_name[, post_id])."""
    records = []
    for r in rows:
        day, channel, placement, metric, value, unit, source = r[:7]
        post = r[7] if len(r) > 7 else None
        when = pd.Timestamp(day) if day else pd.NaT
        records.append((when, channel, placement, metric, value, unit, source, None, post, "f.csv"))
    frame = pd.DataFrame(records, columns=list(TIDY_COLUMNS[:10]))
    for extra in TIDY_COLUMNS[10:]:  # later columns (the table inside a file) follow the file
        frame[extra] = frame["file"]
    return frame


def row(summary: pd.DataFrame, metric: str, channel: str = "instagram", **where: Any) -> pd.Series:
    """The single summary row for a metric on a channel."""
    hit = summary[(summary["metric"] == metric) & (summary["channel"] == channel)]
    for key, value in where.items():
        hit = hit[hit[key] == value]
    assert len(hit) == 1, hit
    return hit.iloc[0]


IG = ("instagram", "organic")
FRAME = tidy(
    ("2026-01-01", *IG, "reach", 100.0, "count", "Jangkauan", "p1"),
    ("2026-01-02", *IG, "reach", 300.0, "count", "Jangkauan", "p2"),
    ("2026-01-01", *IG, "engagements", 10.0, "count", "Engagements", "p1"),
    ("2026-01-02", *IG, "engagements", 30.0, "count", "Engagements", "p2"),
    ("2026-01-01", *IG, "followers", 1000.0, "count", "Pengikut"),
    ("2026-01-03", *IG, "followers", 1010.0, "count", "Pengikut"),
    ("2026-01-02", *IG, "followers", 1005.0, "count", "Pengikut"),
    ("2026-01-01", *IG, "engagement_rate", 0.5, "fraction", "Engagement rate", "p1"),
    ("2026-01-01", *IG, "new_followers", 10.0, "count", "New followers"),
    ("2026-01-01", *IG, "time_on_page", 30.0, "seconds", "Time on page"),
    ("2026-01-02", *IG, "time_on_page", 50.0, "seconds", "Time on page"),
    ("2026-01-01", "facebook", "paid", "spend", 200000.0, "IDR", "Amount spent (IDR)"),
    ("2026-01-01", "facebook", "paid", "impressions", 10000.0, "count", "Impressions"),
    ("2026-01-01", "facebook", "paid", "revenue", 500000.0, "IDR", "Revenue (IDR)"),
    ("2026-01-01", "facebook", "paid", "clicks", 0.0, "count", "Clicks"),
)


def test_summary_has_the_contract_columns() -> None:
    """The summary carries the columns the classification and the CLI read."""
    assert tuple(summarise(FRAME).columns) == SUMMARY_COLUMNS


def test_counts_and_money_are_summed() -> None:
    """Counts and money add up over the period (basis `sum`); unique counts like reach too."""
    summary = summarise(FRAME)
    assert row(summary, "reach")[["value", "value_basis"]].tolist() == [400.0, "sum"]
    spend = row(summary, "spend", "facebook")
    assert (spend["value"], spend["unit"], spend["value_basis"]) == (200000.0, "IDR", "sum")


def test_cumulative_total_takes_the_last_date() -> None:
    """Followers take the last date's value, whatever the row order (basis `last`)."""
    summary = summarise(FRAME.sample(frac=1, random_state=3))
    assert row(summary, "followers")[["value", "value_basis"]].tolist() == [1010.0, "last"]


def test_an_email_list_size_takes_its_last_week_not_the_sum() -> None:
    """A weekly email list size is a running total: the period's value is the last week's size."""
    email = ("email", "organic")
    weekly = tidy(
        *[(f"2026-01-{d:02d}", *email, "email_subscribers", size, "count", "Email subscribers")
          for d, size in ((5, 3213.0), (12, 3240.0), (19, 3301.0))],
    )  # fmt: skip
    summary = summarise(weekly)
    assert row(summary, "email_subscribers", "email")[["value", "value_basis"]].tolist() == [
        3301.0, "last",
    ]  # fmt: skip


def test_averages_are_averaged() -> None:
    """A duration such as time on page is a per-row average: basis `mean`."""
    assert row(summarise(FRAME), "time_on_page")[["value", "value_basis"]].tolist() == [40, "mean"]


def test_a_reported_rate_is_recomputed_from_its_parts() -> None:
    """A rate in the file becomes the ratio of its summed parts when they exist (basis `ratio`)."""
    rate = row(summarise(FRAME), "engagement_rate")
    assert (rate["value"], rate["value_basis"], rate["derived"]) == (0.1, "ratio", False)


def test_a_rate_without_parts_is_averaged() -> None:
    """A rate whose parts are missing keeps the mean of its values (basis `mean`)."""
    frame = tidy(
        ("2026-01-01", *IG, "engagement_rate", 0.2, "fraction", "ER"),
        ("2026-01-02", *IG, "engagement_rate", 0.4, "fraction", "ER"),
    )
    rate = row(summarise(frame), "engagement_rate")
    assert rate["value"] == pytest.approx(0.3) and rate["value_basis"] == "mean"


def test_derived_rates_use_parts_on_the_same_channel() -> None:
    """Derived rates are added, labelled and marked derived: CPM, ROAS, ROI, growth, per post."""
    summary = derive_rates(summarise(FRAME))
    cpm = row(summary, "cpm", "facebook")
    assert (cpm["value"], cpm["unit"], cpm["derived"]) == (20000.0, "IDR", True)
    assert row(summary, "roas", "facebook")["value"] == 2.5
    assert row(summary, "roi", "facebook")["value"] == 1.5
    growth = row(summary, "follower_growth_rate")
    assert growth["value"] == pytest.approx(10 / 1010) and growth["value_basis"] == "ratio"
    per_follower = row(summary, "engagement_rate_followers")
    assert per_follower["source_name"] == "Engagement rate (followers)"
    assert row(summary, "posts")["value"] == 2.0


def test_a_reported_rate_is_not_derived_twice() -> None:
    """When the file reports a rate, no derived duplicate of it is added."""
    summary = derive_rates(summarise(FRAME))
    assert len(summary[summary["metric"] == "engagement_rate"]) == 1


def test_rates_never_cross_channels_or_placements() -> None:
    """A rate is never derived from parts on different channels or placements."""
    frame = tidy(
        ("2026-01-01", "instagram", "organic", "engagements", 10.0, "count", "E"),
        ("2026-01-01", "facebook", "organic", "reach", 100.0, "count", "R"),
        ("2026-01-01", "facebook", "paid", "engagements", 10.0, "count", "E"),
        ("2026-01-01", "instagram", "paid", "reach", 100.0, "count", "R"),
    )
    assert "engagement_rate" not in set(derive_rates(summarise(frame))["metric"])


def test_currencies_are_never_added_or_divided_together() -> None:
    """Amounts in two currencies stay separate rows, are flagged, and never divide each other."""
    frame = tidy(
        ("2026-01-01", "facebook", "paid", "spend", 100.0, "USD", "Amount spent (USD)"),
        ("2026-01-01", "facebook", "paid", "spend", 1500000.0, "IDR", "Amount spent (IDR)"),
        ("2026-01-01", "facebook", "paid", "revenue", 3000000.0, "IDR", "Revenue (IDR)"),
    )
    summary = derive_rates(summarise(frame))
    spend = summary[summary["metric"] == "spend"]
    assert sorted(spend["unit"]) == ["IDR", "USD"] and spend["mixed_currency"].all()
    assert row(summary, "roas", "facebook")["value"] == 2.0  # IDR over IDR only


def test_zero_denominator_is_undefined_not_nan() -> None:
    """A rate over zero is undefined: NaN in the summary, None to the outside world."""
    cpc = row(derive_rates(summarise(FRAME)), "cpc", "facebook")
    assert math.isnan(cpc["value"]) and value_or_none(cpc["value"]) is None
    assert value_or_none(float("inf")) is None and value_or_none(2.0) == 2.0


UNDATED = tidy(
    ("2026-01-01", *IG, "reach", 1.0, "count", "Reach"),
    ("2026-02-01", *IG, "reach", 2.0, "count", "Reach"),
    (None, "store", "organic", "calls", 509.0, "count", "Calls"),
)


def test_undated_totals_count_only_in_a_period_covering_all_the_data() -> None:
    """An undated export's Calls count over the whole data span, and say they were included."""
    calls = row(summarise(UNDATED, date(2026, 1, 1), date(2026, 2, 1)), "calls", "store")
    assert (calls["value"], calls["whole_export"], calls["rows"]) == (509.0, "included", 1)
    assert row(summarise(UNDATED), "reach")["whole_export"] == ""


def test_a_shorter_period_lists_undated_totals_without_a_value() -> None:
    """In a shorter period the undated Calls are left out: listed, valueless, marked left_out."""
    summary = derive_rates(summarise(UNDATED, start=date(2026, 1, 15), end=date(2026, 2, 28)))
    assert row(summary, "reach")["value"] == 2.0
    calls = row(summary, "calls", "store")
    assert value_or_none(calls["value"]) is None
    assert (calls["whole_export"], calls["rows"]) == ("left_out", 0)


def test_a_comparison_leaves_undated_totals_out_even_over_the_whole_span() -> None:
    """Asked to leave undated rows out, the summary does so whatever the period."""
    calls = row(summarise(UNDATED, undated=False), "calls", "store")
    assert value_or_none(calls["value"]) is None and calls["whole_export"] == "left_out"


def test_summary_rows_say_which_days_they_cover() -> None:
    """Each summary row carries the first and last day its counted rows cover."""
    summary = summarise(UNDATED)
    reach = row(summary, "reach")
    assert (reach["date_from"], reach["date_to"]) == (
        pd.Timestamp("2026-01-01"), pd.Timestamp("2026-02-01"),
    )  # fmt: skip
    assert pd.isna(row(summary, "calls", "store")["date_from"])


def test_input_frame_is_not_mutated_and_dtype_does_not_matter() -> None:
    """Summarising leaves the frame untouched and reads categorical text like plain strings."""
    before = FRAME.copy()
    plain = derive_rates(summarise(FRAME))
    pd.testing.assert_frame_equal(FRAME, before)
    cats = FRAME.astype({c: "category" for c in ("channel", "placement", "metric", "unit")})
    pd.testing.assert_frame_equal(derive_rates(summarise(cats)), plain)


def test_unknown_metrics_are_kept() -> None:
    """A row whose metric is unknown is summarised under its own name with metric None."""
    frame = tidy(("2026-01-01", *IG, None, 3.0, "count", "Fooba"))
    summary = summarise(frame)
    assert summary["metric"].tolist() == [None] and summary["value"].tolist() == [3.0]


def test_a_rate_read_only_where_reported_is_never_derived_but_keeps_its_parts() -> None:
    """GA4's sessions per user is not added to every upload with sessions and users; where a
    file reports it, it is the ratio of the summed parts."""
    web = ("website", "organic")
    parts = (
        ("2026-01-01", *web, "sessions", 300.0, "count", "Sessions"),
        ("2026-01-01", *web, "users", 200.0, "count", "Users"),
    )
    summary = derive_rates(summarise(tidy(*parts)))
    assert "sessions_per_user" not in set(summary["metric"])
    reported = (
        ("2026-01-01", *web, "sessions_per_user", 1.4, "fraction", "Sessions per user"),
        ("2026-01-02", *web, "sessions_per_user", 1.6, "fraction", "Sessions per user"),
    )
    rate = row(derive_rates(summarise(tidy(*parts, *reported))), "sessions_per_user", "website")
    assert (rate["value"], rate["value_basis"]) == (1.5, "ratio")


def test_a_reported_rate_its_summed_parts_cannot_give_keeps_the_files_figure() -> None:
    """GA4's engaged sessions per user, 0.75 to 1.33 in the file, is not replaced by 0.24 from
    engaged sessions over users summed day by day elsewhere: a ratio of the rows' own parts
    always lies between their lowest and highest rate, so one outside comes from other parts."""
    web = ("website", "organic")
    frame = tidy(
        ("2026-07-01", *web, "engaged_sessions", 10945.0, "count", "Engaged sessions"),
        ("2026-07-01", *web, "users", 45937.0, "count", "Active users"),
        ("2026-07-01", *web, "engaged_sessions_per_user", 0.75, "fraction", "ESPU"),
        ("2026-07-02", *web, "engaged_sessions_per_user", 1.33, "fraction", "ESPU"),
    )  # fmt: skip
    rate = row(summarise(frame), "engaged_sessions_per_user", "website")
    assert (rate["value"], rate["value_basis"]) == (pytest.approx(1.04), "mean")


def test_each_column_of_a_split_rate_keeps_its_own_figure() -> None:
    """Average order value in a LIVE and a video column (TikTok Shop's product list) keeps each
    column's figure, not the shop's revenue over orders repeated in both."""
    shop = ("tokopedia", "organic")
    frame = tidy(
        ("2026-07-01", *shop, "revenue", 1000000.0, "IDR", "Pendapatan"),
        ("2026-07-01", *shop, "purchases", 10.0, "count", "Pesanan"),
        ("2026-07-01", *shop, "average_order_value", 80000.0, "IDR", "AOV (LIVE)"),
        ("2026-07-01", *shop, "average_order_value", 120000.0, "IDR", "AOV (Video)"),
    )
    summary = summarise(frame)
    live = row(summary, "average_order_value", "tokopedia", source_name="AOV (LIVE)")
    video = row(summary, "average_order_value", "tokopedia", source_name="AOV (Video)")
    assert (live["value"], video["value"]) == (80000.0, 120000.0)


def test_a_rate_is_not_derived_from_a_whole_shop_figure_over_one_lists_figure() -> None:
    """Frequency is not the shop's 219,606 product impressions over one LIVE list's 6,778
    viewers (32.4×): a rate's parts both cover the whole shop, or both the same lists."""
    fixtures = Path(__file__).parent / "fixtures"
    names = ("tiktok_shop_key_metrics.xlsx", "Product_list_20260701-20260731.xlsx",
             "Live_list_20260701-20260731.xlsx")  # fmt: skip
    rates = derive_rates(summarise(read_files([fixtures / n for n in names]).frame))
    assert "frequency" not in set(rates["metric"])
    assert "ctr" in set(rates["metric"])  # product clicks over product impressions, both whole


def test_net_follower_growth_makes_its_own_growth_rate() -> None:
    """TikTok Studio's net follower change over its followers is a net follower growth rate."""
    studio = Path(__file__).parent / "fixtures" / "tiktok_studio_export.zip"
    summary = derive_rates(summarise(read_files([studio]).frame))
    net = summary[summary["metric"] == "net_follower_growth"]["value"].sum()
    followers = summary[summary["metric"] == "followers"]["value"].sum()
    rate = row(summary, "net_follower_growth_rate", "tiktok")
    assert rate["value"] == pytest.approx(net / followers) and rate["derived"]
    assert rate["source_name"] == "Net follower growth rate"


def test_a_cost_reported_on_some_campaigns_rows_is_their_spend_over_their_results() -> None:
    """Meta's cost per result on a messaging campaign's two days (Rp 100 on Rp 1,000 spent, then
    Rp 300 on Rp 300) is Rp 1,300 over 11 chats, Rp 118: not the Rp 200 mean of the daily costs,
    nor the whole account's spend (a sales campaign's too) over the chats."""
    fb = ("facebook", "paid")
    frame = campaigns([
        ("2026-01-01", *fb, "spend", 1000.0, "IDR", "chat"),
        ("2026-01-02", *fb, "spend", 300.0, "IDR", "chat"),
        ("2026-01-01", *fb, "spend", 50000.0, "IDR", "sales"),
        ("2026-01-01", *fb, "messaging_conversations", 10.0, "count", "chat"),
        ("2026-01-02", *fb, "messaging_conversations", 1.0, "count", "chat"),
        ("2026-01-01", *fb, "cost_per_conversation", 100.0, "IDR", "chat"),
        ("2026-01-02", *fb, "cost_per_conversation", 300.0, "IDR", "chat"),
    ])  # fmt: skip
    rate = row(summarise(frame), "cost_per_conversation", "facebook")
    assert (rate["value"], rate["value_basis"]) == (pytest.approx(1300 / 11), "ratio")


def test_a_cost_whose_results_are_not_in_the_file_is_its_rows_spend_over_their_results() -> None:
    """A cost per conversion with no conversions column is still the period's cost: each row's
    results are its spend over its cost (Rp 1,000 / Rp 100 and Rp 300 / Rp 300, 11 in all), so
    the period's cost is Rp 1,300 / 11, not the mean of the daily costs."""
    fb = ("facebook", "paid")
    frame = campaigns([
        ("2026-01-01", *fb, "spend", 1000.0, "IDR", "sales"),
        ("2026-01-02", *fb, "spend", 300.0, "IDR", "sales"),
        ("2026-01-01", *fb, "cpa", 100.0, "IDR", "sales"),
        ("2026-01-02", *fb, "cpa", 300.0, "IDR", "sales"),
    ])  # fmt: skip
    rate = row(summarise(frame), "cpa", "facebook")
    assert (rate["value"], rate["value_basis"]) == (pytest.approx(1300 / 11), "ratio")


def test_a_rate_whose_spend_is_not_on_its_own_rows_keeps_the_mean() -> None:
    """A cost per conversion reported on a day without a spend figure cannot be weighed by its
    spend: the period's figure stays the mean of the file's costs (basis `mean`)."""
    fb = ("facebook", "paid")
    frame = campaigns([
        ("2026-01-01", *fb, "spend", 1000.0, "IDR", "sales"),
        ("2026-01-01", *fb, "cpa", 100.0, "IDR", "sales"),
        ("2026-01-02", *fb, "cpa", 300.0, "IDR", "sales"),
    ])  # fmt: skip
    rate = row(summarise(frame), "cpa", "facebook")
    assert (rate["value"], rate["value_basis"]) == (200.0, "mean")
