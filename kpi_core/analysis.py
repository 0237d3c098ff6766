"""From the tidy frame to verdicts for a period, and the classify JSON the CLI prints."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from kpi_core.classify import Classification, Flag, classify
from kpi_core.derive import derive_rates, summarise
from kpi_core.growth import follower_spikes, spike_flags
from kpi_core.ingest import Dataset
from kpi_core.labels import layout_label, problem_message
from kpi_core.models import BusinessModel, FileReport, Goal, Verdict
from kpi_core.tracking import tracking_flags
from kpi_core.unused import leave_out, never_used, unused_flags
from kpi_core.windows import data_span


@dataclass(frozen=True)
class Analysis:
    """The verdicts for one period, goals and business model, with the summary they rest on."""

    period: tuple[date | None, date | None]
    summary: pd.DataFrame
    classification: Classification
    growth: tuple[Flag, ...] = ()
    unused: tuple[Flag, ...] = ()
    tracking: tuple[Flag, ...] = ()

    @property
    def flags(self) -> tuple[Flag, ...]:
        """Every flag to act on: the classification's, the follower spikes, the money spent for
        no conversion, then the metrics left out because their channel never used them."""
        return self.classification.flags + self.growth + self.tracking + self.unused


def period_of(frame: pd.DataFrame) -> tuple[date | None, date | None]:
    """The first and last day the data covers, a file's stated period to its end (None when no
    row is dated)."""
    return data_span(frame)


def analyse(
    dataset: Dataset,
    goals: Iterable[Goal | str],
    model: BusinessModel | str,
    *,
    start: date | None = None,
    end: date | None = None,
    overrides: Mapping[tuple[str, str, str], Verdict | str] | None = None,
    lang: str = "en",
) -> Analysis:
    """Summarise the period, derive the rates the data allows and judge every metric."""
    first, last = period_of(dataset.frame)
    period = (start or first, end or last)
    unused = never_used(dataset.frame)
    summary = derive_rates(leave_out(summarise(dataset.frame, start, end), unused))
    verdicts = classify(summary, goals, model, overrides=overrides, lang=lang)
    spikes = follower_spikes(dataset.frame, period[0], period[1])
    notes = tuple(unused_flags(unused, lang))
    spent = tuple(tracking_flags(summary, lang))
    return Analysis(period, summary, verdicts, spike_flags(spikes, lang), notes, spent)


def _file_json(report: FileReport, lang: str) -> dict[str, Any]:
    return {
        "name": report.name,
        "layout": report.layout,
        "platform": layout_label(report, lang),
        "channel": report.channel,
        "placement": report.placement,
        "rows_read": report.rows_read,
        "rows_skipped": report.rows_skipped,
        "date_from": report.date_from,
        "date_to": report.date_to,
        "unknown_columns": list(report.unknown_columns),
        "problems": [
            {
                "code": p.code,
                "severity": str(p.severity),
                "message": problem_message(p, lang),
                "column": p.column,
                "row": p.row,
                "count": p.count,
            }
            for p in report.problems
        ],
    }


def classify_json(dataset: Dataset, analysis: Analysis, lang: str = "en") -> dict[str, Any]:
    """The `kpi-lens classify --json` object (schema: kpi_core/data/classify.schema.json)."""
    verdicts = analysis.classification
    start, end = analysis.period
    flags = []
    for flag in analysis.flags:
        item = flag.to_dict()
        item["from"] = item["from"] or (start.isoformat() if start else None)
        item["to"] = item["to"] or (end.isoformat() if end else None)
        flags.append(item)
    return {
        "goals": [str(g) for g in verdicts.goals],
        "business_model": str(verdicts.model),
        "period": {
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
        },
        "files": [_file_json(r, lang) for r in dataset.files],
        "metrics": [
            {
                "source_name": m.source_name,
                "metric": m.metric,
                "match_score": m.match_score,
                "channel": m.channel,
                "placement": m.placement,
                "stage": None if m.stage is None else str(m.stage),
                "verdict": str(m.verdict),
                "rule": m.rule,
                "reason": m.reason,
                "derived": m.derived,
                "overridden": m.overridden,
                "flags": list(m.flags),
                "unit": m.unit,
                "value": m.value,
                "value_basis": m.value_basis,
                "goal": None if m.goal is None else str(m.goal),
            }
            for m in verdicts.metrics
        ],
        "flags": flags,
    }
