"""Tests for kpi_core.periods: a period's funnel against the period just before it."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from kpi_core.models import Stage
from kpi_core.periods import compare_periods, period_summaries, previous_period
from tests.frames import tidy


def test_previous_period_has_the_same_length() -> None:
    """The period before 11-20 Jan is 1-10 Jan."""
    assert previous_period(date(2026, 1, 11), date(2026, 1, 20)) == (
        date(2026, 1, 1),
        date(2026, 1, 10),
    )


def _january(earlier: tuple[str, int], later: tuple[str, int]) -> pd.DataFrame:
    """Organic Instagram reach of 1,000 on 3 January and 1,500 on 13 January, each day with one
    more (metric, count)."""
    return tidy([
        ("2026-01-03", "instagram", "organic", "reach", 1_000, "count"),
        ("2026-01-03", "instagram", "organic", *earlier, "count"),
        ("2026-01-13", "instagram", "organic", "reach", 1_500, "count"),
        ("2026-01-13", "instagram", "organic", *later, "count"),
    ])  # fmt: skip


def test_period_comparison_gives_the_change_per_stage() -> None:
    """The selected period against the one before, with the same metric and the relative change."""
    frame = _january(earlier=("link_clicks", 50), later=("link_clicks", 40))
    result = compare_periods(frame, date(2026, 1, 11), date(2026, 1, 20))
    changes = {c.stage: c for c in result.changes}
    assert result.previous_period == (date(2026, 1, 1), date(2026, 1, 10))
    assert (changes[Stage.AWARENESS].current, changes[Stage.AWARENESS].previous) == (1_500, 1_000)
    assert changes[Stage.AWARENESS].change == pytest.approx(0.5)
    assert changes[Stage.INTEREST].change == pytest.approx(-0.2)
    assert changes[Stage.CONVERSION].change is None


def test_the_previous_period_keeps_the_current_periods_stage_metrics() -> None:
    """Both periods count the same metric per stage, even where the earlier one alone would pick
    another: link clicks before the change are compared with link clicks after it."""
    frame = _january(earlier=("clicks", 90), later=("link_clicks", 40))
    result = compare_periods(frame, date(2026, 1, 11), date(2026, 1, 20))
    assert result.current.choices() == result.previous.choices()
    interest = {c.stage: c for c in result.changes}[Stage.INTEREST]
    assert (interest.metric, interest.current, interest.previous) == ("link_clicks", 40, None)


def test_a_comparison_leaves_undated_totals_out_of_both_periods() -> None:
    """Undated link clicks are in neither period (not 2,106 against 2,106), and are named."""
    frame = _january(earlier=("link_clicks", 50), later=("link_clicks", 40))
    frame = pd.concat(
        [frame, frame.iloc[:1].assign(date=pd.NaT, metric="calls", source_name="Calls")],
        ignore_index=True,
    )
    result = compare_periods(frame, date(2026, 1, 11), date(2026, 1, 20))
    assert result.left_out == ("calls",)
    conversion = {c.stage: c for c in result.changes}[Stage.CONVERSION]
    assert (conversion.current, conversion.previous) == (None, None)
    whole = compare_periods(frame, date(2026, 1, 1), date(2026, 1, 20))
    assert whole.left_out == ("calls",)


def test_summaries_made_once_serve_any_goal() -> None:
    """Comparing with the two periods' summaries made beforehand gives the same comparison, for
    whichever goals and model (the app makes them once per window)."""
    frame = _january(earlier=("link_clicks", 50), later=("link_clicks", 40))
    made = period_summaries(frame, date(2026, 1, 11), date(2026, 1, 20))
    for goals, model in ((["sales"], "online_store"), (["awareness"], "physical_store")):
        alone = compare_periods(frame, date(2026, 1, 11), date(2026, 1, 20), goals, model=model)
        given = compare_periods(
            frame, date(2026, 1, 11), date(2026, 1, 20), goals, model=model, summaries=made
        )
        assert given == alone
