"""KPI, supporting or vanity: the verdict for each (metric, channel, placement), with the flags
raised and each verdict's reason (worded in `reasons`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

import pandas as pd

from kpi_core import catalogue
from kpi_core.budget import SAME_PARTS, fill_budget, twins
from kpi_core.coverage import UNDATED_CODES, periods_flag, undated_flags
from kpi_core.derive import value_or_none
from kpi_core.i18n import column_name, t
from kpi_core.judgement import Context, Judgement, Triple, candidacy, candidacy_ids, judge, rules
from kpi_core.labels import channel_label, metric_label
from kpi_core.models import BusinessModel, ChannelKind, Goal, Placement, Verdict
from kpi_core.reasons import join, reason_for
from kpi_core.verdicts import Classification, Flag, MetricVerdict

__all__ = ["Classification", "Flag", "MetricVerdict", "classify", "rules"]

FLAG_ORDER: tuple[str, ...] = (
    "too_many_kpis", "goal_without_kpi", "sales_on_organic_social", "periods_differ",
    "undated_left_out", "mixed_currency", "undated_included", "unknown_metric",
)  # fmt: skip


def _kind(channel: str) -> ChannelKind | None:
    try:
        return catalogue.channel(channel).kind
    except KeyError:
        return None


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

    judged: dict[Triple, Judgement] = {}
    for key in dict.fromkeys(keys):
        metric_id, channel_id, placement_id = key
        found = defs.get(metric_id)
        if found is None:
            judged[key] = Judgement(Verdict.VANITY, "unknown_metric")
            continue
        organic = placement_id == Placement.ORGANIC
        ctx = Context(
            metric_id, found, channel_id, placement_id,
            _kind(channel_id) == ChannelKind.SOCIAL and organic, chosen_goals, biz,
            frozenset(present[(channel_id, placement_id)]),
            candidacy(metric_id, placement_id, chosen_goals, biz),
        )  # fmt: skip
        judged[key] = judge(ctx)

    def override_for(key: Triple, source_name: str) -> Verdict | None:
        return wanted.get(key) or wanted.get((source_name, key[1], key[2]))

    overridden = {k: v for k, n in zip(keys, names, strict=True) if (v := override_for(k, n))}
    candidates = {
        k: j for k, j in judged.items() if j.verdict == Verdict.KPI and k not in overridden
    }
    for key, kept in twins(candidates).items():
        j = candidates.pop(key)
        judged[key] = Judgement(Verdict.SUPPORTING, SAME_PARTS, j.goal, j.candidate, kept[0])
    volumes: dict[Triple, float] = {}
    for key, value in zip(keys, rows["value"], strict=True):
        size = value_or_none(value)
        volumes[key] = max(volumes.get(key, 0.0), abs(size) if size is not None else 0.0)
    in_budget = set(fill_budget(candidates, chosen_goals, volumes))
    squeezed = set(candidates) - in_budget
    budget = rules().budget.size
    for key in squeezed:
        j = judged[key]
        judged[key] = Judgement(Verdict.SUPPORTING, "kpi_budget", j.goal, j.candidate)

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
        measures = set(candidacy_ids(goal, Placement.PAID))
        served = any(
            goal in j.candidate and overridden.get(k, Verdict.KPI) == Verdict.KPI
            for k, j in judged.items()
        ) or any(v == Verdict.KPI and k[0] in measures for k, v in overridden.items())
        if not served:
            ids = [m for m in candidacy_ids(goal, Placement.PAID) if m in defs][:4]
            for rule in rules().rule:
                if rule.effect == "candidate" and biz in rule.models and goal in rule.goals:
                    ids = [m for m in rule.metrics if m in defs][:2] + ids[:2]
            labels = join([metric_label(m, lang, m) for m in ids], lang, "or")
            goal_name = t(f"classify.goal.{goal}", lang)
            text = t("classify.flag.goal_without_kpi", lang, goal=goal_name, metrics=labels)
            flags.append(Flag("goal_without_kpi", text, goal=goal))

    verdicts: list[MetricVerdict] = []
    seen_flags: set[tuple[str, Triple]] = set()
    # Plain lists: the loop below touches every triple once, and pandas indexing per cell
    # would cost more than the judging itself.
    mixed = rows["mixed_currency"].tolist() if "mixed_currency" in rows else [False] * len(rows)
    derived = [bool(d) for d in rows["derived"]]
    whole = rows["whole_export"].tolist() if "whole_export" in rows else [""] * len(rows)
    units_of = [str(u) for u in rows["unit"]]
    values = [value_or_none(v) for v in rows["value"]]
    bases = [str(b) for b in rows["value_basis"]]
    for i, key in enumerate(keys):
        metric = metrics[i] if key[0] in defs else None
        known = defs.get(metric or "")
        j = judged[key]
        label = metric_label(metric, lang, names[i])
        where = channel_label(channels[i], lang)
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
                near = join([metric_label(s, lang, s) for s in suggestions], lang, "or")
                which = "unknown_metric" if near else "unknown_metric_none"
                text = t(
                    f"classify.flag.{which}",
                    lang,
                    source=column_name(names[i], lang),
                    channel=where,
                    suggestions=near,
                )
                flags.append(Flag("unknown_metric", text, channels[i], None, source_name=names[i]))
        if bool(mixed[i]):
            codes.append("mixed_currency")
            if ("mixed", key) not in seen_flags:
                units = join(
                    sorted({u for u, k in zip(units_of, keys, strict=True) if k == key}),
                    lang,
                )
                text = t(
                    "classify.flag.mixed_currency", lang, metric=label, channel=where, units=units
                )
                flags.append(Flag("mixed_currency", text, channels[i], metric))
        if key in squeezed:
            codes.append("too_many_kpis")
        if whole[i] in UNDATED_CODES:
            codes.append(UNDATED_CODES[whole[i]])
        seen_flags |= {("sales", key), ("unknown", key), ("mixed", key)}
        verdict, rule_id = j.verdict, j.rule
        if key in overridden:
            verdict, rule_id = overridden[key], "override"
        reason = reason_for(
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
    flags += undated_flags(rows, lang) + periods_flag(rows, lang)
    order = {code: i for i, code in enumerate(FLAG_ORDER)}
    flags.sort(key=lambda f: (order[f.code], f.channel or "", f.metric or "", f.source_name or ""))
    return Classification(chosen_goals, biz, tuple(verdicts), tuple(flags))
