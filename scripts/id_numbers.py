"""How Indonesian Excel writes numbers, for the scripts that generate fixtures and demo data.

Kept apart from kpi_core on purpose: the files these write are what the readers are tested on.
"""

from __future__ import annotations


def id_int(n: float) -> str:
    """Indonesian integer: dot thousands (``1.234.567``)."""
    return f"{round(n):,}".replace(",", ".")


def id_dec(x: float, digits: int = 2) -> str:
    """Indonesian decimal: dot thousands, comma decimals (``1.234.567,50``)."""
    s = f"{x:,.{digits}f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")
