"""A reported rate's period figure from its own rows: the sum of each row's numerator over the
sum of each row's denominator, where both sit on the same rows as the rate.

Meta's cost per result is reported per row, with the meaning the row's result type gives it: a
messaging campaign's rows carry a cost per chat, a sales campaign's a cost per purchase. The mean
of the daily costs is not the period's cost (a day of Rp 100 on Rp 1,000 spent and a day of
Rp 300 on Rp 300 cost Rp 1,300 for 11 chats, Rp 118 each, not Rp 200), and the channel's summed
parts are not that campaign's (they add in the other campaigns' spend). Every row names its own
spend, so the rate's parts are known row by row: the denominator is on the row (its chats), or
follows from the row's numerator and its rate (spend over cost per purchase is its purchases).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kpi_core import catalogue
from kpi_core.rates import is_money, rate_table

# What makes two tidy rows the same row of a file: the same report, day, campaign and item.
ROW = ["source", "date", "last_day", "campaign", "post_id", "channel", "placement"]
_GROUP = ["source_name", "metric", "channel", "placement", "unit"]
# A file rounds its rates (Rp 3.953,73; 1,22 %): a row's own parts agree with it within this.
_TOLERANCE = 0.01


def _one_per_row(work: pd.DataFrame, metric: str, name: str) -> pd.DataFrame:
    """A part's rows keyed by ROW, where each file row holds it once (two would be ambiguous)."""
    rows = work.loc[work["metric"] == metric, [*ROW, "value", "unit"]]
    rows = rows.assign(unit=rows["unit"].astype(object))
    rows = rows[~rows.duplicated(ROW, keep=False)]
    return rows.rename(columns={"value": name, "unit": f"{name}_unit"})


def row_ratios(work: pd.DataFrame) -> pd.DataFrame:
    """Per summary group (`_GROUP`) of a catalogue rate, the ratio of its rows' own parts (NaN
    where a row lacks its numerator, or its parts disagree with its rate)."""
    table = rate_table()
    # People summed over a report's rows (users by page) count someone once per row: a ratio
    # over them depends on how the report slices them (kpi_core.scopes), so those stay as read.
    people = {m.id for m in catalogue.load().metrics if m.unique}
    table = table[~table["net"] & ~table["num"].isin(people) & ~table["den"].isin(people)]
    parts = {
        m: (n, d, float(s))
        for m, n, d, s in table[["metric", "num", "den", "scale"]].itertuples(index=False)
    }
    counted = work[(work["whole"] < 2) & work["value"].notna()]
    rated = counted[counted["metric"].isin(set(parts))]
    found: list[pd.DataFrame] = []
    for metric in sorted(set(rated["metric"].astype(str))):
        num, den, scale = parts[metric]
        rows = rated[rated["metric"] == metric]
        rows = rows.assign(unit=rows["unit"].astype(object))
        rows = rows.merge(_one_per_row(counted, num, "num"), on=ROW, how="left")
        rows = rows.merge(_one_per_row(counted, den, "den"), on=ROW, how="left")
        rate = rows["value"]
        implied = rows["num"] * scale / rate.where(rate != 0)
        # A row without spend and without results adds nothing to either sum.
        nothing = (rows["num"] == 0) & rows["den"].isna()
        bottom = rows["den"].fillna(implied).where(~nothing, 0.0)
        own = rows["num"] * scale / rows["den"].where(rows["den"] != 0)
        agree = rows["den"].isna() | ((own - rate).abs() <= _TOLERANCE * rate.abs() + 1e-9)
        # A cost divides the spend of its own currency; shares of money, money of one currency.
        money = is_money(rows["unit"])
        same_money = ~money | (rows["num_unit"] == rows["unit"])
        both = rows["num_unit"].notna() & rows["den_unit"].notna()
        both &= is_money(rows["num_unit"]) & is_money(rows["den_unit"])
        same_money &= ~both | (rows["num_unit"] == rows["den_unit"])
        usable = rows["num"].notna() & bottom.notna() & agree & same_money
        sums = pd.DataFrame(
            {
                "top": rows["num"] * scale,
                "bottom": bottom,
                "bad": ~usable,
                **{c: rows[c].astype(str) for c in _GROUP},
            }
        ).groupby(_GROUP, sort=False)
        ratio = sums["top"].sum() / sums["bottom"].sum().replace(0.0, np.nan)
        ratio = ratio.where(~sums["bad"].any())
        found.append(ratio.rename("row_ratio").reset_index())
    if not found:
        return pd.DataFrame(columns=[*_GROUP, "row_ratio"])
    return pd.concat(found, ignore_index=True)


def with_row_ratios(summary: pd.DataFrame, work: pd.DataFrame) -> pd.DataFrame:
    """The summary with each rate it could only average (basis `mean`) given as the ratio of its
    own rows' parts where they allow it (basis `ratio`)."""
    averaged = summary["value_basis"] == "mean"
    if not averaged.any():
        return summary
    wanted = set(summary.loc[averaged, "metric"].astype(str))
    ratios = row_ratios(work[work["metric"].isin(wanted | _parts_of(wanted))])
    if ratios.empty:
        return summary
    keyed = summary[_GROUP].astype(str).merge(ratios, on=_GROUP, how="left")
    value = pd.Series(keyed["row_ratio"].to_numpy(), index=summary.index)
    use = averaged & value.notna()
    return summary.assign(
        value=summary["value"].where(~use, value),
        value_basis=summary["value_basis"].where(~use, "ratio"),
    )


def _parts_of(metrics: set[str]) -> set[str]:
    table = rate_table()
    mine = table[table["metric"].isin(metrics)]
    return set(mine["num"]) | set(mine["den"])
