"""What periods the figures cover: whole-export totals counted or left out of the period, and
channels whose files cover periods that barely overlap. Each becomes a flag that says so."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pandas as pd

from kpi_core.i18n import format_date, t
from kpi_core.labels import channel_label, metric_label
from kpi_core.verdicts import Flag

UNDATED_CODES = {"left_out": "undated_left_out", "included": "undated_included"}
PERIODS_DIFFER = "periods_differ"
# Channels "overlap little" when the days they all cover are fewer than this share of the days
# any of them covers: TikTok 26 Dec - 8 Jan beside Instagram 1 - 30 Jul share none.
MIN_OVERLAP = 0.5
_LISTED = 3  # metrics named in a flag; the rest are counted


def name_list(labels: list[str], lang: str) -> str:
    """Names as a flag lists them: the first three, then how many more (`a, b, c and 2 more`)."""
    shown = labels[:_LISTED]
    if len(labels) > _LISTED:
        shown.append(t("classify.word.more", lang, n=len(labels) - _LISTED))
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {t('classify.word.and', lang)} {shown[-1]}"


def undated_flags(summary: pd.DataFrame, lang: str = "en") -> list[Flag]:
    """One flag per channel whose whole-export totals were left out of the period, and one per
    channel whose totals were counted because the period covers all the data."""
    if "whole_export" not in summary or summary.empty or not summary["whole_export"].any():
        return []  # most data is dated throughout: nothing to say, and nothing to filter
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
                metrics=name_list(labels, lang),
                channel=channel_label(channel, lang),
            )
            flags.append(Flag(code, text, channel))
    return flags


def _spans(summary: pd.DataFrame) -> dict[str, tuple[date, date]]:
    """The first and last day each channel's dated figures cover in the period, the channel
    that starts first first."""
    if "date_from" not in summary or summary.empty:
        return {}
    # A summary has a row per metric, channel and placement (hundreds): plain Python beats
    # pandas' per-call overhead here.
    found: dict[str, tuple[pd.Timestamp, pd.Timestamp]] = {}
    rows = zip(
        summary["channel"], summary["date_from"], summary["date_to"],
        summary["derived"].astype(bool), strict=True,
    )  # fmt: skip
    for channel, begin, end, derived in rows:
        if derived or pd.isna(begin):
            continue
        key = str(channel)
        seen = found.get(key)
        found[key] = (begin, end) if seen is None else (min(seen[0], begin), max(seen[1], end))
    ordered = sorted(found.items(), key=lambda kv: kv[1][0])
    return {c: (a.date(), b.date()) for c, (a, b) in ordered}


def _best_overlap(spans: dict[str, tuple[date, date]]) -> tuple[date, date, list[str]] | None:
    """The longest run of days that the most channels (at least two) all cover."""
    day = timedelta(days=1)
    cuts = sorted({d for a, b in spans.values() for d in (a, b + day)})
    runs: list[tuple[date, date, tuple[str, ...]]] = []
    for begin, after in pairwise(cuts):
        end = after - day
        inside = tuple(c for c, (a, b) in spans.items() if a <= begin and end <= b)
        if runs and runs[-1][2] == inside and runs[-1][1] + day == begin:
            runs[-1] = (runs[-1][0], end, inside)
        else:
            runs.append((begin, end, inside))
    shared = [r for r in runs if len(r[2]) >= 2]
    if not shared:
        return None
    begin, end, inside = max(shared, key=lambda r: (len(r[2]), (r[1] - r[0]).days))
    return begin, end, list(inside)


def periods_flag(summary: pd.DataFrame, lang: str = "en") -> list[Flag]:
    """A `periods_differ` flag when the channels' date spans overlap little, suggesting the
    period where most of them overlap."""
    spans = _spans(summary)
    if len(spans) < 2:
        return []
    first = min(a for a, _ in spans.values())
    last = max(b for _, b in spans.values())
    common = (max(a for a, _ in spans.values()), min(b for _, b in spans.values()))
    shared = max((common[1] - common[0]).days + 1, 0)
    if shared >= MIN_OVERLAP * ((last - first).days + 1):
        return []
    each = ", ".join(
        f"{channel_label(c, lang)} {format_date(a, lang)} – {format_date(b, lang)}"
        for c, (a, b) in spans.items()
    )
    best = _best_overlap(spans)
    if best is None:
        return [Flag(PERIODS_DIFFER, t("classify.flag.periods_apart", lang, spans=each))]
    start, end, channels = best
    text = t(
        "classify.flag.periods_differ",
        lang,
        spans=each,
        start=format_date(start, lang),
        end=format_date(end, lang),
        channels=name_list([channel_label(c, lang) for c in channels], lang),
    )
    return [Flag(PERIODS_DIFFER, text, None, None, start.isoformat(), end.isoformat())]
