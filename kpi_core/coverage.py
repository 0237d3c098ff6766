"""What periods the figures cover: whole-export totals counted or left out of the period. Each
becomes a flag that says so."""

from __future__ import annotations

import pandas as pd

from kpi_core.i18n import t
from kpi_core.labels import channel_label, metric_label
from kpi_core.verdicts import Flag

UNDATED_CODES = {"left_out": "undated_left_out", "included": "undated_included"}
_LISTED = 3  # metrics named in a flag; the rest are counted


def _names(labels: list[str], lang: str) -> str:
    shown = labels[:_LISTED]
    if len(labels) > _LISTED:
        shown.append(t("classify.word.more", lang, n=len(labels) - _LISTED))
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {t('classify.word.and', lang)} {shown[-1]}"


def undated_flags(summary: pd.DataFrame, lang: str = "en") -> list[Flag]:
    """One flag per channel whose whole-export totals were left out of the period, and one per
    channel whose totals were counted because the period covers all the data."""
    if "whole_export" not in summary or summary.empty:
        return []
    flags = []
    for status, code in UNDATED_CODES.items():
        rows = summary[(summary["whole_export"] == status) & ~summary["derived"].astype(bool)]
        for channel in dict.fromkeys(rows["channel"]):
            mine = rows[rows["channel"] == channel]
            labels = list(
                dict.fromkeys(
                    metric_label(m, lang, n)
                    for m, n in zip(mine["metric"], mine["source_name"], strict=True)
                )
            )
            text = t(
                f"classify.flag.{code}",
                lang,
                metrics=_names(labels, lang),
                channel=channel_label(channel, lang),
            )
            flags.append(Flag(code, text, channel))
    return flags
