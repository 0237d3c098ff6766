"""Drawing the top of the verdicts page: the flags, the KPI budget and the KPI cards (the
per-channel tables are in `verdict_tables`)."""

from __future__ import annotations

import streamlit as st

from kpi_core.classify import Classification, Flag, MetricVerdict
from kpi_core.figures import format_value
from kpi_core.i18n import t
from kpi_core.judgement import rules
from kpi_core.labels import channel_label, distinguish, metric_label, placement_label

SEVERE = {"sales_on_organic_social"}  # drawn red, above every other flag
# Drawn as information, not as a warning.
NOTICE = {"unknown_metric", "undated_included", "not_used"}


def flags(found: tuple[Flag, ...], lang: str) -> None:
    """The flags at the top, worst first, each saying what to do."""
    st.subheader(t("verdicts.flags", lang))
    if not found:
        st.success(t("verdicts.no_flags", lang), icon=":material/check_circle:")
        return
    ordered = sorted(found, key=lambda f: (f.code not in SEVERE, f.code in NOTICE))
    unknown = [f for f in ordered if f.code == "unknown_metric"]
    grouped = len(unknown) > 2  # one box listing them, not a wall of boxes above the KPIs
    for flag in ordered:
        if not (grouped and flag.code == "unknown_metric"):
            _flag(flag)
    if grouped:
        lines = "\n".join(f"- {f.message}" for f in unknown)
        head = t("verdicts.unknown_many", lang, n=len({f.source_name for f in unknown}))
        st.info(f"{head}\n\n{lines}", icon=":material/help:")
    if any(f.code == "unknown_metric" for f in found):
        st.page_link("pages/upload.py", label=t("verdicts.map_columns", lang),
                     icon=":material/arrow_forward:")  # fmt: skip


def _flag(flag: Flag) -> None:
    if flag.code in SEVERE:
        st.error(flag.message, icon=":material/report:")
    elif flag.code in NOTICE:
        st.info(flag.message, icon=":material/help:")
    else:
        st.warning(flag.message, icon=":material/warning:")


def budget(result: Classification, lang: str) -> None:
    """The KPI budget as a meter: how many of its slots (six, in the rules) are used, in red past
    the last."""
    count, size = result.kpi_slots, rules().budget.size
    if count > size:
        # Past six a full bar would look like six of six: the meter turns into a red alert.
        over = t("verdicts.budget_over", lang, count=count, budget=size, over=count - size)
        st.error(f"**{over}**", icon=":material/warning:")
    else:
        st.progress(count / size, text=t("verdicts.budget", lang, count=count, budget=size))
    help_text = t("verdicts.budget_help", lang)
    if len(result.kpis) > count:
        # More cards than slots: one KPI read from several columns of the files.
        shared = t("verdicts.budget_shared", lang, cards=len(result.kpis), kpis=count)
        help_text = f"{help_text} {shared}"
    st.caption(help_text)


def flag_badges(m: MetricVerdict, lang: str) -> str:
    """A metric's flags as badges, red where severe; notices are left to its verdict."""
    return " ".join(
        f":{'red' if f in SEVERE else 'orange'}-badge[:material/flag: {t(f'flagname.{f}', lang)}]"
        for f in m.flags
        if f not in NOTICE
    )


def kpi_cards(result: Classification, lang: str) -> None:
    """Each KPI as a card: its value for the period, why it matters, and its flags."""
    st.subheader(t("verdicts.kpis", lang))
    if not result.kpis:
        st.info(t("verdicts.no_kpis", lang))
        return
    kpis = list(result.kpis)
    names = distinguish([metric_label(m.metric, lang, m.source_name) for m in kpis],
                        [m.source_name for m in kpis],
                        [(m.channel, m.placement) for m in kpis], lang=lang)  # fmt: skip
    for start in range(0, len(kpis), 3):
        cols = st.columns(3)
        for col, m, name in zip(cols, kpis[start : start + 3], names[start : start + 3],
                                strict=False):  # fmt: skip
            with col.container(border=True):
                where = f"{channel_label(m.channel, lang)} · {placement_label(m.placement, lang)}"
                if m.overridden:
                    where += f" · :blue-badge[{t('verdicts.set_by_you', lang)}]"
                st.metric(name, format_value(m.value, m.unit, lang, m.metric, compact=True))
                st.caption(where)
                if m.flags:
                    st.markdown(flag_badges(m, lang))
                st.markdown(m.reason)
