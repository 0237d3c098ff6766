"""The files in the analysis: what the uploader adds and removes, the demos, and their fixes."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import streamlit as st

from kpi_core.ingest import distinct_name
from kpi_core.models import FileCorrections

SAMPLE_DATA = Path(__file__).resolve().parent.parent / "sample_data"


def uploads() -> dict[str, bytes]:
    """The files in the analysis, by name."""
    files: dict[str, bytes] = st.session_state.setdefault("uploads", {})
    return files


def corrections() -> dict[str, FileCorrections]:
    """The user's corrections, by file name."""
    fixes: dict[str, FileCorrections] = st.session_state.setdefault("corrections", {})
    return fixes


def uploader_key() -> str:
    """The key of the current file uploader (a new key is a new, empty uploader)."""
    return f"uploader_{st.session_state.get('uploader_key', 0)}"


def _seen() -> dict[str, str]:
    """What the current uploader held at the start of this run: file id -> the name its file
    has in the analysis."""
    held: dict[str, str] = st.session_state.setdefault("uploader_seen", {})
    return held


def _new_uploader() -> None:
    st.session_state["uploader_key"] = st.session_state.get("uploader_key", 0) + 1
    st.session_state["uploader_seen"] = {}


def _drop(name: str) -> None:
    uploads().pop(name, None)
    corrections().pop(name, None)
    if not uploads():
        st.session_state.pop("demo", None)


def follow_uploader() -> bool:
    """Take in what the uploader holds before anything is drawn: a file added is read, a file
    removed with its ✕ leaves the analysis with its corrections. True when the first upload
    after a demo has just replaced the demo's files."""
    key = uploader_key()
    if key not in st.session_state:
        # Not drawn in the last run (another page was open): it comes back empty, and an
        # empty uploader then removes nothing.
        st.session_state["uploader_seen"] = {}
        return False
    files = list(st.session_state[key] or [])
    current = {f.file_id: f for f in files}
    seen = _seen()
    added = [f for file_id, f in current.items() if file_id not in seen]
    replaced = bool(added) and demo() is not None
    if replaced:
        # Fictional data never mixes into a client's verdicts.
        st.session_state["demo_replaced"] = st.session_state.pop("demo")
        uploads().clear()
        corrections().clear()
    held = {} if replaced else {i: seen[i] for i in current if i in seen}
    for file_id, name in seen.items():
        if file_id not in current:
            _drop(name)
    for f in added:
        data = f.getvalue()
        if uploads().get(f.name) == data and f.name not in held.values():
            held[f.file_id] = f.name  # a file listed from before, uploaded again: still one
            continue
        # Two files of one name (`Overview.csv` from two accounts) are both kept, the second
        # as `Overview.csv (2)`; the reader then counts an identical copy once and says so.
        name = distinct_name(f.name, list(uploads()))
        uploads()[name] = data
        held[f.file_id] = name
    st.session_state["uploader_seen"] = held
    return replaced


def in_uploader() -> set[str]:
    """The names the uploader shows as chips in this run."""
    return set(_seen().values())


def remove(name: str) -> None:
    """Take one file (and its corrections) out of the analysis."""
    _drop(name)
    if name in in_uploader():
        # The uploader still shows it and cannot be told to forget one file: a new, empty
        # uploader, while the page lists the files that stay.
        _new_uploader()


def clear() -> None:
    """Forget every file, correction and demo, and empty the uploader."""
    st.session_state["uploads"] = {}
    st.session_state["corrections"] = {}
    st.session_state.pop("demo", None)
    st.session_state.pop("demo_replaced", None)
    _new_uploader()


def demo_datasets() -> list[dict[str, Any]]:
    """The demo datasets listed in sample_data/datasets.toml."""
    text = (SAMPLE_DATA / "datasets.toml").read_text(encoding="utf-8")
    return list(tomllib.loads(text)["datasets"])


def demo() -> dict[str, Any] | None:
    """The demo dataset in the analysis, if the files are a demo's."""
    chosen = st.session_state.get("demo")
    return next((d for d in demo_datasets() if d["id"] == chosen), None)


def demo_files() -> set[str]:
    """The names of the files that are demo data."""
    current = demo()
    return set(current["files"]) & set(uploads()) if current else set()


def put_demo(dataset_id: str) -> dict[str, Any]:
    """Replace every file with one demo dataset's; returns that dataset's entry."""
    chosen = next(d for d in demo_datasets() if d["id"] == dataset_id)
    clear()
    store = uploads()
    for name in chosen["files"]:
        store[name] = (SAMPLE_DATA / name).read_bytes()
    st.session_state["demo"] = dataset_id
    return chosen


def replaced_demo() -> dict[str, Any] | None:
    """The demo the last upload replaced, once: the page says so a single time."""
    gone = st.session_state.pop("demo_replaced", None)
    return next((d for d in demo_datasets() if d["id"] == gone), None)
