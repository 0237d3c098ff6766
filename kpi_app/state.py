"""Session state and cached loaders: the choices made, the dataset read from the files, and
the verdicts for them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from kpi_app import uploads
from kpi_core.analysis import Analysis, period_of
from kpi_core.classify import Classification, classify
from kpi_core.derive import derive_rates, summarise
from kpi_core.growth import follower_spikes, spike_flags
from kpi_core.i18n import t
from kpi_core.ingest import Dataset, read_files
from kpi_core.tracking import tracking_flags
from kpi_core.unused import Unused, leave_out, never_used, unused_flags


def lang() -> str:
    """The language the user chose (English until they pick)."""
    return str(st.session_state.get("lang", "en"))


def remember(key: str, widget: str | None = None) -> Callable[[], None]:
    """An on_change callback that copies a widget's value into a lasting `key`.

    Widget state is dropped on pages that do not draw the widget; the copy survives.
    """

    def copy() -> None:
        st.session_state[key] = st.session_state[widget or f"{key}_widget"]

    return copy


def widget_key(name: str) -> str:
    """A widget key per language (option labels are translated) and per demo loaded.

    A new key is a new widget: the browser forgets what the old one held, so a demo's goals
    and model are shown instead of the choices made before it.
    """
    return f"{name}_widget_{lang()}_{st.session_state.get('widgets_generation', 0)}"


_VIEWS = ("funnel_", "verdicts_filter_")  # lasting choices of the pages' views, by key prefix


def _forget() -> None:
    """Forget the choices made for the data in hand: period, verdicts set by hand, views."""
    for key in ("period", "period_span", "period_widget"):
        st.session_state.pop(key, None)
    st.session_state["overrides"] = {}
    for key in [k for k in st.session_state if str(k).startswith(_VIEWS)]:
        del st.session_state[key]


def new_widgets() -> None:
    """New widget keys: the sidebar starts again from the goals and model in session state."""
    st.session_state["widgets_generation"] = st.session_state.get("widgets_generation", 0) + 1


def sync_uploads() -> None:
    """Follow the uploader before anything is drawn, so every widget sees the same files; an
    upload that replaces a demo also drops the verdicts and views set for the demo."""
    if uploads.follow_uploader():
        _forget()


def load_demo(dataset_id: str) -> None:
    """Replace the files with one demo dataset's, with its suggested goals and model."""
    _forget()
    chosen = uploads.put_demo(dataset_id)
    # Runs as the button's callback, before the sidebar is drawn.
    st.session_state["goals"] = list(chosen.get("goals", []))
    st.session_state["business_model"] = chosen.get("business_model")
    new_widgets()


def start_over() -> None:
    """Forget the files, corrections and verdicts set by hand; goals, model, period and every
    view back to their defaults (the language stays)."""
    _forget()
    uploads.clear()
    st.session_state.pop("goals", None)
    st.session_state.pop("business_model", None)
    new_widgets()


def _reading(names: list[str], lang: str) -> str:
    shown = ", ".join(names[:3])
    if len(names) > 3:
        return t("upload.reading_many", lang, files=shown, n=len(names) - 3)
    return t("upload.reading", lang, files=shown)


def read_uploads() -> None:
    """Read the files before the sidebar needs them, with a spinner naming the new ones (a
    large export takes seconds; a cached read shows nothing)."""
    files = uploads.uploads()
    if not files:
        return
    last = st.session_state.get("dataset_key")
    before = {name for name, _ in last[0]} if last else set()
    names = [n for n in files if n not in before] or list(files)
    with st.spinner(_reading(names, lang()), show_time=True):
        dataset()


@st.cache_resource(max_entries=6, show_spinner=False)
def _read(
    key: tuple[Any, ...], _files: tuple[tuple[str, bytes], ...], _fixes: tuple[Any, ...]
) -> Dataset:
    # Keyed by content hashes and corrections: the same bytes are parsed once, whoever uploads
    # them; the bytes themselves are not hashed again on every rerun.
    return read_files(list(_files), corrections=dict(_fixes), today=date.today())


