"""The cyclic garbage collector paused while a file renders.

A render allocates some 14,000 container objects that live until its file is written
(flowables, page objects, the structure tree) and leaves no reference cycle behind
(python-docx's three objects a saved file aside): reference counting frees all of it,
as the writers' tests check. With the
collector on, those allocations set off some twenty collections a render, each walking
the young objects for nothing, and every seventh render or so a full collection that
walks the whole heap: fonts, subsets, remembered layouts (30–40 ms at once in a warm
process). ``paused`` turns it off for the render and on again after, as it was.

The collector is the process's, not a thread's: threads rendering at once share one
pause, counted under a lock, and it ends when the last of them ends. A caller who turned
the collector off keeps it off; one who turns it on or off while renders run finds it,
when the last of them ends, as it was before the first began."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
_pauses = 0
"""How many renders are running under the pause."""
_resume = False
"""Whether the collector was on when the first of them began (on again at the end)."""


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic garbage collector off while the block runs, on again after it when it
    was on before the first of the process's pauses running at once began."""
    global _pauses, _resume
    with _LOCK:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _LOCK:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()
