"""KPI Lens: the frame around every page (page config, the sidebar's choices, navigation)."""

import streamlit as st

from kpi_app import state
from kpi_app.sidebar import choices
from kpi_core.i18n import t

st.set_page_config(page_title="KPI Lens", page_icon="🔎", layout="wide")
lang = state.lang()

page = st.navigation(
    [
        st.Page("pages/upload.py", title=t("nav.upload", lang), icon=":material/upload_file:", default=True),
        st.Page("pages/verdicts.py", title=t("nav.verdicts", lang), icon=":material/fact_check:"),
    ]
)
with st.sidebar:
    choices()
page.run()
