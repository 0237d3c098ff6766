"""Vanity growth (seed 004): follower spikes, whether anyone engaged with them, and when they fell.

A jump in followers that engagement and conversions do not follow is an audience that will not
buy; when it falls in school holidays or the weeks after exams it is often people outside the
target (too young, another country). Each spike becomes a `follower_spike` flag that says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import pandas as pd

from kpi_core.datafiles import read_toml
from kpi_core.i18n import format_date, format_number, t
from kpi_core.labels import channel_label, metric_label
from kpi_core.verdicts import Flag
from kpi_core.windows import dated_by_period, stated_periods

# Days around a day that set its usual level (a rolling median, so a three-week spike inside
# eight weeks does not raise its own baseline).
WINDOW_DAYS = 57
# A day is part of a spike when it gains this many times the usual followers, and at least
# MIN_EXTRA more than usual (so 3 instead of 1 on a quiet account is not a spike).
SPIKE_MULTIPLE = 3.0
MIN_EXTRA = 10.0
# Days below the threshold that may sit inside one spike before it counts as two.
GAP_DAYS = 2
# A spike is growth that lasts: a single viral day is not a change of audience.
MIN_DAYS = 3
# Engagement "moved with" the followers when it rose by at least this share of their rise.
FOLLOWED_SHARE = 0.5
# A usual level needs a real daily series: four weeks of days with data. A post export (each
# post's lifetime totals on its publish day) is not one, however many posts it holds.
MIN_DAILY_POINTS = 28
# Engagement is compared only where it was measured on most of the spike's days.
MIN_SIGNAL_COVER = 0.5
FOLLOWER_METRICS = ("new_followers",)
# Net growth (gains minus losses: YouTube's `Subscribers`) shows a spike as well; it stands in
# for gains only on a channel that gives none, so the two are never added.
NET_FOLLOWER_METRICS = ("net_follower_growth",)
SIGNALS = {
    "engagement": ("engagements", "likes", "comments", "shares", "saves"),
    "clicks": ("link_clicks", "clicks", "profile_visits"),
    "conversions": ("purchases", "conversions", "sign_ups", "leads", "messaging_conversations"),
}


@dataclass(frozen=True)
class Spike:
    """A run of days on one channel whose follower gains were far above the usual."""

    channel: str
    placement: str
    start: date
    end: date
    gained: float
    multiple: float  # average daily gain in the spike / the usual daily gain
    moved: dict[str, float]  # signal group -> its average in the spike / its usual level
    season: str | None  # a calendar period the spike falls in (school holidays...)
    metric: str = "new_followers"  # what measured the gains: new followers, or net growth

    @property
    def followed(self) -> bool:
        """Whether engagement, clicks or conversions rose with the followers."""
        rise = self.multiple - 1
        return any(m - 1 >= FOLLOWED_SHARE * rise for m in self.moved.values())


@cache
def _seasons() -> tuple[tuple[str, tuple[int, int], tuple[int, int]], ...]:
    data = read_toml("calendar.toml")
    return tuple(
        (s["id"], (s["from"][0], s["from"][1]), (s["to"][0], s["to"][1])) for s in data["seasons"]
    )


def season_of(start: date, end: date) -> str | None:
    """The calendar season (school holidays, after exams) most days of a span fall in."""
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    best, best_count = None, 0
    for season, first, last in _seasons():
        inside = sum(first <= (d.month, d.day) <= last for d in days)
        if inside > best_count:
            best, best_count = season, inside
    return best if best_count * 2 >= len(days) else None


def _daily(frame: pd.DataFrame, metrics: tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Daily totals per channel and placement of the given metrics (counts only), and which
    days hold a row. Only account-level rows by day count: a post's row is its lifetime, and a
    row dated by a stated period is that period's total."""
    rows = frame[frame["metric"].isin(metrics) & (frame["unit"] == "count") & frame["date"].notna()]
    if "post_id" in rows:
        rows = rows[rows["post_id"].isna()]
    if stated_periods(rows):
        rows = rows[~dated_by_period(rows)]  # a period's total is not its first day's
    if rows.empty:
        return pd.DataFrame(), pd.DataFrame()
    daily = rows.groupby(["channel", "placement", "date"], observed=True)["value"].sum()
    table = daily.unstack(["channel", "placement"]).asfreq("D")
    return table.fillna(0.0), table.notna()


