"""KPI Lens: the frame around every page (page config, language, navigation)."""

import streamlit as st

from kpi_app.state import lang, remember
from kpi_core.i18n import t

st.set_page_config(page_title="KPI Lens", page_icon="🔎", layout="wide")

with st.sidebar:
    st.selectbox(
        t("app.language", lang()),
        options=["en", "id"],
        index=["en", "id"].index(lang()),
        format_func=lambda code: {"en": "English", "id": "Bahasa Indonesia"}[code],
        key="lang_widget",
        on_change=remember("lang"),
    )

page = st.navigation(
    [st.Page("pages/upload.py", title=t("nav.upload", lang()), icon="📂", default=True)]
)
page.run()
