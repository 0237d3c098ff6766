"""Human labels for ids (metrics, channels, layouts) and sentences for what the readers inferred."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache

from kpi_core import catalogue
from kpi_core.figures import CURRENCY_SIGNS
from kpi_core.i18n import column_name, format_date, format_number, messages, t
from kpi_core.models import FileReport, Inference, Problem


@cache
def _brands() -> frozenset[str]:
    """The names that keep their capital inside a sentence: the platforms' (channels of a
    brand: social, marketplace, messaging), as the channel catalogue spells them."""
    branded = ("social", "marketplace", "messaging")
    return frozenset(
        word
        for channel_id in catalogue.channel_ids()
        if catalogue.channel(channel_id).kind in branded
        for word in catalogue.channel(channel_id).label.en.split()
    )


def in_sentence(label: str) -> str:
    """A metric's name as it reads inside a sentence: `Demo requests` -> `demo requests`,
    `Permintaan demo` -> `permintaan demo`; `CTR`, `ROAS (…)` and platform names stay."""
    first = label.split(" ", 1)[0]
    if len(first) < 2 or not (first[0].isupper() and first[1:].islower()) or first in _brands():
        return label
    return label[0].lower() + label[1:]


def metric_label(metric_id: str | None, lang: str = "en", fallback: str = "") -> str:
    """A metric's name in the language, or the fallback (the file's own name) when unknown."""
    if not metric_id or metric_id not in catalogue.metric_ids():
        return column_name(fallback, lang) or (metric_id or "")
    label = catalogue.metric(metric_id).label
    return label.id if lang == "id" else label.en


def _shared_start(names: list[list[str]]) -> int:
    """How many leading words every name shares."""
    return next((n for n, words in enumerate(zip(*names, strict=False)) if len(set(words)) > 1),
                min(len(w) for w in names))  # fmt: skip


# A column an export names by a group row above it: `Tayangan produk (Kartu produk)`.
_GROUPED = re.compile(r".+ \(([^()]+)\)")


def _named_part(words: str, lang: str) -> str | None:
    """A part of a whole the messages name (`Kartu produk`, `LIVE kreator`), in the language
    (`product card`, `LIVE`); None for any other words."""
    key = f"part.{'_'.join(words.casefold().split())}"
    return t(key, lang) if key in messages() else None


def _part(source: str, lang: str) -> str | None:
    """The part a grouped column counts (`Tayangan produk (Kartu produk)`), in the language,
    when it is one the messages name; None for any other column."""
    found = _GROUPED.fullmatch(source.strip())
    return _named_part(found[1], lang) if found else None


def distinguish(
    labels: Sequence[str],
    sources: Sequence[str],
    scopes: Sequence[object] | None = None,
    *,
    lang: str = "en",
) -> list[str]:
    """Labels that read alike in one scope (a channel and placement) say which column each came
    from: by the part a split column counts, in the language ("Impressions (product card)"),
    else by what sets the columns' names apart: "Google Maps - Mobile" and "- Desktop" read as
    "Views on Google Maps (mobile)"."""
    groups: dict[tuple[object, str], list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault((None if scopes is None else scopes[i], label), []).append(i)
    out = list(labels)
    for (_scope, label), rows in groups.items():
        if len(rows) < 2:
            continue
        parts = {i: _part(sources[i], lang) for i in rows}
        for i, part in parts.items():
            if part is not None:
                out[i] = f"{label} ({part})"
        rest = [i for i in rows if parts[i] is None]
        if len(rest) == 1:
            # The one plain column beside split ones: its own name, as the file writes it.
            if sources[rest[0]].casefold() != label.casefold():
                out[rest[0]] = f"{label} ({sources[rest[0]]})"
            continue
        words = [sources[i].split() for i in rest]
        front = _shared_start(words) if words else 0
        back = _shared_start([w[front:][::-1] for w in words]) if words else 0
        for i, w in zip(rest, words, strict=True):
            part = " ".join(w[front : len(w) - back]).strip(" -–·:|/()") or sources[i]
            if part.casefold() == label.casefold():
                continue
            named = _named_part(part, lang)
            if named is not None:
                # A part the messages name ("LIVE kreator": LIVE) reads in the language, as a
                # split column's part does, not as a fragment of the file's own words.
                out[i] = f"{label} ({named})"
            else:
                # A lone capitalised word cut from a name ("Mobile") reads in the label's own
                # case; a column's whole name ("Pesanan") stays as the file writes it.
                lone = part.istitle() and " " not in part and (front or back) > 0
                out[i] = f"{label} ({part.lower() if lone else part})"
    return out


def channel_label(channel_id: str | None, lang: str = "en") -> str:
    """A channel's name in the language (`other` reads as Other / Lainnya)."""
    if not channel_id:
        return t("file.mixed", lang)
    try:
        label = catalogue.channel(channel_id).label
    except KeyError:
        return channel_id
    return label.id if lang == "id" else label.en


def placement_label(placement: str | None, lang: str = "en") -> str:
    """Organic or paid in the language; `Organic & paid` when a file holds both."""
    return t(f"placement.{placement}", lang) if placement else t("placement.both", lang)


