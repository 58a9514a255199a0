"""Walking the tree: every string in it, for glyph coverage and font subsetting."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any


def strings(node: Any) -> Iterator[str]:
    """Every string held anywhere below ``node``, in tree order."""
    if isinstance(node, str):
        yield node
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for f in dataclasses.fields(node):
            yield from strings(getattr(node, f.name))
    elif isinstance(node, tuple | list):
        for item in node:
            yield from strings(item)


def characters(node: Any) -> str:
    """Every distinct character below ``node``, sorted."""
    return "".join(sorted({c for s in strings(node) for c in s}))
