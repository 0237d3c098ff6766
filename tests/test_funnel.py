"""The funnel: stage figures, their bases, missing stages, scopes and period comparison."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd
import pytest

from kpi_core.derive import summarise
from kpi_core.funnel import (
    COHORT_NOTE,
    Funnel,
    StageFigure,
    build_funnel,
    channel_funnels,
    drop_off,
    placement_funnels,
    stage_options,
)
from kpi_core.ingest import read_files
from kpi_core.models import Stage
from tests.frames import shop, tidy


def by_stage(funnel: Funnel) -> dict[Stage, StageFigure]:
    """The funnel's stages by stage id."""
    return {s.stage: s for s in funnel.stages}


def test_stage_values_and_both_percentages_on_a_known_frame() -> None:
    """Each stage counts its best metric across channels, with % of first and % of previous."""
    stages = by_stage(build_funnel(summarise(shop()), ["sales", "leads"]))
    assert [stages[s].metric for s in Stage] == ["reach", "link_clicks", "leads", "purchases", None]
    assert stages[Stage.AWARENESS].value == 150_000
    assert stages[Stage.INTEREST].value == 2_500
    assert stages[Stage.CONVERSION].value == 40
    assert stages[Stage.CONVERSION].pct_of_first == pytest.approx(40 / 150_000)
    assert stages[Stage.CONVERSION].pct_of_previous == pytest.approx(40 / 100)
    assert stages[Stage.CONVERSION].basis is Stage.EVALUATION
    assert stages[Stage.EVALUATION].lost == 2_400
    assert stages[Stage.AWARENESS].pct_of_first == 1.0


def test_a_stage_without_data_is_missing_not_zero_and_the_next_looks_further_back() -> None:
    """No lead metric: evaluation is missing and conversion's % of previous is against interest."""
    frame = shop()
    frame = frame[frame["metric"] != "leads"]
    stages = by_stage(build_funnel(summarise(frame), ["sales"]))
    assert stages[Stage.EVALUATION].missing and stages[Stage.EVALUATION].value is None
    assert stages[Stage.CONVERSION].basis is Stage.INTEREST
    assert stages[Stage.CONVERSION].skipped
    assert stages[Stage.CONVERSION].pct_of_previous == pytest.approx(40 / 2_500)
    assert stages[Stage.RETENTION].missing


ZERO_MESSAGES = [
    ("2026-01-01", "store", "organic", "reach", 1_000, "count"),
    ("2026-01-01", "store", "organic", "messaging_conversations", 0, "count"),
    ("2026-01-01", "store", "organic", "purchases", 50, "count"),
]


def test_a_metric_counted_as_zero_never_stands_for_a_stage_by_itself() -> None:
    """A column of zeros (messages a store does not use) leaves its stage missing, not at 0."""
    stages = by_stage(build_funnel(summarise(tidy(ZERO_MESSAGES))))
    assert stages[Stage.EVALUATION].missing
    assert stages[Stage.EVALUATION].options == ("messaging_conversations",)
    assert stages[Stage.CONVERSION].basis is Stage.AWARENESS
    assert stages[Stage.CONVERSION].pct_of_previous == pytest.approx(0.05)


def test_a_stage_the_user_counts_as_zero_is_never_a_base() -> None:
    """A zero stage the user picked is shown as zero; the next stage's % skips back past it."""
    choices = {"evaluation": "messaging_conversations"}
    stages = by_stage(build_funnel(summarise(tidy(ZERO_MESSAGES)), choices=choices))
    assert stages[Stage.EVALUATION].value == 0
    assert stages[Stage.CONVERSION].basis is Stage.AWARENESS
    assert stages[Stage.CONVERSION].pct_of_previous == pytest.approx(0.05)


def test_a_metric_on_a_small_share_of_the_stage_does_not_stand_for_it() -> None:
    """Email's link clicks do not measure an interest stage that holds 80x more site sessions."""
    frame = tidy([
        ("2026-01-01", "linkedin", "organic", "impressions", 1_300_000, "count"),
        ("2026-01-01", "linkedin", "organic", "clicks", 9_900, "count"),
        ("2026-01-01", "email", "organic", "link_clicks", 4_600, "count"),
        ("2026-01-01", "website", "organic", "sessions", 370_000, "count"),
        ("2026-01-01", "website", "organic", "sign_ups", 4_000, "count"),
    ])  # fmt: skip
    summary = summarise(frame)
    interest = by_stage(build_funnel(summary, ["conversions"]))[Stage.INTEREST]
    assert (interest.metric, interest.value, interest.chosen) == ("sessions", 370_000, "default")
    assert stage_options(summary, Stage.INTEREST, ["conversions"])[0] == "sessions"
    email = by_stage(build_funnel(summary, ["conversions"], channel="email"))[Stage.INTEREST]
    assert email.metric == "link_clicks"


