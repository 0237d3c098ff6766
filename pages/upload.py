"""Upload exports (or pick a demo) and see what was understood in each file."""

import streamlit as st

from kpi_app import state, uploads
from kpi_app.widgets import file_card, in_the_analysis
from kpi_core.i18n import format_date, format_number, format_span, t

lang = state.lang()
st.title(t("app.title", lang))
st.markdown(f"**{t('app.tagline', lang)}**  \n{t('upload.intro', lang)}")

left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader(t("upload.files_header", lang))
    st.file_uploader(
        t("upload.uploader", lang),
        type=["csv", "tsv", "txt", "xlsx", "xls", "parquet", "zip"],
        accept_multiple_files=True,
        help=t("upload.files_help", lang),
        key=uploads.uploader_key(),
    )
    in_the_analysis(lang)
with right:
    st.subheader(t("upload.demo_header", lang))
    for demo in uploads.demo_datasets():
        with st.container(border=True):
            st.markdown(f"**{demo['label'][lang]}**  \n{demo['description'][lang]}")
            st.button(
                t("upload.demo_button", lang),
                key=f"demo_{demo['id']}",
                on_click=state.load_demo,
                args=(demo["id"],),
            )

data = state.dataset()
if data is None:
    st.info(t("upload.nothing_yet", lang))
    st.stop()

st.divider()
head, clear = st.columns([5, 1])
head.subheader(t("upload.understood", lang))
clear.button(t("upload.clear", lang), on_click=state.start_over, help=t("upload.clear_help", lang))
if not data.read_any:
    st.error(t("upload.none_readable", lang))

frame = data.frame
readable = [r for r in data.files if r.layout != "unreadable"]
cols = st.columns([1, 1, 1, 2])
cols[0].metric(t("upload.summary_files", lang), f"{len(readable)} / {len(data.files)}")
cols[1].metric(
    t("upload.summary_rows", lang), format_number(sum(r.rows_read for r in readable), lang)
)
cols[2].metric(t("upload.summary_figures", lang), format_number(len(frame), lang))
first, last = state.span(data)
cols[3].metric(
    t("upload.summary_period", lang),
    format_span(first, last, lang),
    help=f"{format_date(first, lang)} – {format_date(last, lang)}" if first else None,
)

channels_of = frame.groupby("file", observed=True)["channel"].unique().to_dict()
demo_files = uploads.demo_files()
for report in data.files:
    channels = sorted(map(str, channels_of.get(report.name, [])))
    file_card(report, channels, lang, demo=report.name in demo_files)
