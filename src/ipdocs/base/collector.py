"""The cyclic garbage collector paused while a file renders.

A render leaves no reference cycle behind (python-docx's three objects a saved Word file
aside): reference counting frees all it made, as the writers' tests check, so the
collections its allocations set off find nothing to free. They are not free for all
that: a warm full zh PDF of the Ningbo report allocates some 14,000 container objects
that live until its file is written (flowables, page objects, the structure tree), which
set off some twenty collections a render, and every seventh render or so a full one that
walks the whole heap (fonts, subsets, remembered layouts: 30–50 ms at once). A Word file
or a web page sets off one or none: they gain little.

The pause belongs to the render that began it: it turns the collector off if it was on,
and on again when it ends, whatever other threads still render (one that began inside
another's pause leaves the collector to that one). So the collector is off at most for
one render at a time, and a thread pool rendering back to back cannot keep it off for
good; a program that turned it off before a render began keeps it off. Nothing is kept
between pauses (a forked process inherits no state of them)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic garbage collector off while the block runs, and on again after it if
    it was on when the block began."""
    was = gc.isenabled()
    try:
        gc.disable()
        yield
    finally:
        if was:
            gc.enable()