def unit_label(unit: str, lang: str = "en") -> str:
    """A unit as the user reads it: count, rate, seconds, or the currency's sign."""
    if unit in ("count", "fraction", "seconds"):
        return t(f"unit.{unit}", lang)
    return CURRENCY_SIGNS.get(unit, unit)


def layout_label(report: FileReport, lang: str = "en") -> str:
    """What the file was recognised as: the platform name, translated where it is generic."""
    parts = []
    for layout_id, platform in zip(
        report.layout.split(", "), report.platform.split(" · "), strict=False
    ):
        key = f"layout.{layout_id}"
        parts.append(t(key, lang) if key in messages() else platform)
    shown, last = [], None
    for part in dict.fromkeys(parts):
        product, _, what = part.rpartition(": ")
        # "TikTok Studio: overview · content", not the product named before every part.
        shown.append(what if product and product == last else part)
        last = product or None
    return " · ".join(shown) or t("layout.unreadable", lang)


def _value(inference: Inference, lang: str) -> str:
    what, value = inference.what, inference.value
    if what in ("number_format", "date_order") and f"value.{what}.{value}" in messages():
        return t(f"value.{what}.{value}", lang)
    if what == "channel":
        return t("value.mixed", lang) if value == "mixed" else channel_label(value, lang)
    if what == "channel_unknown_rows":
        return channel_label(value, lang)
    if what == "placement":
        if value != "mixed":
            return placement_label(value, lang)
        # Where the basis says which columns told it, the value need not say it again.
        told = inference.basis in ("column_names", "columns")
        return placement_label(None, lang) if told else t("value.placement_mixed", lang)
    if what == "period" and "–" in value:
        start, end = (s.strip() for s in value.split("–"))
        first, last = date.fromisoformat(start), date.fromisoformat(end)
        return f"{format_date(first, lang)} – {format_date(last, lang)}"
    if what == "day_numbers":
        return format_date(date.fromisoformat(value), lang)
    return value


def inference_message(inference: Inference, lang: str = "en") -> str:
    """One line saying what the reader assumed, and on what basis when the user should check."""
    if inference.part:
        # The file's parts were read differently: the line says which part it is about.
        whole = inference_message(replace(inference, part=None), lang)
        return f"{inference.part}: {whole[:1].lower()}{whole[1:]}"
    if inference.what == "period" and not inference.value:
        return t("inference.no_dates", lang)
    text = t(
        f"inference.{inference.what}",
        lang,
        value=_value(inference, lang),
        column=column_name(inference.column or "", lang),
    )
    if f"basis.{inference.basis}" in messages():
        text += f" ({t(f'basis.{inference.basis}', lang)})"
    return text


def problem_message(problem: Problem, lang: str = "en") -> str:
    """The one sentence a reader problem shows the user."""
    code = problem.code if "." in problem.code else f"problem.{problem.code}"
    examples, detail = problem.examples, problem.detail
    period = ""
    if problem.code in ("overlap", "shares"):
        examples = tuple(metric_label(m, lang, m) for m in examples)
        *first, last = detail.split("\n")  # a list's shares name every source they split
        detail = f"{', '.join(first)} {t('classify.word.and', lang)} {last}" if first else last
        if problem.date_from and problem.date_to:
            code = "problem.overlap_days"
            period = _days(
                date.fromisoformat(problem.date_from), date.fromisoformat(problem.date_to), lang
            )
        elif problem.kinds:
            code = "problem.overlap_sliced"  # the same totals by another kind of thing
        if problem.column in (None, "", problem.file):
            code += "_file"  # the whole file: its name is said once, at the start
    else:
        examples = tuple(column_name(e, lang) for e in examples)
    if problem.code == "bad_dates" and detail == "order":
        code = "problem.bad_dates_order"  # another date order or year reads the cells
    if problem.code == "number_format_conflict" and f"value.number_format.{detail}" in messages():
        detail = t(f"value.number_format.{detail}", lang)
    if problem.code == "date_order_unproven" and f"value.date_order.{detail}" in messages():
        detail = t(f"value.date_order.{detail}", lang)
    return t(
        code,
        lang,
        file=problem.file,
        column=column_name(problem.column or "", lang),
        row=problem.row if problem.row is not None else "",
        count=format_number(problem.count, lang),
        examples=", ".join(f"“{e}”" for e in examples),
        detail=detail,
        member=problem.detail,
        days=format_number(problem.days, lang),
        period=period,
        own=_kind(problem.kinds[0], lang) if problem.kinds else "",
        theirs=_kind(problem.kinds[1], lang) if problem.kinds else "",
    )


def _kind(kind: str, lang: str) -> str:
    """The kind of thing a report's rows are keyed by, as "by …" says it in the language."""
    key = f"keykind.{kind}"
    return t(key, lang) if key in messages() else kind.replace("_", " ")


def _days(first: date, last: date, lang: str) -> str:
    """A run of days as short as it reads: `10–15 Sep 2026`, `28 Sep – 3 Oct 2026`."""
    end = format_date(last, lang)
    if first == last:
        return end
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{end}"
    start = format_date(first, lang)
    return f"{start.rsplit(' ', 1)[0] if first.year == last.year else start} – {end}"
