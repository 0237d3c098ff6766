"""The packaged TOML data files and the parses kept beside them."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kpi_core import datafiles
from kpi_core.datafiles import data_names, read_toml


@pytest.mark.parametrize("name", [n for n in data_names() if n.endswith(".toml")])
def test_kept_parse_equals_the_toml(name: str) -> None:
    """Every data file reads the same from its kept parse as straight from the TOML."""
    read_toml(name)  # the first read may write the kept parse; the second reads it
    text = (Path(datafiles.__file__).parent / "data" / name).read_text(encoding="utf-8")
    assert read_toml(name) == tomllib.loads(text)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(datafiles.resources, "files", lambda _package: tmp_path)
    return tmp_path


def test_an_edited_file_is_parsed_anew(folder: Path) -> None:
    """After the TOML changes, its new content is read and the old kept parse is removed."""
    (folder / "rules.toml").write_text('limit = 6\nname = "KPI"\n', encoding="utf-8")
    assert read_toml("rules.toml") == {"limit": 6, "name": "KPI"}
    (folder / "rules.toml").write_text("limit = 5\n", encoding="utf-8")
    assert read_toml("rules.toml") == {"limit": 5}
    assert len(list((folder / "__pycache__").glob("rules.toml.*.json"))) == 1


def test_a_damaged_kept_parse_is_ignored(folder: Path) -> None:
    """A kept parse that is not valid JSON is ignored and the TOML is read again."""
    (folder / "funnel.toml").write_text('[stages]\nawareness = ["reach"]\n', encoding="utf-8")
    read_toml("funnel.toml")
    for kept in (folder / "__pycache__").glob("funnel.toml.*.json"):
        kept.write_text("{not json", encoding="utf-8")
    assert read_toml("funnel.toml") == {"stages": {"awareness": ["reach"]}}


def test_toml_dates_are_parsed_every_time(folder: Path) -> None:
    """A file holding TOML dates, which JSON cannot keep, is still read right, and not kept."""
    (folder / "calendar.toml").write_text("start = 2026-06-20\n", encoding="utf-8")
    assert str(read_toml("calendar.toml")["start"]) == "2026-06-20"
    assert not list((folder / "__pycache__").glob("calendar.toml.*"))
