"""The words of a classification: lists joined as a sentence joins them, and the one-sentence
reason each rule gives for a verdict."""

from __future__ import annotations

from kpi_core.definitions import MetricDef
from kpi_core.i18n import column_name, t
from kpi_core.judgement import Judgement, rules
from kpi_core.labels import in_sentence, metric_label
from kpi_core.models import BusinessModel, Goal, Verdict


def join(items: list[str], lang: str, word: str = "and") -> str:
    """Items listed as a sentence lists them: `a, b and c` (or `or`), in the language."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('classify.word.' + word, lang)} {items[-1]}"


def reason_for(
    rule_id: str,
    j: Judgement,
    verdict: Verdict,
    label: str,
    channel: str,
    source_name: str,
    goals: tuple[Goal, ...],
    model: BusinessModel,
    known: MetricDef | None,
    lang: str,
) -> str:
    """The one sentence the deciding rule gives for a verdict, naming the metric, channel, goals
    and business model."""
    goal = j.goal or next(iter(j.candidate), None)
    names = [t(f"classify.goal.{g}", lang) for g in goals] or [t("classify.goal.none", lang)]
    params: dict[str, object] = {
        "metric": label,
        # Inside a sentence a known metric's name is a common noun; a file's own name is quoted.
        "metric_in": in_sentence(label) if known else label,
        "channel": channel,
        "source": column_name(source_name, lang),
        "goal": t(f"classify.goal.{goal}", lang) if goal else names[0],
        "goals": join(names, lang),
        "model": t(f"classify.model.{model}", lang),
        "stage": t(f"classify.stage.{known.stage}", lang) if known else "",
        "verdict": t(f"classify.verdict.{verdict}", lang),
        "rate": metric_label(j.rate, lang, j.rate or ""),
        "budget": rules().budget.size,
    }
    return t(f"classify.reason.{rule_id}", lang, **params)
