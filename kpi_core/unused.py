"""Metrics a channel never used: 0 on every row of the data, so their figure is no finding.

A Business Profile export counts Messages and Bookings as 0 for a café that never turned them
on; an X export holds a column of zeros for every app or phone action of an account that has no
app. A 0 throughout the data says the channel does not use the metric, not that it did badly:
read as a supporting signal or a funnel step it would mislead, so it is left out of the verdicts
and the charts, and a note per channel names what was left out.

Two kinds of 0 are findings however long they last, and stay: any figure of a channel's paid
placement that had a spend (Rp 449,000 for 0 purchases is the campaign's result), and a sales
figure (purchases, revenue: 0 throughout is a shop that sold nothing there, or a conversion
tracking that is not set up, and either is what the client must hear).
"""

from __future__ import annotations

import pandas as pd

from kpi_core import catalogue
from kpi_core.coverage import name_list
from kpi_core.i18n import t
from kpi_core.labels import channel_label, metric_label
from kpi_core.verdicts import Flag

# (source name, metric id or None, channel, placement)
Unused = tuple[str, str | None, str, str]
_KEYS = ["source_name", "channel", "placement"]


def never_used(frame: pd.DataFrame) -> tuple[Unused, ...]:
    """The columns whose every value in the tidy frame, over all its dates, is 0 or blank (at
    least one 0), other than sales figures and the figures of a placement that had a spend: the
    metrics each channel never used, in the frame's order."""
    if frame.empty:
        return ()
    # One pass over the label codes: a million rows take tens of milliseconds, not a copy of
    # every label as a Python object.
    value = frame["value"]
    marks = pd.DataFrame(
        {"used": value.fillna(0).ne(0), "zero": value.eq(0), "metric": frame["metric"]},
        index=frame.index,
    )
    groups = marks.groupby([frame[k] for k in _KEYS], sort=False, observed=True)
    seen = groups.agg(used=("used", "any"), zero=("zero", "any"), metric=("metric", "first"))
    idle = seen.index[~seen["used"] & seen["zero"]]
    if idle.empty:
        return ()
    metric = seen["metric"].astype(object)
    spent = frame[(frame["metric"] == "spend") & (frame["value"] > 0)]
    paid_for = set(zip(spent["channel"].astype(str), spent["placement"].astype(str), strict=True))
    found = []
    for s, c, p in idle:
        m = metric[(s, c, p)]
        m = None if pd.isna(m) else str(m)
        if (str(c), str(p)) in paid_for or (m is not None and _sales(m)):
            continue
        found.append((str(s), m, str(c), str(p)))
    return tuple(found)


def _sales(metric: str) -> bool:
    return metric in catalogue.metric_ids() and catalogue.metric(metric).sales


def leave_out(summary: pd.DataFrame, unused: tuple[Unused, ...]) -> pd.DataFrame:
    """The period's summary without the rows of the metrics never used (a new frame)."""
    if not unused or summary.empty:
        return summary
    gone = {(s, c, p) for s, _, c, p in unused}
    rows = zip(summary["source_name"], summary["channel"], summary["placement"], strict=True)
    keep = [(str(s), str(c), str(p)) not in gone for s, c, p in rows]
    return summary[keep].reset_index(drop=True)


def unused_flags(unused: tuple[Unused, ...], lang: str = "en") -> list[Flag]:
    """One note per channel naming the metrics it never used, which are left out."""
    flags = []
    for channel in dict.fromkeys(c for _, _, c, _ in unused):
        mine = [metric_label(m, lang, s) for s, m, c, _ in unused if c == channel]
        labels = list(dict.fromkeys(mine))
        text = t(
            "classify.flag.not_used",
            lang,
            metrics=name_list(labels, lang),
            channel=channel_label(channel, lang),
        )
        flags.append(Flag("not_used", text, channel))
    return flags
