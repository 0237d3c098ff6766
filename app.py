"""KPI Lens: the frame around every page (page config, the sidebar's choices, navigation)."""

import streamlit as st

from kpi_app import state
from kpi_app.sidebar import choices
from kpi_core.i18n import t

lang = state.lang()
state.sync_uploads()
with st.sidebar:
    choices()
st.set_page_config(page_title="KPI Lens", page_icon=":material/troubleshoot:", layout="wide")
# Explicit url paths: a path equal to a file name in pages/ makes AppTest drop the sidebar.
page = st.navigation(
    [
        st.Page(
            "pages/upload.py",
            title=t("nav.upload", lang),
            icon=":material/upload_file:",
            default=True,
            url_path="data",
        ),
        st.Page(
            "pages/verdicts.py",
            title=t("nav.verdicts", lang),
            icon=":material/fact_check:",
            url_path="kpis",
        ),
        st.Page(
            "pages/funnel.py",
            title=t("nav.funnel", lang),
            icon=":material/filter_alt:",
            url_path="journey",
        ),
        st.Page(
            "pages/ecosystem.py",
            title=t("nav.ecosystem", lang),
            icon=":material/hub:",
            url_path="channels",
        ),
    ]
)
page.run()
