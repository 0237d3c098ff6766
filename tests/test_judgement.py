"""One metric judged against the rules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kpi_core import catalogue, judgement
from kpi_core.judgement import Context, candidacy, judge, rules
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
