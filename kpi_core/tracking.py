"""Money spent for no result: a paid placement whose spend in the period bought 0 conversions.

Rp 449,000 on Facebook ads for 0 purchases is either a campaign that did not sell or conversion
tracking that does not record the sales (no pixel, no Conversions API, no tag): the verdicts alone
would say nothing is wrong, since Purchases is in the data and is a KPI. This is DESIGN.md's
"missing conversion tracking" diagnosis, raised per channel and placement.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from kpi_core import catalogue
from kpi_core.coverage import name_list
from kpi_core.figures import format_value
from kpi_core.i18n import t
from kpi_core.labels import channel_label, in_sentence, metric_label, placement_label
from kpi_core.models import ActionKind, Stage
from kpi_core.verdicts import Flag


@cache
def _results() -> frozenset[str]:
    """Counts of what a conversion campaign buys: purchases, sign-ups, bookings, conversions."""
    return frozenset(
        m.id
        for m in catalogue.load().metrics
        if m.stage == Stage.CONVERSION
        and m.action in (ActionKind.MACRO, ActionKind.OUTCOME)
        and m.unit == "count"
        and not m.lost
        and not m.cumulative
    )


def tracking_flags(summary: pd.DataFrame, lang: str = "en") -> list[Flag]:
    """One flag per paid channel whose spend in the period is above 0 while every conversion
    count it reports is 0."""
    if summary.empty:
        return []
    rows = summary[~summary["derived"].astype(bool)]
    spend = rows[(rows["metric"] == "spend") & (rows["value"] > 0)]
    results = rows[rows["metric"].isin(_results())]
    flags = []
    for (channel, placement), paid in spend.groupby(["channel", "placement"], sort=False):
        mine = results[(results["channel"] == channel) & (results["placement"] == placement)]
        if mine.empty or (mine["value"].fillna(0) != 0).any():
            continue
        names = [in_sentence(metric_label(str(m), lang)) for m in mine["metric"]]
        # Amounts in different currencies are never added: each is named.
        by_unit = paid.groupby(paid["unit"].astype(str), sort=False)["value"].sum()
        amounts = [format_value(float(v), str(u), lang, "spend") for u, v in by_unit.items()]
        text = t(
            "classify.flag.no_conversions",
            lang,
            spend=" + ".join(amounts),
            channel=channel_label(str(channel), lang),
            placement=placement_label(str(placement), lang).lower(),
            metrics=name_list(list(dict.fromkeys(names)), lang),
        )
        flags.append(Flag("no_conversions", text, str(channel), str(mine["metric"].iloc[0])))
    return flags
