"""What paid reach costs: spend and the cost rates per paid channel and campaign."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from kpi_app import state
from kpi_core.ecosystem import paid_efficiency
from kpi_core.figures import format_value
from kpi_core.i18n import t
from kpi_core.labels import channel_label, metric_label
from kpi_core.textfit import NBSP

_RATES = ("cpm", "cpc", "cpc_link", "ctr", "ctr_link", "cpl", "cpa", "cost_per_purchase", "roas")


@st.cache_resource(max_entries=16, show_spinner=False)
def _efficiency(
    key: tuple[Any, ...], _frame: pd.DataFrame, start: date | None, end: date | None
) -> pd.DataFrame:
    return paid_efficiency(_frame, start, end)


def efficiency() -> pd.DataFrame | None:
    """The paid-efficiency table for the chosen period (cached by dataset and period)."""
    data = state.dataset()
    if data is None:
        return None
    start, end = state.period(data)
    return _efficiency((st.session_state.get("dataset_key"), start, end), data.frame, start, end)


def worth_showing(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The rows that say what paid reach cost, and the paid channels left out for want of spend.

    A row with no spend says nothing about cost, even with a rate beside it: LinkedIn's Page
    analytics count sponsored clicks but no spend, and a Spend of "–" beside their CTR read as
    a cost nobody knows. A channel's all-campaigns row repeats its one campaign's row word for
    word.
    """
    figures = ["spend", *(r for r in (*_RATES, "roi") if r in table)]
    kept = table[table["spend"].notna()]
    silent = [c for c in dict.fromkeys(table["channel"]) if c not in set(kept["channel"])]
    drop = []
    for channel in dict.fromkeys(kept["channel"]):
        mine = kept[kept["channel"] == channel]
        whole, parts = mine[mine["campaign"].isna()], mine[mine["campaign"].notna()]
        if parts["campaign"].nunique() == 1 and len(whole) == len(parts):
            same = (
                whole[figures].reset_index(drop=True).equals(parts[figures].reset_index(drop=True))
            )
            if same:
                drop += list(whole.index)
    return kept.drop(index=drop), silent


def blended_note(table: pd.DataFrame, lang: str) -> str | None:
    """A note naming the channels whose all-campaigns cost per order includes the spend of
    campaigns that recorded no orders (a click-to-WhatsApp campaign buys chats), or None.

    That figure is the channel's, as Meta's own account-level cost per purchase is, so it stays;
    beside a sales campaign's lower figure it would otherwise read as the same thing."""
    named = []
    for channel in dict.fromkeys(table["channel"]):
        mine = table[table["channel"] == channel]
        whole, parts = mine[mine["campaign"].isna()], mine[mine["campaign"].notna()]
        spent = parts["spend"].fillna(0) > 0
        if (
            whole["cost_per_purchase"].notna().any()
            and (spent & parts["cost_per_purchase"].isna()).any()
        ):
            named.append(channel_label(str(channel), lang))
    return t("eco.efficiency_blended", lang, channels=", ".join(named)) if named else None


def efficiency_table(table: pd.DataFrame, lang: str) -> None:
    """Spend and the rates the data allows per channel and campaign, in each row's own currency."""
    rates = [r for r in (*_RATES, "roi") if table[r].notna().any()]
    shown = pd.DataFrame({
        t("eco.col.channel", lang): [channel_label(c, lang) for c in table["channel"]],
        t("eco.col.campaign", lang): [c if isinstance(c, str) else t("eco.all_campaigns", lang)
                                      for c in table["campaign"]],
        t("eco.col.spend", lang): [format_value(v, c or "count", lang, compact=True)
                                   for v, c in zip(table["spend"], table["currency"], strict=True)],
    })  # fmt: skip
    for rate in rates:
        header = metric_label(rate, lang).split(" (")[0]
        if rate in ("cpc_link", "roi"):
            header = t(f"eco.col.{rate}", lang)
        unit = "fraction" if rate in ("ctr", "ctr_link", "roas", "roi") else None
        shown[header] = [
            format_value(v if pd.notna(v) else None, unit or (c or "count"), lang, rate)
            for v, c in zip(table[rate], table["currency"], strict=True)
        ]
    # A static table, not a data grid: a grid of this many columns ran past a 1,280 px page
    # and hid the cost per purchase, ROAS and ROI behind a scroll bar; here long campaign
    # names wrap, and every column is in view for a client. A figure never wraps ("Rp 70,1"
    # over "jt"): its spaces do not break.
    figures = list(shown.columns[2:])
    shown[figures] = shown[figures].map(lambda text: text.replace(" ", NBSP))
    st.table(shown.style.hide(axis="index"))
