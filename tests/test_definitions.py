"""The catalogue's entries: what the validators refuse."""

from __future__ import annotations

import pytest

from kpi_core.definitions import Catalogue, MetricDef


def test_alias_claimed_twice_is_rejected() -> None:
    """The validator rejects an alias that names two metrics."""
    metric = {"stage": "awareness", "action": "micro", "unit": "count", "aliases": ["views"]}
    data = {
        "metrics": [
            {**metric, "id": "reach", "label": {"en": "Reach", "id": "Jangkauan"}},
            {**metric, "id": "impressions", "label": {"en": "Impressions", "id": "Impresi"}},
        ],
        "channels": [],
    }
    with pytest.raises(ValueError, match="views"):
        Catalogue.model_validate(data)


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"unit": "count", "times": True}, "only a fraction"),
        ({"unit": "fraction", "per": {"en": "likes per post", "id": "suka per postingan"}},
         "two parts"),
    ],
)  # fmt: skip
def test_rate_reading_needs_a_fraction_with_parts(fields: dict[str, object], problem: str) -> None:
    """A multiple or per-unit reading is only declared on a fraction; per-unit names its parts."""
    entry = {"id": "x", "label": {"en": "X", "id": "X"}, "stage": "interest", "action": "micro"}
    with pytest.raises(ValueError, match=problem):
        MetricDef.model_validate({**entry, **fields})
