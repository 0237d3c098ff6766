"""The KPI budget: which candidates keep a slot."""

from __future__ import annotations

from kpi_core.budget import fill_budget
from kpi_core.judgement import Judgement, rules
from kpi_core.models import Goal, Verdict


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
