"""Session state and cached loaders: uploads, demo data and the dataset read from them."""

from __future__ import annotations

import hashlib
import tomllib
from datetime import date
from pathlib import Path
from collections.abc import Callable
from typing import Any

import streamlit as st

from kpi_core.ingest import Dataset, read_files
from kpi_core.models import FileCorrections

SAMPLE_DATA = Path(__file__).resolve().parent.parent / "sample_data"


def lang() -> str:
    """The language the user chose (English until they pick)."""
    return str(st.session_state.get("lang", "en"))


def remember(key: str) -> Callable[[], None]:
    """An on_change callback that copies widget `<key>_widget` into a lasting `key`.

    Widget state is dropped on pages that do not draw the widget; the copy survives.
    """

    def copy() -> None:
        st.session_state[key] = st.session_state[f"{key}_widget"]

    return copy


def uploads() -> dict[str, bytes]:
    """The files the user has given us this session, by name."""
    files: dict[str, bytes] = st.session_state.setdefault("uploads", {})
    return files


def add_uploads(files: list[Any]) -> None:
    """Keep newly uploaded files (a re-upload under the same name replaces the old one)."""
    store = uploads()
    for file in files:
        store[file.name] = file.getvalue()


def clear_uploads() -> None:
    """Forget every upload and correction."""
    st.session_state["uploads"] = {}
    st.session_state["corrections"] = {}
    st.session_state["uploader_key"] = st.session_state.get("uploader_key", 0) + 1


def demo_datasets() -> list[dict[str, Any]]:
    """The demo datasets listed in sample_data/datasets.toml."""
    text = (SAMPLE_DATA / "datasets.toml").read_text(encoding="utf-8")
    return list(tomllib.loads(text)["datasets"])


def load_demo(dataset_id: str) -> None:
    """Replace the uploads with one demo dataset's files and its suggested goals."""
    chosen = next(d for d in demo_datasets() if d["id"] == dataset_id)
    clear_uploads()
    store = uploads()
    for name in chosen["files"]:
        store[name] = (SAMPLE_DATA / name).read_bytes()
    st.session_state["demo"] = dataset_id
    st.session_state["goals"] = list(chosen.get("goals", []))
    st.session_state["business_model"] = chosen.get("business_model")


def corrections() -> dict[str, FileCorrections]:
    """The user's corrections, by file name."""
    fixes: dict[str, FileCorrections] = st.session_state.setdefault("corrections", {})
    return fixes


@st.cache_resource(max_entries=6, show_spinner=False)
def _read(key: tuple[Any, ...], _files: tuple[tuple[str, bytes], ...], _fixes: tuple[Any, ...]) -> Dataset:
    # Keyed by content hashes and corrections: the same bytes are parsed once, whoever uploads
    # them; the bytes themselves are not hashed again on every rerun.
    return read_files(list(_files), corrections=dict(_fixes), today=date.today())


def dataset() -> Dataset | None:
    """Everything uploaded, read into one tidy frame (cached by file content and corrections)."""
    files = uploads()
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
    fixes = tuple(sorted(corrections().items()))
    key = (tuple(key_files), repr(fixes))
    return _read(key, tuple(files.items()), fixes)