def test_the_metric_on_the_most_channels_stands_for_the_stage() -> None:
    """Among metrics that each hold a fair share of the stage, the one on more channels wins."""
    frame = tidy([
        ("2026-01-01", "instagram", "organic", "reach", 40_000, "count"),
        ("2026-01-01", "instagram", "organic", "impressions", 60_000, "count"),
        ("2026-01-01", "facebook", "organic", "impressions", 50_000, "count"),
        ("2026-01-01", "linkedin", "organic", "impressions", 30_000, "count"),
    ])  # fmt: skip
    awareness = by_stage(build_funnel(summarise(frame)))[Stage.AWARENESS]
    assert (awareness.metric, awareness.value) == ("impressions", 140_000)


def test_a_physical_store_converts_through_its_own_signals() -> None:
    """For a physical store the conversion stage is its store visits, not the till's purchases."""
    frame = tidy([
        ("2026-01-01", "instagram", "organic", "reach", 70_000, "count"),
        ("2026-01-01", "store", "organic", "store_visits", 3_000, "count"),
        ("2026-01-01", "store", "organic", "purchases", 2_000, "count"),
    ])  # fmt: skip
    summary = summarise(frame)
    store = by_stage(build_funnel(summary, ["sales"], model="physical_store"))[Stage.CONVERSION]
    assert (store.metric, store.chosen) == ("store_visits", "goal")
    awareness_only = build_funnel(summary, ["awareness"], model="physical_store")
    assert by_stage(awareness_only)[Stage.CONVERSION].chosen == "model"
    assert by_stage(build_funnel(summary, ["sales"]))[Stage.CONVERSION].metric == "purchases"


def test_a_stage_larger_than_the_one_before_is_not_called_a_conversion_rate() -> None:
    """A stage above its base keeps its ratio in the model but is marked, and the table says so."""
    frame = tidy([
        ("2026-01-01", "instagram", "organic", "reach", 100_000, "count"),
        ("2026-01-01", "instagram", "organic", "link_clicks", 2_000, "count"),
        ("2026-01-01", "website", "organic", "purchases", 7_000, "count"),
    ])  # fmt: skip
    funnel = build_funnel(summarise(frame), ["sales"])
    conversion = by_stage(funnel)[Stage.CONVERSION]
    assert conversion.more_than_previous and conversion.pct_of_previous == pytest.approx(3.5)
    assert not by_stage(funnel)[Stage.INTEREST].more_than_previous
    row = drop_off(funnel).set_index("Stage").loc["Conversion"]
    assert pd.isna(row["% of previous stage"]) and pd.isna(row["Lost"])
    assert row["Note"] == "not a conversion rate (more than the stage before)"
    assert "bukan tingkat konversi" in drop_off(funnel, "id").iloc[3]["Catatan"]


def test_goals_decide_which_metric_stands_for_a_stage() -> None:
    """With an engagement goal interest is measured by comments; otherwise by link clicks."""
    summary = summarise(shop())
    assert by_stage(build_funnel(summary, ["sales"]))[Stage.INTEREST].metric == "link_clicks"
    engaged = by_stage(build_funnel(summary, ["engagement"]))[Stage.INTEREST]
    assert (engaged.metric, engaged.chosen) == ("comments", "goal")


def test_the_caller_can_choose_a_stage_metric() -> None:
    """A chosen metric replaces the automatic one and is marked as the user's choice."""
    interest = by_stage(build_funnel(summarise(shop()), choices={"interest": "clicks"}))[
        Stage.INTEREST
    ]
    assert (interest.metric, interest.value, interest.chosen) == ("clicks", 1_000, "user")


def test_only_counts_make_a_stage() -> None:
    """Money and rates never stand for a stage: revenue is not among conversion's options."""
    options = stage_options(summarise(shop()), Stage.CONVERSION, ["sales"])
    assert options == ("purchases",)


def test_per_channel_funnels_use_each_channels_own_data() -> None:
    """Each channel gets its own funnel, with its own stages missing where it has no data."""
    funnels = {f.channel: by_stage(f) for f in channel_funnels(summarise(shop()), ["sales"])}
    assert set(funnels) == {"facebook", "instagram", "website"}
    assert funnels["instagram"][Stage.AWARENESS].value == 100_000
    assert funnels["instagram"][Stage.CONVERSION].missing
    assert funnels["website"][Stage.AWARENESS].missing
    assert funnels["website"][Stage.INTEREST].metric == "sessions"


def test_organic_and_paid_use_the_same_metric_per_stage() -> None:
    """Side by side, organic and paid measure every stage with the same metric, so they compare."""
    organic, paid = placement_funnels(summarise(shop()), ["sales", "leads"])
    assert (organic.placement, paid.placement) == ("organic", "paid")
    assert by_stage(organic)[Stage.INTEREST].metric == by_stage(paid)[Stage.INTEREST].metric
    assert by_stage(organic)[Stage.INTEREST].value == 2_000
    assert by_stage(paid)[Stage.INTEREST].value == 500
    assert by_stage(organic)[Stage.EVALUATION].missing


