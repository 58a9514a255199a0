"""What a process remembers (layouts, looks, compressed streams, drawings), kept in
ordered mappings that let the least recently used go: touched and trimmed here so that
threads rendering at once (a library's thread pool) never trip over one another. Each
step is one operation of the mapping; a key another thread let go between a lookup and
its touch is simply not there any more."""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")


def touch(kept: OrderedDict[K, Any], key: K) -> None:
    """Mark ``key`` as just used (last to go); nothing if another thread let it go.
    (A ``try``, not ``contextlib.suppress``: a rebuild touches some 3,000 entries, and
    the context manager's object and calls cost more than the move.)"""
    try:
        kept.move_to_end(key)
    except KeyError:
        return


def recall(kept: OrderedDict[K, V], key: K) -> V | None:
    """What ``kept`` holds for ``key``, touched (last to go); None if it holds nothing."""
    value = kept.get(key)
    if value is not None:
        touch(kept, key)
    return value


def keep(kept: OrderedDict[K, V], key: K, value: V, most: int) -> V:
    """``value`` kept for ``key``, the least recently used let go beyond ``most``; for a
    cache that keeps only some of what it makes (what was made without a problem)."""
    kept[key] = value
    trim(kept, most)
    return value


def remembered(kept: OrderedDict[K, V], key: K, make: Callable[[], V], most: int) -> V:
    """What ``kept`` holds for ``key``, touched; else made by ``make``, kept, and the
    least recently used let go beyond ``most``."""
    value = recall(kept, key)
    return keep(kept, key, make(), most) if value is None else value


def trim(kept: OrderedDict[K, V], most: int) -> list[tuple[K, V]]:
    """Let the least recently used entries go until ``most`` are left; what went (none
    where other threads emptied it first)."""
    gone: list[tuple[K, V]] = []
    while len(kept) > most:
        try:
            gone.append(kept.popitem(last=False))
        except KeyError:
            break
    return gone


ByObjects = OrderedDict[tuple[Any, ...], tuple[tuple[Any, ...], V]]
"""What ``remembered_for`` keeps: by the key it makes, the objects held and what was
made of them."""


def remembered_for(kept: ByObjects[V],
                   objects: tuple[Any, ...], make: Callable[[], V], most: int,
                   also: tuple[Any, ...] = ()) -> V:
    """What ``make`` gives for ``objects`` (compared by identity: models, never changed
    once made) and the values ``also``, remembered: kept by the objects' ids, the
    objects held beside what was made so that their ids are not reused while it is kept,
    the least recently used let go beyond ``most``."""
    key = (*also, *map(id, objects))
    held = recall(kept, key)
    if held is not None and all(a is b for a, b in zip(held[0], objects, strict=True)):
        return held[1]
    return keep(kept, key, (objects, make()), most)[1]


def keep_afresh(kept: dict[K, V], key: K, value: V, most: int) -> V:
    """``value`` kept for ``key`` in a plain mapping, every entry let go first once
    ``most`` are kept: for what a process meets few of (numbers' and names' spellings,
    a table's row heights by caption), where forgetting all now and then costs less than
    keeping an order of use on every lookup."""
    if len(kept) >= most:
        kept.clear()
    kept[key] = value
    return value


def drop_oldest(kept: dict[K, Any]) -> None:
    """Let the first-made entry of a plain mapping go (nothing where other threads
    emptied it or let it go first)."""
    with contextlib.suppress(KeyError, StopIteration, RuntimeError):
        del kept[next(iter(kept))]
