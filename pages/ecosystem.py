"""Channel ecosystems: how each channel feeds the funnel, on its own terms, and what paid costs."""

import streamlit as st

from kpi_app import efficiency as paid
from kpi_app import funnel as ui
from kpi_app import state
from kpi_core.ecosystem import SALES_FLAG, channel_ecosystems, ecosystem_matrix
from kpi_core.ecosystem_charts import channel_figure, matrix_figure
from kpi_core.i18n import t
from kpi_core.labels import channel_label

lang = state.lang()
result = state.analysis_or_stop("eco.title", "funnel.no_data")

verdicts = result.classification
ui.context([str(g) for g in verdicts.goals], result.period, lang)
st.markdown(t("eco.intro", lang))
for flag in verdicts.flags:
    if flag.code == SALES_FLAG:
        st.error(flag.message, icon=":material/flag:")

st.subheader(t("eco.overview", lang))
st.caption(t("eco.overview_caption", lang))
ui.chart(matrix_figure(ecosystem_matrix(verdicts), lang), key="eco_matrix")

st.subheader(t("eco.panels", lang))
legend = (f":green-badge[{t('badge.kpi', lang)}] :blue-badge[{t('badge.supporting', lang)}] "
          f":gray-badge[{t('badge.vanity', lang)}] :red-badge[{t('chart.red_flag', lang)}] "
          f":orange-badge[{t('chart.signal', lang)}]")  # fmt: skip
st.markdown(legend)
st.caption(t("eco.panels_caption", lang))
ecosystems = channel_ecosystems(verdicts)
if any(len(eco.placements) > 1 for eco in ecosystems):
    st.caption(t("chart.paid_legend", lang))
for eco in ecosystems:
    with st.container(border=True):
        st.markdown(f"#### {channel_label(eco.channel, lang)}")
        ui.signal_line(eco, lang)
        ui.chart(channel_figure(eco, lang), key=f"eco_{eco.channel}")

st.subheader(t("eco.efficiency", lang))
table = paid.efficiency()
shown, silent = paid.worth_showing(table) if table is not None else (None, [])
if table is None or table.empty:
    st.info(t("eco.efficiency_none", lang))
elif not shown.empty:
    st.caption(t("eco.efficiency_caption", lang))
    paid.efficiency_table(shown, lang)
    if note := paid.blended_note(shown, lang):
        st.caption(note)
if silent:
    names = ", ".join(channel_label(c, lang) for c in silent)
    st.caption(t("eco.efficiency_no_spend", lang, channels=names))