def _usual(series: pd.Series) -> pd.Series:
    return series.rolling(WINDOW_DAYS, center=True, min_periods=WINDOW_DAYS // 4).median()


def _runs(flags: pd.Series) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Start and end of each run of flagged days, bridging gaps of up to GAP_DAYS."""
    days = list(flags.index[flags.to_numpy()])
    runs: list[tuple[pd.Timestamp, pd.Timestamp]] = []
    for day in days:
        if runs and (day - runs[-1][1]).days <= GAP_DAYS + 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def follower_spikes(
    frame: pd.DataFrame, start: date | None = None, end: date | None = None
) -> tuple[Spike, ...]:
    """Every follower spike in the period, with how engagement, clicks and conversions moved."""
    followers, measured = _daily(frame, FOLLOWER_METRICS)
    net, net_measured = _daily(frame, NET_FOLLOWER_METRICS)
    only_net = [key for key in net.columns if key not in followers.columns]
    if only_net:
        followers = pd.concat([followers, net[only_net]], axis=1).fillna(0.0)
        measured = pd.concat([measured, net_measured[only_net]], axis=1).fillna(False)
    if followers.empty:
        return ()
    signals = {group: _daily(frame, metrics) for group, metrics in SIGNALS.items()}
    spikes = []
    for key in followers.columns:
        if measured[key].sum() < MIN_DAILY_POINTS:
            continue
        gains = followers[key]
        usual = _usual(gains)
        hot = (gains >= SPIKE_MULTIPLE * usual.clip(lower=1.0)) & (gains - usual >= MIN_EXTRA)
        for first, last in _runs(hot.fillna(False)):
            if (start and last.date() < start) or (end and first.date() > end):
                continue
            if (last - first).days + 1 < MIN_DAYS:
                continue
            span = slice(first, last)
            base = float(usual[span].mean())
            multiple = float(gains[span].mean()) / max(base, 1.0)
            days = (last - first).days + 1
            moved = {}
            for group, (table, seen) in signals.items():
                # Engagement counts only where it was measured on the spike's own days.
                if key not in table.columns or seen[key][span].sum() < MIN_SIGNAL_COVER * days:
                    continue
                if table[key].sum() > 0:
                    level = _usual(table[key])[span].mean()
                    moved[group] = float(table[key][span].mean() / level) if level > 0 else 1.0
            spikes.append(
                Spike(
                    str(key[0]), str(key[1]), first.date(), last.date(),
                    float(gains[span].sum()), multiple, moved,
                    season_of(first.date(), last.date()),
                    "net_follower_growth" if key in only_net else "new_followers",
                )
            )  # fmt: skip
    return tuple(spikes)


def _join(items: list[str], lang: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('classify.word.and', lang)} {items[-1]}"


def spike_flags(spikes: tuple[Spike, ...], lang: str = "en") -> tuple[Flag, ...]:
    """One `follower_spike` flag per spike, saying what moved with it and what to do."""
    flags = []
    for spike in spikes:
        when = t(f"growth.season.{spike.season}", lang) if spike.season else ""
        groups = [t(f"growth.signal.{g}", lang) for g in spike.moved]
        signals = _join(groups, lang) if groups else t("growth.signal.none", lang)
        key = "growth.flag.followed" if spike.followed else "growth.flag.not_followed"
        if not spike.moved:
            key = "growth.flag.unchecked"
        text = t(
            key,
            lang,
            channel=channel_label(spike.channel, lang),
            multiple=format_number(round(spike.multiple, 1), lang),
            start=format_date(spike.start, lang),
            end=format_date(spike.end, lang),
            when=when,
            signals=signals,
            gained=format_number(spike.gained, lang),
            followers=metric_label("new_followers", lang).lower(),
        )
        flags.append(
            Flag(
                "follower_spike", text, spike.channel, spike.metric,
                spike.start.isoformat(), spike.end.isoformat(),
            )
        )  # fmt: skip
    return tuple(flags)
