"""The KPI budget: which KPI candidates keep a slot when there are more than it holds.

A candidate that repeats a stronger one from the same parts gives way first (`twins`); the rest
are ranked goal by goal, then by closeness to a goal's stage, intent and a stable order
(`fill_budget`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kpi_core import catalogue
from kpi_core.definitions import MetricDef
from kpi_core.judgement import STAGES, Judgement, Triple, rules
from kpi_core.models import Goal


def _intent(metric: MetricDef, boosted: bool) -> tuple[int, int, int]:
    order = rules().budget.intent_order
    action = order.index(metric.action) if metric.action in order else len(order)
    return (0 if boosted else 1, -STAGES.index(metric.stage), action)


SAME_PARTS = "same_parts_one_kpi"


def twins(candidates: Mapping[Triple, Judgement]) -> dict[Triple, Triple]:
    """KPI candidates that repeat a stronger one from the same parts (ROI beside ROAS on one
    channel and placement), each mapped to the candidate that keeps the KPI slot."""
    group = next((r.metrics for r in rules().rule if r.id == SAME_PARTS), ())
    by_place: dict[tuple[str, str], list[Triple]] = {}
    for key in candidates:
        if key[0] in group:
            by_place.setdefault((key[1], key[2]), []).append(key)
    found: dict[Triple, Triple] = {}
    for keys in by_place.values():
        # The stronger is the one a goal lists first; the rule's own order breaks a tie.
        ordered = sorted(
            keys, key=lambda k: (min(candidates[k].candidate.values()), group.index(k[0]))
        )
        found.update({k: ordered[0] for k in ordered[1:]})
    return found


def fill_budget(
    candidates: Mapping[Triple, Judgement],
    goals: tuple[Goal, ...],
    volumes: Mapping[Triple, float] | None = None,
) -> list[Triple]:
    """The KPI budget: each goal's best candidate, then closeness, intent and a stable order;
    one metric on several channels ranks the larger volume first."""
    size = rules().budget.size
    defs = catalogue._metrics_by_id()
    volume = volumes or {}

    def closeness(key: Triple, goal: Goal) -> int:
        return abs(STAGES.index(defs[key[0]].stage) - STAGES.index(rules().goal[goal].stage))

    def rank(key: Triple, goal: Goal | None = None) -> tuple[Any, ...]:
        cand = candidates[key].candidate
        goals_in = [goal] if goal is not None else list(cand)
        near = min(closeness(key, g) for g in goals_in)
        prio = min(cand[g] for g in goals_in)
        intent = _intent(defs[key[0]], prio < 0)
        # Ties are one metric on several channels: Sign-ups on the website (4,069) before the
        # same metric on email (274); channel and placement names only break an exact tie.
        tie = (key[0], -volume.get(key, 0.0), key[1], key[2])
        return (prio, near, intent, tie) if goal is not None else (near, intent, prio, tie)

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
