"""The packaged TOML data files, parsed once and kept beside them as JSON, as Python keeps .pyc.

`tomllib` is pure Python: the catalogue alone takes about 10 ms to parse, which every fresh
process (a CLI run, a benchmark child) pays before reading its first file. The parsed data is
kept in `kpi_core/data/__pycache__/`, named by a hash of the TOML's bytes, so an edited file is
parsed anew. A read-only install simply parses every time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any


def data_names() -> list[str]:
    """Every packaged data file's name, sorted."""
    return sorted(entry.name for entry in resources.files("kpi_core.data").iterdir())


def read_toml(name: str) -> dict[str, Any]:
    """A packaged TOML file (`metrics.toml`) as the dict `tomllib` would give."""
    source = resources.files("kpi_core.data").joinpath(name)
    raw = source.read_bytes()
    digest = hashlib.blake2b(raw, digest_size=10).hexdigest()
    kept = Path(str(source)).parent / "__pycache__" / f"{name}.{digest}.json"
    try:
        data: dict[str, Any] = json.loads(kept.read_bytes())
        return data
    except (OSError, ValueError):
        pass
    data = tomllib.loads(raw.decode("utf-8"))
    _keep(kept, data)
    return data


def _keep(path: Path, data: dict[str, Any]) -> None:
    """Write the parse beside its source and remove the parses of earlier versions."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return  # TOML dates or non-finite numbers: this file is always parsed
    try:
        path.parent.mkdir(exist_ok=True)
        for old in path.parent.glob(f"{path.name.rsplit('.', 2)[0]}.*.json"):
            old.unlink(missing_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass
