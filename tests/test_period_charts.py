"""The period comparison figure: both periods, a log axis that stays readable, the change."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from kpi_core.period_charts import period_figure
from kpi_core.periods import compare_periods
from tests.frames import tidy


def test_period_figure_shows_both_periods_on_a_log_axis() -> None:
    """The comparison draws this period and the one before per stage, on a labelled log axis."""
    frame = tidy([
        ("2026-01-03", "instagram", "organic", "reach", 1_000, "count"),
        ("2026-01-13", "instagram", "organic", "reach", 1_500, "count"),
    ])  # fmt: skip
    fig = period_figure(compare_periods(frame, date(2026, 1, 11), date(2026, 1, 20)))
    assert [list(tr.x) for tr in fig.data] == [[1_000], [1_500]]
    assert fig.layout.xaxis.type == "log"
    assert any("+50" in a.text for a in fig.layout.annotations)


def _two_weeks_of_reach_and_clicks() -> pd.DataFrame:
    return tidy([
        ("2026-01-03", "instagram", "organic", "reach", 1_701_747, "count"),
        ("2026-01-03", "instagram", "organic", "link_clicks", 1_433, "count"),
        ("2026-01-13", "instagram", "organic", "reach", 2_015_339, "count"),
        ("2026-01-13", "instagram", "organic", "link_clicks", 2_081, "count"),
    ])  # fmt: skip


def test_period_figure_leaves_room_for_the_largest_figure_beside_the_change() -> None:
    """The log axis ends half a decade past the largest bar, so its figure, written outside the
    bar, never runs into the change labelled at the right edge."""
    frame = _two_weeks_of_reach_and_clicks()
    fig = period_figure(compare_periods(frame, date(2026, 1, 11), date(2026, 1, 20)))
    low, high = fig.layout.xaxis.range
    assert high == pytest.approx(math.log10(2_015_339) + 0.5)
    assert low < math.log10(1_433)


@pytest.mark.parametrize(
    ("lang", "ticks", "title"),
    [("en", ["1K", "10K", "100K", "1M"], "Count in each period"),
     ("id", ["1 rb", "10 rb", "100 rb", "1 jt"], "Jumlah di setiap periode")],
)  # fmt: skip
def test_period_axis_is_titled_and_ticked_once_per_power_of_ten(
    lang: str, ticks: list[str], title: str
) -> None:
    """The comparison's log axis says what it counts and ticks 1K, 10K... in the language, with
    no bare "2" or "5" between them."""
    frame = _two_weeks_of_reach_and_clicks()
    fig = period_figure(compare_periods(frame, date(2026, 1, 11), date(2026, 1, 20)), lang)
    axis = fig.layout.xaxis
    assert list(axis.ticktext) == ticks and list(axis.tickvals) == [1e3, 1e4, 1e5, 1e6]
    assert axis.title.text.startswith(title) and "log" in axis.title.text