def test_drop_off_table_has_count_both_percentages_and_lost() -> None:
    """The drop-off table lists stage, count, % of first and % of previous stage with its basis,
    and the people lost."""
    table = drop_off(build_funnel(summarise(shop()), ["sales", "leads"]))
    assert list(table.columns) == [
        "Stage", "Metric", "Count", "% of first stage", "% of previous stage",
        "Previous stage with data", "Lost", "Note",
    ]  # fmt: skip
    row = table.set_index("Stage").loc["Conversion"]
    assert (row["Count"], row["% of previous stage"], row["Lost"]) == (40, 40.0, 60)
    assert row["% of first stage"] == round(40 / 150_000 * 100, 4) > 0
    assert table.set_index("Stage").loc["Awareness", "% of first stage"] == 100.0
    assert row["Previous stage with data"] == "Evaluation"
    assert drop_off(build_funnel(summarise(shop())), "id").columns[0] == "Tahap"


def test_every_funnel_says_it_is_a_ratio_of_totals() -> None:
    """A funnel from aggregated exports carries the note that it is not a tracked cohort."""
    assert COHORT_NOTE in build_funnel(summarise(shop())).notes


def test_every_funnel_message_is_in_english_and_indonesian() -> None:
    """No untranslated label: every key of messages_funnel.toml has `en` and `id`."""
    path = Path(__file__).resolve().parents[1] / "kpi_core" / "data" / "messages_funnel.toml"

    def walk(table: dict[str, object], prefix: str = "") -> list[str]:
        if "en" in table:
            return [] if isinstance(table.get("id"), str) and table["id"] else [prefix]
        return [
            k
            for key, sub in table.items()
            if isinstance(sub, dict)
            for k in walk(sub, f"{prefix}.{key}")
        ]

    assert walk(tomllib.loads(path.read_text(encoding="utf-8"))) == []


def test_a_shops_conversion_stage_is_its_own_orders_not_plus_its_videos() -> None:
    """With the shop's key metrics beside its video and LIVE lists, the conversion stage counts
    the shop's 1,567 orders once, not the videos' and LIVEs' orders on top."""
    fixtures = Path(__file__).parent / "fixtures"
    names = ("tiktok_shop_key_metrics.xlsx", "Video_list_20260701-20260731.xlsx",
             "Live_list_20260701-20260731.xlsx")  # fmt: skip
    frame = read_files([fixtures / n for n in names]).frame
    funnel = build_funnel(summarise(frame), ["sales"], choices={Stage.CONVERSION: "purchases"})
    assert by_stage(funnel)[Stage.CONVERSION].value == 1567


def test_a_shops_awareness_is_its_product_impressions_not_one_live_lists_viewers() -> None:
    """Beside the shop's key metrics and product list, awareness counts the 219,606 product
    impressions of every product, not the 6,778 viewers of the LIVE list alone, and interest
    counts the shop's visitors."""
    fixtures = Path(__file__).parent / "fixtures"
    names = ("tiktok_shop_key_metrics.xlsx", "Product_list_20260701-20260731.xlsx",
             "Video_list_20260701-20260731.xlsx", "Live_list_20260701-20260731.xlsx",
             "Semua pesanan-2026-09-03-10_00.csv")  # fmt: skip
    summary = summarise(read_files([fixtures / n for n in names]).frame)
    stages = by_stage(build_funnel(summary, ["sales"], model="online_store"))
    assert (stages[Stage.AWARENESS].metric, stages[Stage.AWARENESS].value) == (
        "impressions",
        219_606,
    )
    assert stages[Stage.INTEREST].metric == "users"
    # The LIVE viewers stay a choice the user can make.
    assert "reach" in stages[Stage.AWARENESS].options


def test_a_live_list_alone_still_has_its_viewers_as_awareness() -> None:
    """With no file for the whole shop, a LIVE list's viewers are the best awareness it has."""
    fixtures = Path(__file__).parent / "fixtures"
    summary = summarise(read_files([fixtures / "Live_list_20260701-20260731.xlsx"]).frame)
    assert by_stage(build_funnel(summary, ["sales"]))[Stage.AWARENESS].metric == "reach"


LOST_ORDERS = [
    ("2026-01-05", "tokopedia", "organic", "product_clicks", 9_000, "count"),
    ("2026-01-05", "tokopedia", "organic", "cancelled_orders", 700, "count"),
    ("2026-01-05", "tokopedia", "organic", "returned_orders", 300, "count"),
]


@pytest.mark.parametrize("goals", [["sales"], ["conversions"], []])
def test_cancelled_or_returned_orders_never_stand_for_a_stage(goals: list[str]) -> None:
    """Cancellations and returns are orders lost, not a conversion: the stage goes to the
    purchases when there are any, and is missing, not cancellations, when there are none."""
    with_sales = summarise(
        tidy([*LOST_ORDERS, ("2026-01-05", "tokopedia", "organic", "purchases", 40, "count")])
    )
    stages = by_stage(build_funnel(with_sales, goals, model="online_store"))
    assert stages[Stage.CONVERSION].metric == "purchases"
    assert not {"cancelled_orders", "returned_orders"} & set(stages[Stage.CONVERSION].options)
    lost_only = by_stage(build_funnel(summarise(tidy(LOST_ORDERS)), goals, model="online_store"))
    assert lost_only[Stage.CONVERSION].missing
    options = stage_options(summarise(tidy(LOST_ORDERS)), Stage.CONVERSION, goals)
    assert options == ()
