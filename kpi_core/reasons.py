"""The words of a classification: metric and channel names in the language, lists joined as a
sentence joins them, and the one-sentence reason each rule gives for a verdict."""

from __future__ import annotations

from kpi_core import catalogue
from kpi_core.definitions import MetricDef
from kpi_core.i18n import column_name, t
from kpi_core.judgement import Judgement, rules
from kpi_core.labels import in_sentence
from kpi_core.models import BusinessModel, Goal, Verdict


def metric_name(metric: str | None, source_name: str, lang: str) -> str:
    """A metric's name in the language, or the file's own column name when it is unknown."""
    known = catalogue._metrics_by_id().get(metric or "")
    if known is None:
        return column_name(source_name, lang)
    return str(getattr(known.label, lang, known.label.en))


def channel_name(channel: str, lang: str) -> str:
    """A channel's name in the language, or its id when the catalogue does not know it."""
    try:
        label = catalogue.channel(channel).label
    except KeyError:
        return channel
    return str(getattr(label, lang, label.en))


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
        "rate": metric_name(j.rate, j.rate or "", lang),
        "budget": rules().budget.size,
    }
    return t(f"classify.reason.{rule_id}", lang, **params)
