"""KPI, supporting or vanity: the verdict for each (metric, channel, placement), with reasons."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pandas as pd

from kpi_core import catalogue
from kpi_core.catalogue import MetricDef
from kpi_core.derive import value_or_none
from kpi_core.i18n import t
from kpi_core.models import ActionKind, BusinessModel, ChannelKind, Goal, Placement, Stage, Verdict
from kpi_core.rules import Rule, Rules, load_rules
from kpi_core.verdicts import Classification, Flag, MetricVerdict

__all__ = ["Classification", "Flag", "MetricVerdict", "classify", "rules"]

STAGES: tuple[Stage, ...] = tuple(Stage)
FLAG_ORDER: tuple[str, ...] = (
    "too_many_kpis", "goal_without_kpi", "sales_on_organic_social", "mixed_currency",
    "unknown_metric",
)  # fmt: skip


Triple = tuple[str, str, str]  # (metric id, or "?" + source name when unknown; channel; placement)


@dataclass
class _Judgement:
    verdict: Verdict
    rule: str
    goal: Goal | None = None
    candidate: dict[Goal, float] = field(default_factory=dict)  # goal -> priority (lower first)
    rate: str | None = None


@dataclass(frozen=True)
class _Context:
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


def _applies(rule: Rule, ctx: _Context) -> bool:
    return (
        (not rule.models or ctx.model in rule.models)
        and (not rule.metrics or ctx.metric in rule.metrics)
        and (not rule.goals or any(g in rule.goals for g in ctx.goals))
    )


def _candidacy(
    metric: str, placement: str, goals: Iterable[Goal], model: BusinessModel
) -> dict[Goal, tuple[float, str]]:
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


def _sales(ctx: _Context, rule: Rule) -> _Judgement | None:
    if not (ctx.known.sales and ctx.social_organic):
        return None
    return _Judgement(Verdict.SUPPORTING if Goal.SALES in ctx.goals else Verdict.VANITY, rule.id)


def _fallback(ctx: _Context, rule: Rule) -> _Judgement | None:
    if not ctx.known.cumulative or Goal.AWARENESS not in ctx.goals:
        return None
    better = set(_candidacy_ids(Goal.AWARENESS, ctx.placement)) & ctx.present
    if better:
        return None
    rank = float(len(rules().goal[Goal.AWARENESS].candidates))
    return _Judgement(Verdict.KPI, rule.id, Goal.AWARENESS, {Goal.AWARENESS: rank})


def _candidacy_ids(goal: Goal, placement: str) -> tuple[str, ...]:
    spec = rules().goal[goal]
    return tuple(
        m for m in spec.candidates if m not in spec.paid_only or placement == Placement.PAID
    )


def _cumulative(ctx: _Context, rule: Rule) -> _Judgement | None:
    return _Judgement(Verdict.VANITY, rule.id) if ctx.known.cumulative else None


def _rate_over_count(ctx: _Context, rule: Rule) -> _Judgement | None:
    if ctx.known.action != ActionKind.MICRO or not ctx.serves():
        return None
    rates = [r for r in _rates_of(ctx.metric) if r in ctx.present and r in rule.metrics]
    if not rates:
        return None
    return _Judgement(Verdict.SUPPORTING, rule.id, ctx.goal_ahead(), rate=rates[0])


@cache
def _rates_of(count: str) -> tuple[str, ...]:
    return tuple(m.id for m in catalogue.load().metrics if m.parts and m.parts[0] == count)


def _candidate(ctx: _Context, rule: Rule) -> _Judgement | None:
    mine = {g: p for g, (p, rid) in ctx.candidacy.items() if rid == rule.id}
    if not mine:
        return None
    everything = {g: p for g, (p, _) in ctx.candidacy.items()}
    return _Judgement(Verdict.KPI, rule.id, min(mine, key=mine.__getitem__), everything)


def _model(ctx: _Context, rule: Rule) -> _Judgement | None:
    if rule.effect is None or rule.effect == "candidate" or not _applies(rule, ctx):
        return None
    if rule.effect == "supporting" and not ctx.goals:
        return None
    goal = next((g for g in ctx.goals if g in rule.goals), None) or ctx.goal_ahead()
    return _Judgement(Verdict(rule.effect), rule.id, goal or next(iter(ctx.goals), None))


def _earlier(ctx: _Context, rule: Rule) -> _Judgement | None:
    goal = ctx.goal_ahead()
    return None if goal is None else _Judgement(Verdict.SUPPORTING, rule.id, goal)


def _vanity(ctx: _Context, rule: Rule) -> _Judgement | None:
    return _Judgement(Verdict.VANITY, rule.id)


_Handler = Callable[[_Context, Rule], "_Judgement | None"]
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


def _judge(ctx: _Context) -> _Judgement:
    for rule in rules().rule:
        handler = _HANDLERS.get(rule.id) or (_candidate if rule.effect == "candidate" else _model)
        found = handler(ctx, rule)
        if found is not None:
            return found
    return _Judgement(Verdict.VANITY, "no_goal_vanity")


def _intent(metric: MetricDef, boosted: bool) -> tuple[int, int, int]:
    order = rules().budget.intent_order
    action = order.index(metric.action) if metric.action in order else len(order)
    return (0 if boosted else 1, -STAGES.index(metric.stage), action)


def _fill(candidates: Mapping[Triple, _Judgement], goals: tuple[Goal, ...]) -> list[Triple]:
    """The KPI budget: each goal's best candidate, then closeness, intent and a stable order."""
    size = rules().budget.size
    defs = catalogue._metrics_by_id()

    def closeness(key: Triple, goal: Goal) -> int:
        return abs(STAGES.index(defs[key[0]].stage) - STAGES.index(rules().goal[goal].stage))

    def rank(key: Triple, goal: Goal | None = None) -> tuple[Any, ...]:
        cand = candidates[key].candidate
        goals_in = [goal] if goal is not None else list(cand)
        near = min(closeness(key, g) for g in goals_in)
        prio = min(cand[g] for g in goals_in)
        intent = _intent(defs[key[0]], prio < 0)
        return (prio, near, intent, key) if goal is not None else (near, intent, prio, key)

    chosen: list[Triple] = []
    for goal in goals:
        mine = [k for k, j in candidates.items() if goal in j.candidate]
        if mine and len(chosen) < size:
            best = min(mine, key=lambda k: rank(k, goal))
            if best not in chosen:
                chosen.append(best)
    for key in sorted(candidates, key=rank):
        if len(chosen) >= size:
            break
        if key not in chosen:
            chosen.append(key)
    return chosen


