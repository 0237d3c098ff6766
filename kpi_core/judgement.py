"""One metric judged against the rules: what each rule id does.

`classify` builds a `Context` per (metric, channel, placement); `judge` runs the packaged rules
in order and the first that applies gives the verdict; `budget` then keeps at most the budget's
number of KPIs among the candidates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from kpi_core import catalogue
from kpi_core.definitions import MetricDef
from kpi_core.models import ActionKind, BusinessModel, Goal, Placement, Stage, Verdict
from kpi_core.rules import Rule, Rules, load_rules

STAGES: tuple[Stage, ...] = tuple(Stage)


Triple = tuple[str, str, str]  # (metric id, or "?" + source name when unknown; channel; placement)


@dataclass
class Judgement:
    """A verdict, the rule that gave it, and the goals the metric could be a KPI for."""

    verdict: Verdict
    rule: str
    goal: Goal | None = None
    candidate: dict[Goal, float] = field(default_factory=dict)  # goal -> priority (lower first)
    rate: str | None = None


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the metric, where it was measured, and the user's choices."""

    metric: str
    known: MetricDef
    channel: str
    placement: str
    social_organic: bool
    goals: tuple[Goal, ...]
    model: BusinessModel
    present: frozenset[str]
    candidacy: Mapping[Goal, tuple[float, str]]  # goal -> (priority, rule id)

    def stage_index(self) -> int:
        return STAGES.index(self.known.stage)

    def goal_ahead(self) -> Goal | None:
        """The chosen goal whose stage is nearest at or after the metric's stage."""
        ahead = [g for g in self.goals if STAGES.index(rules().goal[g].stage) >= self.stage_index()]
        return min(ahead, key=lambda g: STAGES.index(rules().goal[g].stage), default=None)

    def serves(self) -> bool:
        return bool(self.candidacy) or self.goal_ahead() is not None


def _applies(rule: Rule, ctx: Context) -> bool:
    return (
        (not rule.models or ctx.model in rule.models)
        and (not rule.metrics or ctx.metric in rule.metrics)
        and (not rule.goals or any(g in rule.goals for g in ctx.goals))
    )


def candidacy(
    metric: str, placement: str, goals: Iterable[Goal], model: BusinessModel
) -> dict[Goal, tuple[float, str]]:
    """The goals a metric is a KPI candidate for, each with its priority and the rule saying so."""
    found: dict[Goal, tuple[float, str]] = {}
    for goal in goals:
        spec = rules().goal[goal]
        if metric in spec.candidates and (
            metric not in spec.paid_only or placement == Placement.PAID
        ):
            found[goal] = (float(spec.candidates.index(metric)), "goal_stage_kpi")
        for rule in rules().rule:
            if (
                rule.effect == "candidate"
                and model in rule.models
                and metric in rule.metrics
                and (not rule.goals or goal in rule.goals)
            ):
                rank = rule.metrics.index(metric) - (100.0 if rule.boost else 0.0)
                found[goal] = (rank, rule.id)
    return found


def _sales(ctx: Context, rule: Rule) -> Judgement | None:
    if not (ctx.known.sales and ctx.social_organic):
        return None
    return Judgement(Verdict.SUPPORTING if Goal.SALES in ctx.goals else Verdict.VANITY, rule.id)


def _fallback(ctx: Context, rule: Rule) -> Judgement | None:
    if not ctx.known.cumulative or Goal.AWARENESS not in ctx.goals:
        return None
    better = set(candidacy_ids(Goal.AWARENESS, ctx.placement)) & ctx.present
    if better:
        return None
    rank = float(len(rules().goal[Goal.AWARENESS].candidates))
    return Judgement(Verdict.KPI, rule.id, Goal.AWARENESS, {Goal.AWARENESS: rank})


def candidacy_ids(goal: Goal, placement: str) -> tuple[str, ...]:
    """The metrics that measure a goal, in the rules' order of preference."""
    spec = rules().goal[goal]
    return tuple(
        m for m in spec.candidates if m not in spec.paid_only or placement == Placement.PAID
    )


def _cumulative(ctx: Context, rule: Rule) -> Judgement | None:
    return Judgement(Verdict.VANITY, rule.id) if ctx.known.cumulative else None


def _rate_over_count(ctx: Context, rule: Rule) -> Judgement | None:
    if ctx.known.action != ActionKind.MICRO or not ctx.serves():
        return None
    rates = [r for r in _rates_of(ctx.metric) if r in ctx.present and r in rule.metrics]
    if not rates:
        return None
    return Judgement(Verdict.SUPPORTING, rule.id, ctx.goal_ahead(), rate=rates[0])


@cache
def _rates_of(count: str) -> tuple[str, ...]:
    return tuple(m.id for m in catalogue.load().metrics if m.parts and m.parts[0] == count)


def _candidate(ctx: Context, rule: Rule) -> Judgement | None:
    mine = {g: p for g, (p, rid) in ctx.candidacy.items() if rid == rule.id}
    if not mine:
        return None
    everything = {g: p for g, (p, _) in ctx.candidacy.items()}
    return Judgement(Verdict.KPI, rule.id, min(mine, key=mine.__getitem__), everything)


def _model(ctx: Context, rule: Rule) -> Judgement | None:
    if rule.effect is None or rule.effect == "candidate" or not _applies(rule, ctx):
        return None
    if rule.effect == "supporting" and not ctx.goals:
        return None
    goal = next((g for g in ctx.goals if g in rule.goals), None) or ctx.goal_ahead()
    return Judgement(Verdict(rule.effect), rule.id, goal or next(iter(ctx.goals), None))


def _earlier(ctx: Context, rule: Rule) -> Judgement | None:
    goal = ctx.goal_ahead()
    return None if goal is None else Judgement(Verdict.SUPPORTING, rule.id, goal)


def _vanity(ctx: Context, rule: Rule) -> Judgement | None:
    return Judgement(Verdict.VANITY, rule.id)


_Handler = Callable[[Context, Rule], "Judgement | None"]
_HANDLERS: dict[str, _Handler] = {
    "sales_on_organic_social": _sales,
    "cumulative_awareness_fallback": _fallback,
    "cumulative_vanity": _cumulative,
    "rate_over_count": _rate_over_count,
    "goal_stage_kpi": _candidate,
    "likes_weakest": _model,
    "earlier_stage_supports": _earlier,
    "no_goal_vanity": _vanity,
    "override": lambda ctx, rule: None,  # applied after judging, see classify()
    "same_parts_one_kpi": lambda ctx, rule: None,  # among the candidates, see budget.twins()
    "unknown_metric": lambda ctx, rule: None,  # judged before a context exists
}


@cache
def rules() -> Rules:
    """The packaged rules, checked to have behaviour for every rule id (once per process)."""
    loaded = load_rules()
    unknown = {r.id for r in loaded.rule if r.id not in _HANDLERS and not r.models}
    if unknown - {"kpi_budget"}:
        raise ValueError(f"rules without behaviour: {sorted(unknown)}")
    return loaded


def judge(ctx: Context) -> Judgement:
    """The first rule, in the rules file's order, that has a verdict for this metric."""
    for rule in rules().rule:
        handler = _HANDLERS.get(rule.id) or (_candidate if rule.effect == "candidate" else _model)
        found = handler(ctx, rule)
        if found is not None:
            return found
    return Judgement(Verdict.VANITY, "no_goal_vanity")
