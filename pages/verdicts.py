"""The verdicts: KPIs first, flags to act on, then every metric by channel."""

import streamlit as st

from kpi_app import state
from kpi_app.verdicts import SHOWN, budget, channel_tables, flags, kpi_cards, shown_verdict
from kpi_core.export import verdicts_csv
from kpi_core.i18n import format_date, t
from kpi_core.labels import channel_label

lang = state.lang()
result = state.analysis_or_stop("verdicts.title", "verdicts.no_data")

verdicts = result.classification
start, end = result.period
period = f"{format_date(start, lang)} – {format_date(end, lang)}" if start else "–"
goals = ", ".join(t(f"classify.goal.{g.value}", lang) for g in verdicts.goals)
st.caption(
    t(
        "verdicts.context",
        lang,
        goals=goals,
        model=t(f"classify.model.{verdicts.model.value}", lang),
        period=period,
    )
)

flags(result.flags, lang)
budget(verdicts, lang)
kpi_cards(verdicts, lang)

st.subheader(t("verdicts.all_metrics", lang))
channels = list(dict.fromkeys(m.channel for m in verdicts.metrics))
stages = ["awareness", "interest", "evaluation", "conversion", "retention"]
present = {shown_verdict(m) for m in verdicts.metrics}
kinds = [v for v in SHOWN if v != "unknown" or v in present]
choose = t("verdicts.choose", lang)
f1, f2, f3 = st.columns(3)
chosen_verdicts = f1.multiselect(
    t("verdicts.filter_verdict", lang),
    kinds,
    default=kinds,
    format_func=lambda v: t(f"badge.{v}", lang),
    placeholder=choose,
)
chosen_channels = f2.multiselect(
    t("verdicts.filter_channel", lang),
    channels,
    default=channels,
    format_func=lambda c: channel_label(c, lang),
    placeholder=choose,
)
chosen_stages = f3.multiselect(
    t("verdicts.filter_stage", lang),
    stages,
    default=stages,
    format_func=lambda s: t(f"classify.stage.{s}", lang),
    placeholder=choose,
)
st.caption(f"{t('verdicts.unique_note', lang)}  \n\\* {t('verdicts.derived_note', lang)}")
channel_tables(verdicts, lang, chosen_verdicts, chosen_channels, chosen_stages)

left, right = st.columns(2)
left.download_button(
    t("verdicts.download", lang),
    data=verdicts_csv(verdicts, lang),
    file_name=f"kpi-lens-{lang}.csv",
    mime="text/csv",
    icon=":material/download:",
)
if state.overrides() and right.button(t("verdicts.reset", lang)):
    state.overrides().clear()
    st.rerun()
