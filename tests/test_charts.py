"""The figures: their data, missing stages, readability across magnitudes, the red flag."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi_core.charts import (
    bar_width,
    funnel_figure,
    funnel_grid,
    short_label,
)
from kpi_core.derive import summarise
from kpi_core.funnel import Funnel, build_funnel, channel_funnels
from tests.frames import shop, tidy


def funnel(frame: pd.DataFrame | None = None) -> Funnel:
    """The shop's overall funnel for sales and leads, or a given frame's."""
    return build_funnel(summarise(shop() if frame is None else frame), ["sales", "leads"])


def test_funnel_figure_carries_the_stage_values_and_percentages() -> None:
    """The drawn bars hold each stage's metric, count, % of first and % of previous."""
    fig = funnel_figure(funnel())
    bars = next(tr for tr in fig.data if tr.name == "stages")
    rows = {row[0]: row for row in bars.customdata}
    assert list(rows) == ["awareness", "interest", "evaluation", "conversion"]
    _stage, metric, value, pct_first, pct_prev, basis = rows["conversion"]
    assert (metric, value, basis) == ("purchases", 40, "evaluation")
    assert pct_first == pytest.approx(40 / 150_000) and pct_prev == pytest.approx(0.4)
    assert "150,000" in bars.text[0]


def test_missing_stages_are_drawn_as_missing_not_as_zero() -> None:
    """A stage without data is a hatched full-width bar that says `no data`, never a zero bar."""
    frame = shop()
    fig = funnel_figure(funnel(frame[frame["metric"] != "leads"]))
    missing = next(tr for tr in fig.data if tr.name == "missing")
    assert list(missing.y) == ["Evaluation", "Retention"]
    assert set(missing.text) == {"no data"} and missing.marker.pattern.shape == "/"
    present = next(tr for tr in fig.data if tr.name == "stages")
    assert "Evaluation" not in list(present.y)


def test_percentages_name_their_basis() -> None:
    """% of first names the first stage; % of previous names its stage or says it looked back."""
    frame = shop()
    fig = funnel_figure(funnel(frame[frame["metric"] != "leads"]))
    notes = " ".join(fig.layout.yaxis2.ticktext)
    assert "of Awareness (first stage)" in notes
    assert "1.6% of Interest<br>(nearest earlier stage with data)" in notes
    assert "of Awareness (previous stage)" in notes


def test_a_stage_above_the_one_before_is_not_drawn_as_a_conversion_rate() -> None:
    """Purchases above the link clicks before them read "not a conversion rate", not "350%"."""
    fig = funnel_figure(funnel(tidy([
        ("2026-01-01", "instagram", "organic", "reach", 100_000, "count"),
        ("2026-01-01", "instagram", "organic", "link_clicks", 2_000, "count"),
        ("2026-01-01", "website", "organic", "purchases", 7_000, "count"),
    ])))  # fmt: skip
    labels = " ".join(fig.layout.yaxis2.ticktext)
    assert "Not a conversion rate<br>(more than Interest, the stage before)" in labels
    assert "350" not in labels


def test_percentages_sit_beside_their_bars_in_a_margin_sized_to_them() -> None:
    """The percentage labels are the right-hand axis's tick labels, one level with each bar, so
    plotly widens the margin to fit them in any language instead of cutting them off."""
    fig = funnel_figure(funnel(), "id")
    right, left = fig.layout.yaxis2, fig.layout.yaxis
    assert right.side == "right" and right.overlaying == "y" and right.automargin
    assert list(right.tickvals) == list(left.tickvals) and right.range == left.range
    assert "(tahap sebelumnya)" in right.ticktext[1] and fig.layout.xaxis.range[1] < 0.6


def test_every_stage_stays_readable_across_orders_of_magnitude() -> None:
    """Bar widths are log-scaled (the chart says so): 200 beside 100,000 is over half as wide."""
    assert bar_width(100_000, 100_000) == 1.0
    assert bar_width(200, 100_000) > 0.5
    assert bar_width(20, 100_000) < bar_width(200, 100_000) < bar_width(2_000, 100_000)
    frame = tidy([
        ("2026-01-01", "instagram", "organic", "reach", 100_000, "count"),
        ("2026-01-01", "instagram", "organic", "purchases", 200, "count"),
    ])  # fmt: skip
    fig = funnel_figure(funnel(frame))
    bars = next(tr for tr in fig.data if tr.name == "stages")
    assert min(bars.x) / max(bars.x) > 0.5
    assert fig.layout.meta["log_width"] is True
    assert "log scale" in fig.layout.title.subtitle.text


def test_indonesian_figures_use_indonesian_numbers_and_labels() -> None:
    """In Bahasa Indonesia the count reads 150.000 and the stages are Indonesian."""
    fig = funnel_figure(funnel(), "id")
    bars = next(tr for tr in fig.data if tr.name == "stages")
    assert "150.000" in bars.text[0]
    assert next(iter(bars.y)) == "Kesadaran"
    assert "skala log" in fig.layout.title.subtitle.text