def dataset() -> Dataset | None:
    """Everything uploaded, read into one tidy frame (cached by file content and corrections)."""
    files = uploads.uploads()
    if not files:
        return None
    hashes = st.session_state.setdefault("hashes", {})
    key_files = []
    for name, data in files.items():
        digest = hashes.get((name, len(data), id(data)))
        if digest is None:
            digest = hashlib.sha256(data).hexdigest()
            hashes[(name, len(data), id(data))] = digest
        key_files.append((name, digest))
    fixes = tuple(sorted(uploads.corrections().items()))
    key = (tuple(key_files), repr(fixes))
    st.session_state["dataset_key"] = key
    return _read(key, tuple(files.items()), fixes)


GOALS = ("awareness", "engagement", "leads", "conversions", "sales", "retention")
MODELS = ("online_store", "physical_store", "b2b", "saas")


def goals() -> list[str]:
    """The goals chosen in the sidebar (sales by default; never empty)."""
    chosen = [g for g in st.session_state.get("goals", []) if g in GOALS]
    return chosen or ["sales"]


def business_model() -> str:
    """The business model chosen in the sidebar."""
    model = st.session_state.get("business_model")
    return model if model in MODELS else "online_store"


@st.cache_resource(max_entries=12, show_spinner=False)
def _span(key: tuple[Any, ...], _data: Dataset) -> tuple[date | None, date | None]:
    return period_of(_data.frame)


def span(data: Dataset) -> tuple[date | None, date | None]:
    """The first and last day the data covers (cached by dataset)."""
    return _span(st.session_state.get("dataset_key"), data)


def period(data: Dataset) -> tuple[date | None, date | None]:
    """The period chosen in the sidebar, kept within the data's dates.

    A period is chosen for the data in hand: when its span changes (a file added, removed or
    read with other dates) the period is the whole new span again, not the old one clamped.
    """
    first, last = span(data)
    if st.session_state.get("period_span") != (first, last):
        st.session_state["period_span"] = (first, last)
        st.session_state.pop("period", None)
    chosen = st.session_state.get("period")
    if not chosen or first is None or last is None:
        return first, last
    start, end = chosen
    start = min(max(start, first), last)
    end = max(min(end, last), start)
    return start, end


def overrides() -> dict[tuple[str, str, str], str]:
    """Verdicts the marketer set by hand, by (metric or source name, channel, placement)."""
    fixes: dict[tuple[str, str, str], str] = st.session_state.setdefault("overrides", {})
    return fixes


@st.cache_resource(max_entries=4, show_spinner=False)
def _unused(key: Any, _data: Dataset) -> tuple[Unused, ...]:
    return never_used(_data.frame)


@st.cache_resource(max_entries=12, show_spinner=False)
def _summary(key: tuple[Any, ...], _data: Dataset, start: date | None, end: date | None) -> Any:
    return derive_rates(leave_out(summarise(_data.frame, start, end), _unused(key[0], _data)))


def analysis() -> Analysis | None:
    """The verdicts for the uploads, goals, model, period and overrides chosen (cached)."""
    data = dataset()
    if data is None or not data.read_any:
        return None
    start, end = period(data)
    key = st.session_state.get("dataset_key")
    summary = _summary((key, start, end), data, start, end)
    verdicts = _classify(
        (key, start, end),
        summary,
        tuple(goals()),
        business_model(),
        tuple(sorted(overrides().items())),
        lang(),
    )
    spikes = _spikes((key, start, end), data, start, end)
    notes = tuple(unused_flags(_unused(key, data), lang()))
    spent = tuple(tracking_flags(summary, lang()))
    return Analysis((start, end), summary, verdicts, spike_flags(spikes, lang()), notes, spent)


@st.cache_resource(max_entries=12, show_spinner=False)
def _spikes(key: tuple[Any, ...], _data: Dataset, start: date | None, end: date | None) -> Any:
    return follower_spikes(_data.frame, start, end)


@st.cache_resource(max_entries=64, show_spinner=False)
def _classify(
    key: tuple[Any, ...],
    _summary: Any,
    goals: tuple[str, ...],
    model: str,
    fixes: tuple[tuple[tuple[str, str, str], str], ...],
    language: str,
) -> Classification:
    return classify(_summary, goals, model, overrides=dict(fixes), lang=language)


def analysis_or_stop(title: str, empty: str) -> Analysis:
    """Draw a page's title and return its analysis; with no data, say where to get some and stop."""
    st.title(t(title, lang()))
    result = analysis()
    if result is None:
        st.info(t(empty, lang()))
        st.page_link(
            "pages/upload.py", label=t("nav.upload", lang()), icon=":material/upload_file:"
        )
        st.stop()
    return result
