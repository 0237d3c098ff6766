"""Each channel as its own ecosystem, how channels feed the stages, and what paid reach costs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import pandas as pd

from kpi_core import catalogue
from kpi_core.classify import Classification, Flag, MetricVerdict
from kpi_core.datafiles import read_toml
from kpi_core.models import COUNT, PLAIN_UNITS, Placement, Stage, Verdict
from kpi_core.windows import select

STAGES: tuple[Stage, ...] = tuple(Stage)
SALES_FLAG = "sales_on_organic_social"
_RANK = {Verdict.KPI: 3, Verdict.SUPPORTING: 2, Verdict.VANITY: 1}
# The paid-efficiency table: the parts it adds up, and each rate as (numerator, denominator, scale).
_COUNT_PARTS = ("impressions", "clicks", "link_clicks", "leads", "conversions", "purchases")
_MONEY_PARTS = ("spend", "revenue")
EFFICIENCY_RATES: dict[str, tuple[str, str, float]] = {
    "cpm": ("spend", "impressions", 1000.0),
    "cpc": ("spend", "clicks", 1.0),
    "cpc_link": ("spend", "link_clicks", 1.0),
    "ctr": ("clicks", "impressions", 1.0),
    "ctr_link": ("link_clicks", "impressions", 1.0),
    "cpl": ("spend", "leads", 1.0),
    "cpa": ("spend", "conversions", 1.0),
    "cost_per_purchase": ("spend", "purchases", 1.0),
    "roas": ("revenue", "spend", 1.0),
}


@cache
def _config() -> dict[str, Any]:
    return read_toml("ecosystem.toml")


def signal_metrics(channel: str) -> tuple[str, ...]:
    """The metrics that show a channel's own best signal (e.g. amplification on X)."""
    return tuple(_config()["channel"].get(channel, {}).get("signals", ()))


def signal_message(channel: str) -> str:
    """The message key that explains a channel's best signal, or `eco.signal.other`."""
    return str(_config()["channel"].get(channel, {}).get("says", "eco.signal.other"))


def _kind(channel: str) -> str | None:
    try:
        return str(catalogue.channel(channel).kind)
    except KeyError:
        return None


@dataclass(frozen=True)
class ChannelEcosystem:
    """One channel's metrics laid out by stage, its own best signal, and its red flags."""

    channel: str
    kind: str | None
    placements: tuple[str, ...]
    by_stage: tuple[tuple[Stage, tuple[MetricVerdict, ...]], ...]
    signals: tuple[MetricVerdict, ...]
    signal_ids: tuple[str, ...]
    signal_message: str
    red_flags: tuple[Flag, ...]
    unstaged: int = 0  # metrics the catalogue does not know, so they sit at no stage

    def metrics_at(self, stage: Stage | str) -> tuple[MetricVerdict, ...]:
        """The channel's metrics at one stage."""
        return dict(self.by_stage).get(Stage(stage), ())


def channel_ecosystems(result: Classification) -> tuple[ChannelEcosystem, ...]:
    """Every channel of a classification as its own ecosystem, in the order the data lists them."""
    found = []
    for channel in dict.fromkeys(m.channel for m in result.metrics):
        mine = [m for m in result.metrics if m.channel == channel]
        by_stage = tuple((s, tuple(m for m in mine if m.stage == s)) for s in STAGES)
        wanted = signal_metrics(channel)
        present = [w for w in wanted if any(m.metric == w and m.value is not None for m in mine)]
        # Two signals at most: the callout names the behaviour, not every metric.
        signals = tuple(m for w in present[:2] for m in mine if m.metric == w)
        flags = tuple(f for f in result.flags if f.code == SALES_FLAG and f.channel == channel)
        found.append(
            ChannelEcosystem(
                channel, _kind(channel), tuple(dict.fromkeys(m.placement for m in mine)),
                by_stage, signals, wanted, signal_message(channel), flags,
                sum(m.stage is None for m in mine),
            )
        )  # fmt: skip
    return tuple(found)


@dataclass(frozen=True)
class StageCell:
    """How one channel and placement feeds one stage: its metrics, best verdict, flag, costs."""

    channel: str
    placement: str
    stage: Stage
    metrics: int
    kpis: int
    verdict: Verdict | None
    red_flag: bool
    message: str | None
    efficiency: tuple[MetricVerdict, ...]


