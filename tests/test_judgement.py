"""One metric judged against the rules, and the KPI budget."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kpi_core import catalogue, judgement
from kpi_core.judgement import Context, Judgement, candidacy, fill_budget, judge, rules
from kpi_core.models import BusinessModel, Goal, Verdict
from kpi_core.rules import Rule


def _context(metric: str, present: set[str], goals: tuple[Goal, ...]) -> Context:
    model = BusinessModel.ONLINE_STORE
    return Context(
        metric, catalogue.metric(metric), "instagram", "organic", True, goals, model,
        frozenset(present), candidacy(metric, "organic", goals, model),
    )  # fmt: skip


def test_followers_stand_in_for_awareness_only_without_reach() -> None:
    """A running total is the awareness KPI when nothing better is measured, vanity otherwise."""
    alone = judge(_context("followers", {"followers", "likes"}, (Goal.AWARENESS,)))
    beside_reach = judge(_context("followers", {"followers", "reach"}, (Goal.AWARENESS,)))
    assert (alone.verdict, alone.rule) == (Verdict.KPI, "cumulative_awareness_fallback")
    assert (beside_reach.verdict, beside_reach.rule) == (Verdict.VANITY, "cumulative_vanity")


def test_budget_gives_every_goal_its_best_candidate_before_filling() -> None:
    """The budget keeps each goal's best candidate even when another goal has more candidates."""
    awareness = ["reach", "impressions", "video_views", "cpm", "followers", "likes", "link_clicks"]
    candidates = {
        (m, "instagram", "paid"): Judgement(Verdict.KPI, "goal_stage_kpi", Goal.AWARENESS, {
            Goal.AWARENESS: float(i)
        })
        for i, m in enumerate(awareness)
    }  # fmt: skip
    candidates[("purchases", "website", "organic")] = Judgement(
        Verdict.KPI, "goal_stage_kpi", Goal.SALES, {Goal.SALES: 9.0}
    )
    chosen = fill_budget(candidates, (Goal.AWARENESS, Goal.SALES))
    assert len(chosen) == rules().budget.size
    assert chosen[:2] == [("reach", "instagram", "paid"), ("purchases", "website", "organic")]


def test_budget_ranks_one_metric_on_two_channels_by_volume() -> None:
    """Where one metric is a candidate on two channels, the larger volume ranks first."""
    judged = Judgement(Verdict.KPI, "goal_stage_kpi", Goal.CONVERSIONS, {Goal.CONVERSIONS: 1.0})
    email, website = ("sign_ups", "email", "organic"), ("sign_ups", "website", "organic")
    chosen = fill_budget(
        {email: judged, website: judged}, (Goal.CONVERSIONS,), {email: 274.0, website: 4_069.0}
    )
    assert chosen == [website, email]


@pytest.fixture
def fresh_rules() -> Iterator[None]:
    rules.cache_clear()
    yield
    rules.cache_clear()


def test_a_rule_without_behaviour_is_refused(
    fresh_rules: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule id in the rules file that no code carries out stops classification outright."""
    loaded = judgement.load_rules()
    extra = Rule(id="brand_lift_kpi", source="test", says="A rule nobody wrote the code for.")
    broken = loaded.model_copy(update={"rule": (*loaded.rule, extra)})
    monkeypatch.setattr(judgement, "load_rules", lambda: broken)
    with pytest.raises(ValueError, match="brand_lift_kpi"):
        rules()
