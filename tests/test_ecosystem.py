"""Channel ecosystems: the red flag on organic sales, each channel's own signal, paid efficiency."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from kpi_core import catalogue
from kpi_core.classify import Classification, classify
from kpi_core.derive import derive_rates, summarise
from kpi_core.ecosystem import (
    channel_ecosystems,
    ecosystem_matrix,
    paid_efficiency,
    signal_message,
    signal_metrics,
)
from kpi_core.i18n import messages
from kpi_core.models import Stage
from tests.frames import shop, tidy


def verdicts(frame: pd.DataFrame | None = None) -> Classification:
    """The classification of a frame (the shop by default) for sales and leads."""
    summary = derive_rates(summarise(shop() if frame is None else frame))
    return classify(summary, ["sales", "leads"], "online_store")


def test_red_flag_exactly_where_organic_social_carries_sales() -> None:
    """Revenue on organic Instagram is the one red cell; paid Facebook and the website are not."""
    cells = ecosystem_matrix(verdicts())
    flagged = {(c.channel, c.placement, c.stage) for c in cells if c.red_flag}
    assert flagged == {("instagram", "organic", Stage.CONVERSION)}
    red = next(c for c in cells if c.red_flag)
    assert red.message and "organic Instagram" in red.message


def test_no_red_flag_without_sales_on_organic_social() -> None:
    """Take the organic Instagram revenue away and no cell is red."""
    frame = shop()
    frame = frame[~((frame["channel"] == "instagram") & (frame["metric"] == "revenue"))]
    assert not any(c.red_flag for c in ecosystem_matrix(verdicts(frame)))


def test_paid_cells_carry_their_efficiency() -> None:
    """Paid Facebook's awareness cell carries CPM and its conversion cell carries ROAS."""
    cells = {(c.channel, c.placement, c.stage): c for c in ecosystem_matrix(verdicts())}
    awareness = cells[("facebook", "paid", Stage.AWARENESS)]
    assert [(m.metric, m.value) for m in awareness.efficiency] == [("cpm", pytest.approx(10_000))]
    conversion = [m.metric for m in cells[("facebook", "paid", Stage.CONVERSION)].efficiency]
    assert "roas" in conversion and "cost_per_purchase" in conversion
    assert cells[("instagram", "organic", Stage.AWARENESS)].efficiency == ()


def test_each_channel_is_judged_by_its_own_signal() -> None:
    """Instagram's best signal is saves and shares; the website's is visitors and conversions."""
    ecos = {e.channel: e for e in channel_ecosystems(verdicts())}
    assert [m.metric for m in ecos["instagram"].signals] == ["saves", "shares"]
    assert ecos["instagram"].red_flags and not ecos["facebook"].red_flags
    assert signal_metrics("x")[0] == "amplification_rate"
    assert signal_metrics("facebook")[0] == "link_clicks"
    assert ecos["instagram"].metrics_at("interest")


def test_every_channel_has_a_signal_with_a_message() -> None:
    """Every catalogue channel but `other` names its signal, with a message in both languages."""
    for channel in catalogue.load().channels:
        key = signal_message(channel.id)
        assert set(messages()[key]) == {"en", "id"}
        assert channel.id == "other" or signal_metrics(channel.id)


def test_paid_efficiency_is_computed_from_totals() -> None:
    """Spend, CPM, CPC, CTR, CPL, cost per purchase, ROAS and ROI from the summed parts."""
    table = paid_efficiency(shop())
    total = table[table["campaign"].isna()].iloc[0]
    assert (total["channel"], total["currency"], total["spend"]) == ("facebook", "IDR", 2_000_000)
    assert total["cpm"] == pytest.approx(2_000_000 / 200_000 * 1000)
    assert total["cpc"] == pytest.approx(2_000)
    assert total["cpc_link"] == pytest.approx(4_000)
    assert total["ctr"] == pytest.approx(0.005)
    assert total["cpl"] == pytest.approx(20_000)
    assert total["cost_per_purchase"] == pytest.approx(50_000)
    assert total["roas"] == pytest.approx(4.0)
    assert total["roi"] == pytest.approx(3.0)
    assert pd.isna(total["cpa"])  # no `conversions` metric: CPA is not invented from purchases


def test_paid_efficiency_per_campaign() -> None:
    """Each campaign gets its own row; campaign B spent without clicks, so it has CPM but no CPC."""
    table = paid_efficiency(shop()).set_index("campaign", drop=False)
    assert list(table["campaign"].dropna()) == ["A", "B"]
    assert table.loc["B", "cpm"] == pytest.approx(500_000 / 50_000 * 1000)
    assert pd.isna(table.loc["B", "cpc"])
    assert table.loc["A", "roas"] == pytest.approx(8_000_000 / 1_500_000)


def test_paid_efficiency_never_mixes_currencies() -> None:
    """Revenue in IDR against spend in USD gives no ROAS; spend in two currencies gives no CPM."""
    frame = tidy([
        ("2026-01-01", "tiktok", "paid", "spend", 100, "USD", "C"),
        ("2026-01-01", "tiktok", "paid", "revenue", 9_000_000, "IDR", "C"),
        ("2026-01-01", "tiktok", "paid", "impressions", 10_000, "count", "C"),
        ("2026-01-01", "x", "paid", "spend", 100, "USD", "D"),
        ("2026-01-01", "x", "paid", "spend", 1_000_000, "IDR", "D"),
        ("2026-01-01", "x", "paid", "impressions", 10_000, "count", "D"),
    ])  # fmt: skip
    table = paid_efficiency(frame)
    tiktok = table[(table["channel"] == "tiktok") & table["campaign"].isna()].iloc[0]
    assert tiktok["currency"] == "USD" and tiktok["cpm"] == pytest.approx(10.0)
    assert pd.isna(tiktok["roas"]) and pd.isna(tiktok["roi"])
    x = table[(table["channel"] == "x") & table["campaign"].isna()]
    assert sorted(x["currency"]) == ["IDR", "USD"]
    assert x["cpm"].isna().all()


def test_paid_efficiency_respects_the_period_and_ignores_organic() -> None:
    """Only paid rows inside the period count."""
    assert paid_efficiency(shop(), None, None)["spend"].iloc[0] == 2_000_000
    assert paid_efficiency(shop(), date(2026, 2, 1), date(2026, 2, 28)).empty


def test_columns_of_one_metric_count_as_one_kpi_in_a_cell() -> None:
    """Website revenue read from a LIVE and a video column is one KPI of the website's
    conversion cell (and one slot of the budget), not two."""
    frame = shop()
    website = (frame["channel"] == "website") & (frame["metric"] == "revenue")
    parts = [frame[website].assign(source_name=f"Revenue ({g})") for g in ("LIVE", "Video")]
    frame = pd.concat([frame[~website], *parts], ignore_index=True)
    frame["source_name"] = frame["source_name"].astype("category")
    result = verdicts(frame)
    assert [m.source_name for m in result.kpis if m.channel == "website"] == [
        "Revenue (LIVE)",
        "Revenue (Video)",
    ]
    assert result.kpi_slots == len(result.kpis) - 1
    cells = {(c.channel, c.stage): c for c in ecosystem_matrix(result)}
    assert cells[("website", Stage.CONVERSION)].kpis == 1
