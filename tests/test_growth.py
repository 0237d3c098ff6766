"""Follower spikes (seed 004): found, checked against engagement, placed in the calendar."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from kpi_core.growth import follower_spikes, season_of, spike_flags
from kpi_core.ingest import read_files
from tests.frames import tidy

FIXTURES = Path(__file__).parent / "fixtures"

START = date(2026, 4, 1)


def account(
    spike: tuple[date, date] | None = None, engaged: bool = False, days: int = 150
) -> list[tuple[str, str, str, str, float, str]]:
    """Daily Instagram rows: 40 new followers and 300 likes a day, with an optional spike."""
    rows = []
    for i in range(days):
        day = START + timedelta(days=i)
        inside = spike is not None and spike[0] <= day <= spike[1]
        rows.append(
            (
                day.isoformat(),
                "instagram",
                "organic",
                "new_followers",
                400 if inside else 40,
                "count",
            )
        )
        likes = 3000 if inside and engaged else 300
        rows.append((day.isoformat(), "instagram", "organic", "likes", likes, "count"))
    return rows


def test_a_holiday_follower_spike_without_engagement_is_flagged() -> None:
    """Followers jumping in the school holidays while likes stay flat raise follower_spike."""
    window = (date(2026, 6, 24), date(2026, 7, 8))
    spikes = follower_spikes(tidy(account(window)))
    assert len(spikes) == 1
    spike = spikes[0]
    assert (spike.start, spike.end) == window
    assert spike.multiple == pytest.approx(10, rel=0.05)
    assert spike.season == "school_holidays" and not spike.followed
    flag = spike_flags(spikes, "en")[0]
    assert flag.code == "follower_spike" and flag.channel == "instagram"
    assert (flag.from_, flag.to) == ("2026-06-24", "2026-07-08")
    assert "school holidays" in flag.message and "restrictions" in flag.message
    assert "libur sekolah" in spike_flags(spikes, "id")[0].message


def test_a_spike_that_engagement_follows_reads_as_a_real_audience() -> None:
    """When likes rise with the followers, the flag says it is a real audience, not fans to cut."""
    spikes = follower_spikes(tidy(account((date(2026, 5, 10), date(2026, 5, 20)), engaged=True)))
    assert len(spikes) == 1 and spikes[0].followed
    assert "real audience" in spike_flags(spikes, "en")[0].message


def test_steady_growth_and_single_viral_days_are_not_spikes() -> None:
    """An account growing steadily, or jumping for one day, raises no spike."""
    assert follower_spikes(tidy(account())) == ()
    assert follower_spikes(tidy(account((date(2026, 5, 10), date(2026, 5, 10))))) == ()


def test_spikes_outside_the_period_are_left_out() -> None:
    """Only spikes that touch the chosen period are reported."""
    frame = tidy(account((date(2026, 6, 24), date(2026, 7, 8))))
    assert follower_spikes(frame, date(2026, 8, 1), date(2026, 8, 28)) == ()
    assert len(follower_spikes(frame, date(2026, 7, 1), date(2026, 7, 31))) == 1


def test_a_post_export_is_not_a_daily_series_and_raises_no_spike() -> None:
    """Seven posts' lifetime follows on their publish days (210 from one reel) are no spike."""
    data = read_files([FIXTURES / "meta_ig_posts.csv"])
    assert data.frame["post_id"].notna().all()
    assert follower_spikes(data.frame) == ()


def test_fewer_than_four_weeks_of_days_set_no_usual_level() -> None:
    """A jump in a 27-day series is not judged: there are too few days to know the usual."""
    window = (date(2026, 4, 10), date(2026, 4, 14))
    assert follower_spikes(tidy(account(window, days=27))) == ()
    assert len(follower_spikes(tidy(account(window, days=28)))) == 1


def test_engagement_measured_on_other_days_is_not_read_as_flat() -> None:
    """Likes exported only for the weeks before the spike leave it unchecked, not unfollowed."""
    window = (date(2026, 6, 24), date(2026, 7, 8))
    rows = [r for r in account(window) if r[3] != "likes" or r[0] < "2026-06-01"]
    (spike,) = follower_spikes(tidy(rows))
    assert spike.moved == {}
    assert "upload its engagement or clicks" in spike_flags((spike,), "en")[0].message


@pytest.mark.parametrize(
    ("start", "end", "season"),
    [(date(2026, 6, 25), date(2026, 7, 10), "school_holidays"),
     (date(2025, 12, 22), date(2026, 1, 3), "school_holidays"),
     (date(2026, 12, 2), date(2026, 12, 12), "after_exams"),
     (date(2026, 3, 2), date(2026, 3, 12), None)],
)  # fmt: skip
def test_the_calendar_names_holidays_and_post_exam_weeks(
    start: date, end: date, season: str | None
) -> None:
    """A spike mostly inside a holiday or post-exam window is placed there, even across new year."""
    assert season_of(start, end) == season


def test_net_follower_growth_shows_a_spike_where_gains_are_not_given() -> None:
    """A channel giving only net follower growth (YouTube Subscribers) still shows its spike."""
    window = (date(2026, 6, 24), date(2026, 7, 8))
    rows = [
        (d, "youtube", p, "net_follower_growth", v, u)
        if m == "new_followers"
        else (d, "youtube", p, m, v, u)
        for d, _, p, m, v, u in account(window)
    ]
    spikes = follower_spikes(tidy(rows))
    assert [(s.channel, s.start, s.end) for s in spikes] == [("youtube", *window)]
    assert spike_flags(spikes, "en")[0].metric == "net_follower_growth"


def test_gains_and_net_growth_of_one_channel_are_not_added() -> None:
    """Where a channel gives new followers and net growth, the spike is measured on gains alone."""
    window = (date(2026, 6, 24), date(2026, 7, 8))
    gains = account(window)
    net = [
        (d, c, p, "net_follower_growth", v / 2, u)
        for d, c, p, m, v, u in gains
        if m == "new_followers"
    ]
    spikes = follower_spikes(tidy(gains + net))
    assert len(spikes) == 1
    assert spikes[0].gained == pytest.approx(400 * 15)
