"""The funnel: awareness to retention, overall, per channel, organic vs paid, and over time."""

import streamlit as st

from kpi_app import funnel as ui
from kpi_app import pickers, state
from kpi_app.sidebar import page_px
from kpi_core.charts import funnel_figure, funnel_grid
from kpi_core.export import table_csv
from kpi_core.funnel import drop_off
from kpi_core.i18n import format_date, t
from kpi_core.labels import channel_label, metric_label, placement_label
from kpi_core.period_charts import period_figure

lang = state.lang()
result = state.analysis_or_stop("funnel.title", "funnel.no_data")

goals = [str(g) for g in result.classification.goals]
ui.context(goals, result.period, lang)
channel = pickers.scope(ui.channels(result, goals, lang), lang)
choices = pickers.stage_choices(result, goals, channel, lang)
views = ui.funnels(result, goals, channel, choices, lang)
funnel = views.main

title = channel_label(channel, lang) if channel else t("funnel.scope_all", lang)
ui.chart(funnel_figure(funnel, lang, title=f"<b>{title}</b>"), key="funnel_main")
left, right = st.columns(2, gap="large")
with left:
    ui.measured_by(funnel, lang)
with right:
    ui.notes(funnel, lang)
st.markdown(f"##### {t('funnel.dropoff', lang)}")
table = drop_off(funnel, lang)
ui.dropoff_table(table, funnel, lang)
st.download_button(
    t("funnel.download", lang), data=table_csv(table, lang),
    file_name=f"kpi-lens-funnel-{channel or 'all'}-{lang}.csv", mime="text/csv",
    icon=":material/download:",
)  # fmt: skip

st.subheader(t("funnel.placement_header", lang))
sides = views.sides
if len(sides) > 1:
    st.caption(t("funnel.placement_caption", lang))
    titles = [f"<b>{placement_label(f.placement, lang)}</b>" for f in sides]
    ui.chart(
        funnel_grid(sides, titles, lang, columns=2, page_px=page_px()), key="funnel_placements"
    )
elif sides:
    st.info(
        t("funnel.placement_one", lang, placement=placement_label(sides[0].placement, lang).lower())
    )

if channel is None:
    st.subheader(t("funnel.channels_header", lang))
    st.caption(t("funnel.channels_caption", lang))
    per_channel = views.channels
    titles = [f"<b>{channel_label(f.channel, lang)}</b>" for f in per_channel]
    ui.chart(funnel_grid(per_channel, titles, lang, page_px=page_px()), key="funnel_channels")

st.subheader(t("funnel.period_header", lang))
compared = ui.comparison(goals, channel, choices, pickers.window(lang))
if compared is None:
    st.info(t("funnel.period_none", lang))
elif not compared.previous.present:
    st.info(t("funnel.period_empty", lang, start=format_date(compared.period[0], lang)))
else:
    spans = [
        f"{format_date(a, lang)} – {format_date(b, lang)}"
        for a, b in (compared.period, compared.previous_period)
    ]
    st.caption(t("funnel.period_caption", lang, current=spans[0], previous=spans[1]))
    ui.chart(period_figure(compared, lang), key="funnel_period")
    if compared.left_out:
        names = ", ".join(metric_label(m, lang) for m in compared.left_out)
        st.caption(t("funnel.period_undated", lang, metrics=names))
