"""KPI Lens: the frame around every page (page config, the sidebar's choices, navigation)."""

import streamlit as st

from kpi_app import state
from kpi_app.sidebar import choices, sidebar_width
from kpi_core.i18n import t

# First, before anything is drawn: a sidebar drawn before the page config arrives opens at
# Streamlit's default width, not the one asked for.
st.set_page_config(
    page_title="KPI Lens",
    page_icon=":material/troubleshoot:",
    layout="wide",
    initial_sidebar_state=sidebar_width(),
)
lang = state.lang()
state.sync_uploads()
state.read_uploads()  # here, with a spinner: the sidebar's period needs the files read
with st.sidebar:
    choices()
# (file, title, icon, url path). Explicit url paths: a path equal to a file name in pages/
# makes AppTest drop the sidebar.
PAGES = [
    ("pages/upload.py", "nav.upload", ":material/upload_file:", "data"),
    ("pages/verdicts.py", "nav.verdicts", ":material/fact_check:", "kpis"),
    ("pages/funnel.py", "nav.funnel", ":material/filter_alt:", "journey"),
    ("pages/ecosystem.py", "nav.ecosystem", ":material/hub:", "channels"),
]
page = st.navigation(
    [
        st.Page(path, title=t(title, lang), icon=icon, url_path=url, default=i == 0)
        for i, (path, title, icon, url) in enumerate(PAGES)
    ]
)
page.run()
