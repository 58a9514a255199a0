"""What a process remembers, touched and trimmed safely across threads (base/kept.py)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from ipdocs.base.kept import (
    drop_oldest,
    keep,
    keep_afresh,
    recall,
    remembered,
    remembered_for,
    touch,
    trim,
)


def test_touch_moves_a_key_last_and_ignores_one_already_gone() -> None:
    kept = OrderedDict([("a", 1), ("b", 2)])
    touch(kept, "a")
    assert list(kept) == ["b", "a"]
    touch(kept, "gone")
    assert list(kept) == ["b", "a"]


def test_recall_touches_what_is_kept_and_keep_lets_the_oldest_go() -> None:
    kept: OrderedDict[str, int] = OrderedDict([("a", 1), ("b", 2)])
    assert recall(kept, "a") == 1 and list(kept) == ["b", "a"]
    assert recall(kept, "gone") is None and list(kept) == ["b", "a"]
    assert keep(kept, "c", 3, 2) == 3
    assert list(kept.items()) == [("a", 1), ("c", 3)]


def test_remembered_makes_once_touches_after_and_keeps_at_most_so_many() -> None:
    kept: OrderedDict[str, list[str]] = OrderedDict()
    made: list[str] = []

    def make(key: str) -> list[str]:
        made.append(key)
        return [key]

    first = remembered(kept, "a", lambda: make("a"), 2)
    assert remembered(kept, "a", lambda: make("a"), 2) is first
    remembered(kept, "b", lambda: make("b"), 2)
    remembered(kept, "a", lambda: make("a"), 2)  # touched: "b" is now the oldest
    remembered(kept, "c", lambda: make("c"), 2)
    assert made == ["a", "b", "c"]
    assert list(kept) == ["a", "c"]


def test_trim_lets_the_least_recently_used_go_and_says_which() -> None:
    kept = OrderedDict((str(i), i) for i in range(5))
    assert trim(kept, 3) == [("0", 0), ("1", 1)]
    assert list(kept) == ["2", "3", "4"]
    assert trim(kept, 3) == []
    assert trim(OrderedDict(), -1) == []


def test_keep_afresh_lets_every_entry_go_once_so_many_are_kept() -> None:
    kept: dict[str, int] = {}
    assert keep_afresh(kept, "a", 1, 2) == 1
    keep_afresh(kept, "b", 2, 2)
    assert kept == {"a": 1, "b": 2}
    assert keep_afresh(kept, "c", 3, 2) == 3
    assert kept == {"c": 3}


def test_drop_oldest_lets_the_first_made_go_and_minds_an_empty_mapping() -> None:
    kept = {"a": 1, "b": 2}
    drop_oldest(kept)
    assert kept == {"b": 2}
    drop_oldest(kept)
    drop_oldest(kept)
    assert kept == {}


def test_threads_using_one_mapping_at_once_never_fail() -> None:
    """Lookups, touches, additions and trims of four threads on one small mapping: what
    a thread looked up may be gone when it touches it."""
    kept: OrderedDict[int, int] = OrderedDict()
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        try:
            for step in range(20_000):
                key = (seed * 7 + step) % 13
                if kept.get(key) is None:
                    kept[key] = step
                    trim(kept, 4)
                else:
                    touch(kept, key)
                if step % 97 == 0:
                    drop_oldest(kept)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(kept) <= 4 + 4  # each thread may add one after another's trim


def test_remembered_for_objects_by_identity_and_values_also() -> None:
    """What is made for objects is given again for the same objects only (an equal copy
    is another object), and for the same values ``also``; the objects are held while it
    is kept, and the least recently used go beyond ``most``."""
    kept: OrderedDict[tuple[Any, ...], tuple[tuple[Any, ...], list[int]]] = OrderedDict()
    one, copy = [1], [1]
    made = remembered_for(kept, (one,), lambda: [len(kept)], 2)
    assert remembered_for(kept, (one,), lambda: [99], 2) is made
    assert remembered_for(kept, (copy,), lambda: [7], 2) == [7]  # equal, not the same
    assert remembered_for(kept, (one,), lambda: [8], 2, also=("en",)) == [8]
    assert [objects[0] is copy for objects, _ in kept.values()] == [True, False]
    assert remembered_for(kept, (one,), lambda: [9], 2) == [9]  # let go: the oldest
