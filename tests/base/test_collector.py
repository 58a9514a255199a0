"""The cyclic garbage collector paused while a file renders (``base.collector``)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from ipdocs.base.collector import paused


@pytest.fixture
def collector_on() -> Iterator[None]:
    """The collector on for the test, as it was after."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_the_collector_is_off_inside_and_on_again_after() -> None:
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_the_collector_is_on_again_after_an_error() -> None:
    with pytest.raises(KeyError), paused():
        raise KeyError("x")
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_nested_pauses_end_with_the_outermost() -> None:
    with paused():
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_the_pause_ends_with_the_render_that_began_it() -> None:
    """A second thread's render begins inside the first's pause and outlasts it: the
    collector is on again when the first ends (so renders back to back in a thread pool
    cannot keep it off for good), and the second leaves it on."""
    second_in, first_out, seen = threading.Event(), threading.Event(), []

    def second() -> None:
        with paused():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())

    with paused():
        thread = threading.Thread(target=second)
        thread.start()
        assert second_in.wait(5)
    first_out.set()
    thread.join(5)
    assert seen == [True, True]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_a_collector_turned_off_during_a_render_is_on_again_after_it() -> None:
    """What docs/api.md says: the render that turned the collector off turns it on."""
    with paused():
        gc.disable()
    assert gc.isenabled()
