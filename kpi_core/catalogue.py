"""The metric and channel catalogue: read once, looked up by id, and matched by the names files
give them (the entries' pydantic models are in `definitions`)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache

from kpi_core.datafiles import read_toml
from kpi_core.definitions import Catalogue, ChannelDef, MetricDef
from kpi_core.headers import Header as Header
from kpi_core.headers import normalize as normalize
from kpi_core.headers import parse_header as parse_header

# A fuzzy match maps a column only at or above this score; below it the column stays unknown
# and the candidates are offered as suggestions.
FUZZY_MAP_SCORE = 0.88
FUZZY_SUGGEST_SCORE = 0.6


@dataclass(frozen=True)
class Match:
    """The catalogue's answer for one name: the metric (or None), its score and candidates."""

    metric: str | None
    score: float
    suggestions: tuple[tuple[str, float], ...] = ()
    via: str = "alias"  # alias | base | fuzzy | none


@cache
def load() -> Catalogue:
    """Read and validate the packaged catalogue (once per process)."""
    data: dict[str, object] = {}
    for name in ("metrics.toml", "channels.toml"):
        data.update(read_toml(name))
    return Catalogue.model_validate(data)


@cache
def _metric_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for m in load().metrics:
        for alias in (m.id, m.label.en, m.label.id, *m.aliases):
            index[normalize(alias)] = m.id
    return index


@cache
def _role_index() -> dict[str, str]:
    return {normalize(a): role for role, names in load().roles.items() for a in names}


@cache
def _key_index() -> dict[str, str]:
    return {normalize(a): kind for kind, names in load().keys.items() for a in names}


@cache
def _channel_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in load().channels:
        for alias in (c.id, c.label.en, c.label.id, *c.aliases):
            index[normalize(alias)] = c.id
    return index


@cache
def _channel_own_names() -> frozenset[str]:
    """Channel ids and labels: names that mean one channel, unlike nicknames such as `meta`."""
    return frozenset(normalize(n) for c in load().channels for n in (c.id, c.label.en, c.label.id))


def warm() -> None:
    """Read, validate and index the catalogue now: `kpi_core.ingest` calls it at import, so that
    a user's first upload does not wait for it."""
    for index in (_metric_index, _role_index, _key_index, _channel_index, _channel_own_names):
        index()
    _metrics_by_id()


def metric(metric_id: str) -> MetricDef:
    """The catalogue entry for a canonical metric id."""
    return _metrics_by_id()[metric_id]


@cache
def _metrics_by_id() -> dict[str, MetricDef]:
    return {m.id: m for m in load().metrics}


@cache
def metric_ids() -> tuple[str, ...]:
    """Every canonical metric id, in catalogue order (listed once: every label looks it up)."""
    return tuple(m.id for m in load().metrics)


@cache
def channel_ids() -> tuple[str, ...]:
    """Every channel id, in catalogue order."""
    return tuple(c.id for c in load().channels)


def channel(channel_id: str) -> ChannelDef:
    """The catalogue entry for a channel id."""
    return _channels_by_id()[channel_id]


@cache
def _channels_by_id() -> dict[str, ChannelDef]:
    return {c.id: c for c in load().channels}


def match_channel(name: str) -> str | None:
    """The channel id a free-text channel name means (FB, IG, Twitter...), or None."""
    key = normalize(name)
    if not key:
        return None
    index = _channel_index()
    if key in index:
        return index[key]
    # The longest alias inside the name wins, so `Toko Shopee` is Shopee, not a store; among
    # names of one length a channel's own name beats another's nickname, so
    # `meta_bs_instagram_reach` is Instagram, not the `meta` that also means Facebook.
    words = key.split()
    own = _channel_own_names()
    for size in range(len(words), 0, -1):
        hits = []
        for start in range(len(words) - size + 1):
            name = " ".join(words[start : start + size])
            found = index.get(name)
            if found is not None and (size > 1 or found != "store" or len(words) == 1):
                hits.append((name not in own, start, found))
        if hits:
            return min(hits)[2]
    # A lone `toko` or `store` among other words is a shop's name (`Toko Kita`), not a channel.
    return None


def role_of(header: Header) -> str | None:
    """The non-metric role of a column (date, campaign, attribute...), or None."""
    index = _role_index()
    role = index.get(header.key) or index.get(header.base_key)
    if role is None and "id" in header.key.split() and header.key not in _metric_index():
        # Any other identifier (`Creative ID`, `ID Pesanan`) is a label, read as text: as a
        # number, one blank cell would turn the column into floats and corrupt every id.
        return "attribute"
    return role


def key_kind(header: Header) -> str | None:
    """The kind of thing a key column names (`post`, `video`, `page`...), or None."""
    index = _key_index()
    return index.get(header.key) or index.get(header.base_key)


def lookup(header: Header) -> str | None:
    """The metric a header names exactly (full name or without placement words), or None."""
    index = _metric_index()
    return index.get(header.key) or (index.get(header.base_key) if header.base_key else None)


def match_metric(header: Header | str) -> Match:
    """Map a column or metric name to a canonical metric: exact alias, then fuzzy with a score."""
    h = parse_header(header) if isinstance(header, str) else header
    return _match(h.key, h.base_key)


@cache
def _match(key: str, base_key: str) -> Match:
    index = _metric_index()
    h = Header("", key, base_key, None, False, None)
    if h.key in index:
        return Match(index[h.key], 1.0)
    if h.base_key and h.base_key in index:
        return Match(index[h.base_key], 1.0, via="base")
    key = h.base_key or h.key
    if not key:
        return Match(None, 0.0, via="none")
    scored: dict[str, float] = {}
    for alias, metric_id in index.items():
        score = difflib.SequenceMatcher(None, key, alias).ratio()
        if score > scored.get(metric_id, 0.0):
            scored[metric_id] = score
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    suggestions = tuple((m, round(s, 3)) for m, s in ranked if s >= FUZZY_SUGGEST_SCORE)
    if ranked and ranked[0][1] >= FUZZY_MAP_SCORE:
        return Match(ranked[0][0], round(ranked[0][1], 3), suggestions, via="fuzzy")
    best = ranked[0][1] if ranked else 0.0
    return Match(None, round(best, 3), suggestions, via="none")
