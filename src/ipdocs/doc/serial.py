"""JSON for the document tree, for snapshot tests and debugging."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from typing import Any

from ipdocs.doc import nodes

_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (nodes.Span, nodes.NoteRef, nodes.Metadata, nodes.Cover, nodes.Heading,
                nodes.Paragraph, nodes.ItemList, nodes.Column, nodes.Cell, nodes.Table,
                nodes.KeyFigure, nodes.KeyFigures, nodes.Series, nodes.Chart, nodes.Contents,
                nodes.PageBreak, nodes.Bilingual, nodes.Document, nodes.Language)
}

_QUIET = frozenset({("Span", "italic"), ("Span", "link"), ("Chart", "compact")})
"""Fields written only where they differ from their default: those added after snapshots
were taken, so that the snapshots of trees without them stay as they were."""


def _plain(value: Any) -> Any:
    """A node as plain JSON data, each object tagged with its node type (a text in
    several languages as its spans)."""
    if isinstance(value, nodes.Mixed):
        return {"node": "Mixed", "spans": _plain(value.spans)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        out: dict[str, Any] = {"node": name}
        for f in dataclasses.fields(value):
            field_value = getattr(value, f.name)
            if (name, f.name) in _QUIET and field_value == f.default:
                continue
            out[f.name] = _plain(field_value)
        return out
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_json(node: Any) -> str:
    """Serialise a node (usually a Document) to stable, readable JSON."""
    import json  # here: a build never imports json

    return json.dumps(_plain(node), ensure_ascii=False, indent=1) + "\n"


def _build(data: Any) -> Any:
    """Rebuild nodes from plain data."""
    if isinstance(data, list):
        return tuple(_build(v) for v in data)
    if not isinstance(data, dict) or "node" not in data:
        return data
    if data["node"] == "Mixed":
        return nodes.Mixed(_build(data["spans"]))
    cls = _TYPES[data["node"]]
    hints = typing.get_type_hints(cls, vars(nodes))
    kwargs = {}
    for key, value in data.items():
        if key == "node":
            continue
        built = _build(value)
        if hints.get(key) in (dt.date, dt.date | None) and isinstance(built, str):
            built = dt.date.fromisoformat(built)
        kwargs[key] = built
    return cls(**kwargs)


def from_json(text: str) -> Any:
    """Rebuild a node serialised by :func:`to_json`."""
    import json  # here: a build never imports json

    return _build(json.loads(text))