def test_small_multiples_have_one_panel_per_channel() -> None:
    """The per-channel grid draws one funnel per channel, titled by the channel."""
    funnels = channel_funnels(summarise(shop()), ["sales"])
    fig = funnel_grid(funnels, [f.channel or "" for f in funnels])
    assert len(fig.layout.annotations) == 3  # one subplot title per channel
    assert len([tr for tr in fig.data if tr.name == "stages"]) == 3


@pytest.mark.parametrize(
    ("metric", "lang", "expected"),
    [("cpm", "en", "CPM"), ("roas", "id", "ROAS"),
     ("engagement_rate_impressions", "id", "Tingkat interaksi (impresi)"),
     ("cpc_link", "en", "CPC (cost per link click)"),
     ("applause_rate_followers", "en", "Applause rate")],
)  # fmt: skip
def test_short_labels_keep_the_brackets_that_tell_metrics_apart(
    metric: str, lang: str, expected: str
) -> None:
    """Tight spaces drop an explanation in brackets but keep a basis that tells two metrics of
    one name apart, unless the value already says it (`6.2 likes per follower`)."""
    assert short_label(metric, lang) == expected


def test_small_funnels_do_not_show_a_stage_above_the_one_before_as_a_rate() -> None:
    """In the per-channel small funnels too, purchases above clicks read "not a conversion rate"."""
    small = funnel(tidy([
        ("2026-01-01", "instagram", "organic", "reach", 100_000, "count"),
        ("2026-01-01", "instagram", "organic", "link_clicks", 2_000, "count"),
        ("2026-01-01", "instagram", "organic", "purchases", 7_000, "count"),
    ]))  # fmt: skip
    fig = funnel_grid([small], ["Instagram"], "id")
    texts = " ".join(t for trace in fig.data if trace.text is not None for t in trace.text)
    assert "bukan rasio: lebih dari sebelumnya" in texts
    assert "350" not in texts


def test_a_narrow_bar_in_a_small_funnel_keeps_a_readable_count_and_its_name_in_the_hover() -> None:
    """Three panels side by side: a bar too narrow for "116 · Demo requests" shows "116" and its
    % of Interest, and the hover still names the metric, so plotly never shrinks the text past
    reading."""
    small = funnel(tidy([
        ("2026-01-01", "email", "organic", "impressions", 218_670, "count"),
        ("2026-01-01", "email", "organic", "link_clicks", 4_591, "count"),
        ("2026-01-01", "email", "organic", "demo_requests", 116, "count"),
    ]))  # fmt: skip
    fig = funnel_grid([small, small, small], ["Email", "Email", "Email"])
    bars = fig.data[0]
    evaluation = [row[0] for row in bars.customdata].index("evaluation")
    assert bars.text[evaluation] == "<b>116</b><br>2.5% of Interest"
    assert "Demo requests" in bars.hovertext[evaluation]
    assert bars.textposition[0] == "inside" and "Impressions" in bars.text[0]


def test_a_name_too_long_for_its_bar_is_left_to_the_hover_never_cut() -> None:
    """Three Facebook panels in Bahasa Indonesia: 19.813 conversations under 229.936 link clicks
    show "19.813" and "8,6% dari Minat" in their bar (the hover names them), never "Percakapan
    pesa…" that plotly then shrinks nor a bare "8,6%"; the panel's width leaves out the stage
    names and the gaps between."""
    small = funnel(tidy([
        ("2026-01-01", "facebook", "paid", "reach", 14_404_966, "count"),
        ("2026-01-01", "facebook", "paid", "link_clicks", 229_936, "count"),
        ("2026-01-01", "facebook", "paid", "messaging_conversations", 19_813, "count"),
        ("2026-01-01", "facebook", "paid", "purchases", 4_640, "count"),
    ]))  # fmt: skip
    bars = funnel_grid([small] * 3, ["Facebook"] * 3, "id").data[0]
    evaluation = [row[0] for row in bars.customdata].index("evaluation")
    assert bars.text[evaluation] == "<b>19.813</b><br>8,6% dari Minat"
    assert "Percakapan pesan dimulai" in bars.hovertext[evaluation]
    assert not any("…" in text for text in bars.text)
    # Every percentage says what it is of, never a bare "8,6%".
    assert all("%" not in text or " dari " in text for text in bars.text[1:])


def test_small_funnels_are_laid_out_for_the_page_the_app_leaves_them() -> None:
    """On the page a wider sidebar leaves, a bar that fits "2,000 · Demo requests" on a wider
    page shows "2,000" and its % of Interest with the name in the hover, never a name plotly
    must shrink."""
    small = funnel(tidy([
        ("2026-01-01", "email", "organic", "impressions", 218_670, "count"),
        ("2026-01-01", "email", "organic", "link_clicks", 40_591, "count"),
        ("2026-01-01", "email", "organic", "demo_requests", 2_000, "count"),
    ]))  # fmt: skip
    wide = funnel_grid([small] * 3, ["Email"] * 3).data[0]
    narrow = funnel_grid([small] * 3, ["Email"] * 3, page_px=600).data[0]
    assert wide.text[2] == "<b>2,000</b> · Demo requests<br>4.9% of Interest"
    assert narrow.text[2] == "<b>2,000</b><br>4.9% of Interest"
    assert "Demo requests" in narrow.hovertext[2]
