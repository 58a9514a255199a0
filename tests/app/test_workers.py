"""Worker processes: started when asked, ended with their pool."""

import multiprocessing

import pytest

from ipdocs.app.workers import pool, start_all


def test_start_all_starts_every_worker_at_once() -> None:
    with pool(2, multiprocessing.get_context("fork")) as executor:
        assert multiprocessing.active_children() == []  # started as work comes, else
        start_all(executor, 2)
        assert len(multiprocessing.active_children()) == 2
    assert multiprocessing.active_children() == []


def test_a_pool_left_by_an_exception_kills_its_busy_workers() -> None:
    import time

    started = time.monotonic()
    with pytest.raises(RuntimeError), pool(2, multiprocessing.get_context("fork")) as executor:
        executor.submit(time.sleep, 30)
        time.sleep(0.2)
        raise RuntimeError("the caller gave up")
    assert time.monotonic() - started < 2  # not the 30 s the task would take
    # killed, and reaped: by the caller, or a moment later by the pool's own thread
    deadline = time.monotonic() + 1.0
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert multiprocessing.active_children() == []


def test_a_spawned_worker_registers_the_parent_s_languages() -> None:
    from ipdocs.i18n import codes, forget_locale, register_locale
    from tests.i18n.test_third_language import GERMAN

    register_locale(GERMAN)
    try:
        with pool(1, multiprocessing.get_context("spawn")) as executor:
            assert "de" in executor.submit(codes).result(timeout=60)
    finally:
        forget_locale("de")
