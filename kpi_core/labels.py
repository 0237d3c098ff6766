"""Human labels for ids (metrics, channels, layouts) and sentences for what the readers inferred."""

from __future__ import annotations

from kpi_core import catalogue
from kpi_core.i18n import format_date, messages, t
from kpi_core.models import FileReport, Inference

_CURRENCY_SIGNS = {"IDR": "Rp", "USD": "$", "EUR": "€"}


def metric_label(metric_id: str | None, lang: str = "en", fallback: str = "") -> str:
    """A metric's name in the language, or the fallback (the file's own name) when unknown."""
    if not metric_id or metric_id not in catalogue.metric_ids():
        return fallback or (metric_id or "")
    label = catalogue.metric(metric_id).label
    return label.id if lang == "id" else label.en


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
    """Organic or paid in the language; `several` when a file holds both."""
    return t(f"placement.{placement}", lang) if placement else t("file.mixed", lang)


def unit_label(unit: str, lang: str = "en") -> str:
    """A unit as the user reads it: count, rate, seconds, or the currency's sign."""
    if unit in ("count", "fraction", "seconds"):
        return t(f"unit.{unit}", lang)
    return _CURRENCY_SIGNS.get(unit, unit)


def layout_label(report: FileReport, lang: str = "en") -> str:
    """What the file was recognised as: the platform name, translated where it is generic."""
    parts = []
    for layout_id, platform in zip(
        report.layout.split(", "), report.platform.split(" · "), strict=False
    ):
        key = f"layout.{layout_id}"
        parts.append(t(key, lang) if key in messages() else platform)
    return " · ".join(dict.fromkeys(parts)) or t("layout.unreadable", lang)


def _value(inference: Inference, lang: str) -> str:
    what, value = inference.what, inference.value
    if what in ("number_format", "date_order") and f"value.{what}.{value}" in messages():
        return t(f"value.{what}.{value}", lang)
    if what == "channel":
        return t("value.mixed", lang) if value == "mixed" else channel_label(value, lang)
    if what == "placement":
        return t("value.mixed", lang) if value == "mixed" else placement_label(value, lang)
    if what == "period" and "–" in value:
        start, end = (s.strip() for s in value.split("–"))
        from datetime import date

        return f"{format_date(date.fromisoformat(start), lang)} – {format_date(date.fromisoformat(end), lang)}"
    return value


def inference_message(inference: Inference, lang: str = "en") -> str:
    """One line saying what the reader assumed, and on what basis when the user should check."""
    if inference.what == "period" and not inference.value:
        return t("inference.no_dates", lang)
    text = t(
        f"inference.{inference.what}",
        lang,
        value=_value(inference, lang),
        column=inference.column or "",
    )
    if f"basis.{inference.basis}" in messages():
        text += f" ({t(f'basis.{inference.basis}', lang)})"
    return text
