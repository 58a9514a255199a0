"""Walking the tree: every string in it, for glyph coverage and font subsetting; every
heading, for the contents and outlines writers make."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import Any

from ipdocs.doc.nodes import Bilingual, Block, Heading, Language


def strings(node: Any) -> Iterator[str]:
    """Every string held anywhere below ``node``, in tree order; not a language's
    description (its tag, the words writers may print in it: not the document's text)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, Language):
        return
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for f in dataclasses.fields(node):
            yield from strings(getattr(node, f.name))
    elif isinstance(node, tuple | list):
        for item in node:
            yield from strings(item)


def characters(node: Any) -> str:
    """Every distinct character below ``node``, sorted: the characters of ``strings``,
    found by a walk without generators (every PDF and DOCX made, and every fitting
    trial, asks for them)."""
    return "".join(sorted(character_set(node)))


def character_set(node: Any) -> set[str]:
    """Every distinct character below ``node`` (``characters``, unsorted)."""
    seen: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            seen.update(item)
            continue
        if isinstance(item, Language):
            continue  # a description, not the document's text (as ``strings``)
        names = _field_names(type(item))
        if names is not None:
            stack.extend(getattr(item, name) for name in names)
        elif isinstance(item, tuple | list):
            stack.extend(item)
    return seen


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass (None for any other class), remembered."""
    names = _FIELDS.get(cls, ())
    if names == ():
        names = (tuple(f.name for f in dataclasses.fields(cls))
                 if dataclasses.is_dataclass(cls) and not issubclass(cls, type) else None)
        _FIELDS[cls] = names
    return names


def headings(blocks: Sequence[Block]) -> Iterator[Heading]:
    """Every heading of the tree in the order written, those inside bilingual pairs
    included."""
    for block in blocks:
        if isinstance(block, Heading):
            yield block
        elif isinstance(block, Bilingual):
            yield from headings(block.left)
            yield from headings(block.right)
