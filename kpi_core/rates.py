"""The rates a summary's parts allow: each catalogue rate is the ratio of its two parts' sums, on
one channel and placement, from figures of the same things (`scopes`), and amounts in different
currencies are never divided together."""

from __future__ import annotations

from functools import cache

import pandas as pd

from kpi_core import catalogue
from kpi_core.models import MONEY, PLAIN_UNITS
from kpi_core.scopes import comparable, pooled, with_scopes

# ROI is the one rate whose value is (numerator - denominator) / denominator, not a plain ratio,
# so the catalogue cannot declare it with parts alone: its parts live here.
NET_RATES: dict[str, tuple[str, str]] = {"roi": ("revenue", "spend")}


def is_money(units: pd.Series) -> pd.Series:
    """True for each unit that is a currency (not a count, a fraction or seconds)."""
    return ~units.isin(PLAIN_UNITS)


@cache
def rate_table() -> pd.DataFrame:
    rows = [
        (m.id, *(m.parts or NET_RATES[m.id]), m.scale, m.id in NET_RATES, m.unit, m.label.en)
        for m in catalogue.load().metrics
        if len(m.parts or NET_RATES.get(m.id, ())) == 2
    ]
    columns = ["metric", "num", "den", "scale", "net", "rate_unit", "source_name"]
    return pd.DataFrame(rows, columns=columns)


def ratios_of(summary: pd.DataFrame) -> pd.DataFrame:
    """Every catalogue rate whose two parts exist on the same channel, placement and currency,
    from summary rows that name a metric and describe the same things (one `scope` per rate)."""
    table = rate_table()
    parts = with_scopes(summary[~summary["metric"].isin(set(table["metric"]))])
    parts = parts[parts["value"].notna()]  # a part left out of the period makes no rate
    totals = pooled(parts, ["metric", "channel", "placement", "unit"])
    side = ("unit", "value", "scope", "reports", "by_day")
    num = totals.rename(columns={"metric": "num", **{c: f"{c}_num" for c in side}})
    den = totals.rename(columns={"metric": "den", **{c: f"{c}_den" for c in side}})
    pair = table.merge(num, on="num").merge(den, on=["den", "channel", "placement"])
    same_things, scope = comparable(pair)
    pair = pair.assign(scope=scope)[same_things]
    both_money = is_money(pair["unit_num"]) & is_money(pair["unit_den"])
    # Amounts in different currencies are never divided by each other.
    pair = pair[~both_money | (pair["unit_num"] == pair["unit_den"])]
    den_value = pair["value_den"].where(pair["value_den"] != 0)
    top = pair["value_num"] - den_value.where(pair["net"], 0.0)
    money_unit = pair["unit_num"].where(is_money(pair["unit_num"]), pair["unit_den"])
    found = pd.DataFrame(
        {
            "metric": pair["metric"],
            "channel": pair["channel"],
            "placement": pair["placement"],
            "unit": money_unit.where(pair["rate_unit"] == MONEY, pair["rate_unit"]),
            "value": (top / den_value * pair["scale"]).astype("float64"),
            "source_name": pair["source_name"],
            "scope": pair["scope"],
        }
    )
    # Two pairings landing on one unit and scope (ROAS from IDR and from USD) would be
    # ambiguous: drop both.
    keys = ["metric", "channel", "placement", "unit", "scope"]
    return found[~found.duplicated(keys, keep=False)]


def own_parts(summary: pd.DataFrame) -> pd.Series:
    """Where the ratio of a channel's summed parts can stand for a reported rate: the rate is
    the channel's only column of that metric (a LIVE and a video column are not each the whole
    shop's), and a rate read only where reported (GA4's per-user ratios) lies between the
    lowest and highest figure reported (a ratio of the rows' own parts always does: one
    outside divides other figures, such as users summed day by day in another report)."""
    columns = summary.groupby(["metric", "channel", "placement", "unit"], observed=True)
    alone = columns["source_name"].transform("nunique") == 1
    # The margin allows for rates the file rounds (0.0498 for 4.98 %).
    margin = 0.005 * summary["high"].abs()
    inside = summary["ratio"].between(summary["low"] - margin, summary["high"] + margin)
    return alone & (inside | summary["metric"].isin(derivable()))


@cache
def derivable() -> frozenset[str]:
    """The rates KPI Lens may compute from their parts (not those read only where reported)."""
    return frozenset(m.id for m in catalogue.load().metrics if m.derive)
