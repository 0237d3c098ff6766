"""The verdicts: KPIs first, flags to act on, then every metric by channel."""

import streamlit as st

from kpi_app import state
from kpi_app.verdict_tables import channel_tables, filters
from kpi_app.verdicts import budget, flags, kpi_cards
from kpi_core.export import verdicts_csv
from kpi_core.i18n import format_date, t

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
shown = filters(verdicts, lang)
st.caption(f"{t('verdicts.unique_note', lang)}  \n\\* {t('verdicts.derived_note', lang)}")
channel_tables(shown, lang)

left, middle, right = st.columns(3)
left.download_button(
    t("verdicts.download", lang, n=len(verdicts.metrics)),
    data=verdicts_csv(verdicts, lang),
    file_name=f"kpi-lens-{lang}.csv",
    mime="text/csv",
    icon=":material/download:",
)
if 0 < len(shown) < len(verdicts.metrics):
    middle.download_button(
        t("verdicts.download_shown", lang, n=len(shown)),
        data=verdicts_csv(verdicts, lang, shown),
        file_name=f"kpi-lens-{lang}-filtered.csv",
        mime="text/csv",
        icon=":material/download:",
    )
if state.overrides() and right.button(t("verdicts.reset", lang)):
    state.overrides().clear()
    st.rerun()