def ecosystem_matrix(result: Classification) -> tuple[StageCell, ...]:
    """A channel-and-placement by stage matrix; organic social carrying sales is a red flag."""
    efficiency: dict[str, list[str]] = _config()["efficiency"]
    cells = []
    for channel, placement in dict.fromkeys((m.channel, m.placement) for m in result.metrics):
        mine = [m for m in result.metrics if m.channel == channel and m.placement == placement]
        for stage in STAGES:
            here = [m for m in mine if m.stage == stage]
            flagged = [m for m in here if SALES_FLAG in m.flags]
            message = next(
                (
                    f.message
                    for f in result.flags
                    if f.code == SALES_FLAG and f.channel == channel
                    and any(f.metric == m.metric for m in flagged)
                ),
                None,
            )  # fmt: skip
            costs: tuple[MetricVerdict, ...] = ()
            if placement == Placement.PAID:
                costs = tuple(
                    m for e in efficiency.get(str(stage), ()) for m in here
                    if m.metric == e and m.value is not None
                )  # fmt: skip
            best = max((m.verdict for m in here), key=_RANK.__getitem__, default=None)
            cells.append(
                StageCell(
                    channel, placement, stage, len(here),
                    # One KPI read from several columns (LIVE, video) holds one budget slot.
                    len({m.slot for m in here if m.verdict == Verdict.KPI}),
                    best, bool(flagged), message,
                    costs,
                )
            )  # fmt: skip
    return tuple(cells)


def _text(series: pd.Series) -> pd.Series:
    return series.astype(object).where(series.notna(), "").astype(str)


def _paid_rows(frame: pd.DataFrame, start: date | None, end: date | None) -> pd.DataFrame:
    work = pd.DataFrame({c: _text(frame[c]) for c in ("channel", "placement", "metric", "unit")})
    work["campaign"] = _text(frame["campaign"]) if "campaign" in frame else ""
    work["value"] = pd.to_numeric(frame["value"], errors="coerce")
    keep = (work["placement"] == Placement.PAID) & work["metric"].isin(_COUNT_PARTS + _MONEY_PARTS)
    # Whole-export totals count as in the summary: only in a period that covers them.
    keep &= select(frame, start, end).keep
    return work[keep & work["value"].notna()]


def _efficiency_row(rows: pd.DataFrame, channel: str, campaign: str | None) -> list[dict[str, Any]]:
    counts = rows[rows["unit"] == COUNT].groupby("metric")["value"].sum()
    paid = rows[~rows["unit"].isin(PLAIN_UNITS)].groupby(["metric", "unit"])["value"].sum()
    table = paid.reset_index()
    money = {
        (str(m), str(u)): float(v)
        for m, u, v in zip(table["metric"], table["unit"], table["value"], strict=True)
    }
    spend_units = sorted({u for m, u in money if m == "spend"})
    currencies: list[str | None] = list(spend_units)
    if not currencies:
        currencies = [min((u for _, u in money), default=None)]
    out = []
    for currency in currencies:
        parts: dict[str, float | None] = {
            m: float(counts[m]) if m in counts else None for m in _COUNT_PARTS
        }
        for m in _MONEY_PARTS:
            parts[m] = money.get((m, str(currency)))
        # Counts carry no currency: with spend in two currencies nobody knows which impressions
        # each bought, so only the same-currency rates (ROAS, ROI) are computed.
        split = len(spend_units) > 1
        row: dict[str, Any] = {
            "channel": channel,
            "campaign": campaign,
            "currency": currency,
            **parts,
        }
        for rate, (num, den, scale) in EFFICIENCY_RATES.items():
            top, bottom = parts.get(num), parts.get(den)
            mixed = split and (num in _MONEY_PARTS) != (den in _MONEY_PARTS)
            row[rate] = top / bottom * scale if top is not None and bottom and not mixed else None
        spend, revenue = parts["spend"], parts["revenue"]
        row["roi"] = (revenue - spend) / spend if spend and revenue is not None else None
        out.append(row)
    return out


def paid_efficiency(
    frame: pd.DataFrame, start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Spend, CPM, CPC, CTR, CPL, CPA, ROAS, ROI per paid channel (campaign None) and campaign."""
    rows = _paid_rows(frame, start, end)
    out: list[dict[str, Any]] = []
    for channel in dict.fromkeys(rows["channel"]):
        mine = rows[rows["channel"] == channel]
        out += _efficiency_row(mine, channel, None)
        for campaign in sorted(set(mine["campaign"]) - {""}):
            out += _efficiency_row(mine[mine["campaign"] == campaign], channel, campaign)
    columns = ["channel", "campaign", "currency", *_COUNT_PARTS, *_MONEY_PARTS,
               *EFFICIENCY_RATES, "roi"]  # fmt: skip
    table = pd.DataFrame(out, columns=columns)
    return table.astype({c: "float64" for c in columns[3:]})