def _label(metric: str | None, source_name: str, lang: str) -> str:
    known = catalogue._metrics_by_id().get(metric or "")
    return source_name if known is None else str(getattr(known.label, lang, known.label.en))


def _channel_label(channel: str, lang: str) -> str:
    try:
        label = catalogue.channel(channel).label
    except KeyError:
        return channel
    return str(getattr(label, lang, label.en))


def _kind(channel: str) -> ChannelKind | None:
    try:
        return catalogue.channel(channel).kind
    except KeyError:
        return None


def _join(items: list[str], lang: str, word: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('classify.word.' + word, lang)} {items[-1]}"


@cache
def _score(source_name: str, metric: str | None) -> tuple[float, tuple[str, ...]]:
    found = catalogue.match_metric(source_name)
    score = found.score if found.metric == metric or metric is None else 1.0
    return score, tuple(s for s, _ in found.suggestions)


def _key(metric: str | None, source_name: str, channel: str, placement: str) -> Triple:
    return (metric if metric else "?" + source_name, channel, placement)


def classify(
    summary: pd.DataFrame,
    goals: Iterable[Goal | str],
    model: BusinessModel | str,
    overrides: Mapping[tuple[str, str, str], Verdict | str] | None = None,
    lang: str = "en",
) -> Classification:
    """Judge every distinct (metric, channel, placement) of a summary for the goals and model."""
    chosen_goals = tuple(g for g in Goal if g in {Goal(x) for x in goals})
    biz = BusinessModel(model)
    wanted = {k: Verdict(v) for k, v in (overrides or {}).items()}
    rows = summary.reset_index(drop=True)
    metrics = [None if pd.isna(m) else str(m) for m in rows["metric"]]
    names = [str(s) for s in rows["source_name"]]
    channels = [str(c) for c in rows["channel"]]
    places = [str(p) for p in rows["placement"]]
    keys = [_key(*k) for k in zip(metrics, names, channels, places, strict=True)]
    defs = catalogue._metrics_by_id()
    present: dict[tuple[str, str], set[str]] = {}
    for metric_id, channel_id, placement_id in set(keys):
        present.setdefault((channel_id, placement_id), set()).add(metric_id)

    judged: dict[Triple, _Judgement] = {}
    for key in dict.fromkeys(keys):
        metric_id, channel_id, placement_id = key
        found = defs.get(metric_id)
        if found is None:
            judged[key] = _Judgement(Verdict.VANITY, "unknown_metric")
            continue
        organic = placement_id == Placement.ORGANIC
        ctx = _Context(
            metric_id, found, channel_id, placement_id,
            _kind(channel_id) == ChannelKind.SOCIAL and organic, chosen_goals, biz,
            frozenset(present[(channel_id, placement_id)]),
            _candidacy(metric_id, placement_id, chosen_goals, biz),
        )  # fmt: skip
        judged[key] = _judge(ctx)

    def override_for(key: Triple, source_name: str) -> Verdict | None:
        return wanted.get(key) or wanted.get((source_name, key[1], key[2]))

    overridden = {k: v for k, n in zip(keys, names, strict=True) if (v := override_for(k, n))}
    candidates = {
        k: j for k, j in judged.items() if j.verdict == Verdict.KPI and k not in overridden
    }
    in_budget = set(_fill(candidates, chosen_goals))
    squeezed = set(candidates) - in_budget
    budget = rules().budget.size
    for key in squeezed:
        j = judged[key]
        judged[key] = _Judgement(Verdict.SUPPORTING, "kpi_budget", j.goal, j.candidate)

    flags: list[Flag] = []
    final_kpis = len(in_budget) + sum(v == Verdict.KPI for v in overridden.values())
    if final_kpis > budget:
        text = t("classify.flag.too_many_kpis_override", lang, count=final_kpis, budget=budget)
        flags.append(Flag("too_many_kpis", text))
    elif squeezed:
        text = t("classify.flag.too_many_kpis", lang, count=len(candidates), budget=budget)
        flags.append(Flag("too_many_kpis", text))
    for goal in chosen_goals:
        # An override makes a goal's measure a KPI even where the rules would not (the sales
        # metric on organic social): the goal then has a KPI, chosen by the marketer.
        measures = set(_candidacy_ids(goal, Placement.PAID))
        served = any(
            goal in j.candidate and overridden.get(k, Verdict.KPI) == Verdict.KPI
            for k, j in judged.items()
        ) or any(v == Verdict.KPI and k[0] in measures for k, v in overridden.items())
        if not served:
            ids = [m for m in _candidacy_ids(goal, Placement.PAID) if m in defs][:4]
            for rule in rules().rule:
                if rule.effect == "candidate" and biz in rule.models and goal in rule.goals:
                    ids = [m for m in rule.metrics if m in defs][:2] + ids[:2]
            labels = _join([_label(m, m, lang) for m in ids], lang, "or")
            goal_name = t(f"classify.goal.{goal}", lang)
            text = t("classify.flag.goal_without_kpi", lang, goal=goal_name, metrics=labels)
            flags.append(Flag("goal_without_kpi", text, goal=goal))

    verdicts: list[MetricVerdict] = []
    seen_flags: set[tuple[str, Triple]] = set()
    # Plain lists: the loop below touches every triple once, and pandas indexing per cell
    # would cost more than the judging itself.
    mixed = rows["mixed_currency"].tolist() if "mixed_currency" in rows else [False] * len(rows)
    derived = [bool(d) for d in rows["derived"]]
    units_of = [str(u) for u in rows["unit"]]
    values = [value_or_none(v) for v in rows["value"]]
    bases = [str(b) for b in rows["value_basis"]]
    for i, key in enumerate(keys):
        metric = metrics[i] if key[0] in defs else None
        known = defs.get(metric or "")
        j = judged[key]
        label = _label(metric, names[i], lang)
        where = _channel_label(channels[i], lang)
        codes: list[str] = []
        if (
            known is not None
            and known.sales
            and _kind(channels[i]) == ChannelKind.SOCIAL
            and (places[i] == Placement.ORGANIC)
        ):
            codes.append("sales_on_organic_social")
            if ("sales", key) not in seen_flags:
                text = t("classify.flag.sales_on_organic_social", lang, metric=label, channel=where)
                flags.append(Flag("sales_on_organic_social", text, channels[i], metric))
        score, suggestions = _score(names[i], metric)
        if known is None:
            codes.append("unknown_metric")
            if ("unknown", key) not in seen_flags:
                near = _join([_label(s, s, lang) for s in suggestions], lang, "or")
                which = "unknown_metric" if near else "unknown_metric_none"
                text = t(
                    f"classify.flag.{which}", lang, source=names[i], channel=where, suggestions=near
                )
                flags.append(Flag("unknown_metric", text, channels[i], None, source_name=names[i]))
        if bool(mixed[i]):
            codes.append("mixed_currency")
            if ("mixed", key) not in seen_flags:
                units = _join(
                    sorted({u for u, k in zip(units_of, keys, strict=True) if k == key}),
                    lang,
                )
                text = t(
                    "classify.flag.mixed_currency", lang, metric=label, channel=where, units=units
                )
                flags.append(Flag("mixed_currency", text, channels[i], metric))
        if key in squeezed:
            codes.append("too_many_kpis")
        seen_flags |= {("sales", key), ("unknown", key), ("mixed", key)}
        verdict, rule_id = j.verdict, j.rule
        if key in overridden:
            verdict, rule_id = overridden[key], "override"
        reason = _reason(
            rule_id, j, verdict, label, where, names[i], chosen_goals, biz, known, lang
        )
        verdicts.append(
            MetricVerdict(
                names[i], metric, score, channels[i], places[i],
                None if known is None else known.stage, verdict, rule_id, reason,
                derived[i], key in overridden, tuple(codes), units_of[i], values[i], bases[i],
                j.goal,
            )
        )  # fmt: skip
    order = {code: i for i, code in enumerate(FLAG_ORDER)}
    flags.sort(key=lambda f: (order[f.code], f.channel or "", f.metric or "", f.source_name or ""))
    return Classification(chosen_goals, biz, tuple(verdicts), tuple(flags))


def _reason(
    rule_id: str,
    j: _Judgement,
    verdict: Verdict,
    label: str,
    channel: str,
    source_name: str,
    goals: tuple[Goal, ...],
    model: BusinessModel,
    known: MetricDef | None,
    lang: str,
) -> str:
    goal = j.goal or next(iter(j.candidate), None)
    names = [t(f"classify.goal.{g}", lang) for g in goals] or [t("classify.goal.none", lang)]
    params: dict[str, object] = {
        "metric": label,
        "channel": channel,
        "source": source_name,
        "goal": t(f"classify.goal.{goal}", lang) if goal else names[0],
        "goals": _join(names, lang),
        "model": t(f"classify.model.{model}", lang),
        "stage": t(f"classify.stage.{known.stage}", lang) if known else "",
        "verdict": t(f"classify.verdict.{verdict}", lang),
        "rate": _label(j.rate, j.rate or "", lang),
        "budget": rules().budget.size,
    }
    return t(f"classify.reason.{rule_id}", lang, **params)
