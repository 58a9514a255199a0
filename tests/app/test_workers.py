"""Worker processes: started when asked, ended with their pool."""

import multiprocessing
import sys
from pathlib import Path

import pytest

from ipdocs.app.workers import pool, start_all
from tests.conftest import fresh_python


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


def test_a_pool_told_no_more_work_comes_ends_its_workers_after_the_last_result(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Told ``no_more_work``, a pool's work queued still runs and its results come; its
    processes end once the last result is in, before the pool's block ends, and
    ended well (the font cache is not searched for what a killed one left)."""
    import time

    from ipdocs.app import workers

    cleaned: list[bool] = []
    monkeypatch.setattr(workers, "_clean_cache", lambda: cleaned.append(True))
    with pool(2, multiprocessing.get_context("fork"), ["pdf"]) as executor:
        futures = [executor.submit(time.sleep, 0.1), executor.submit(pow, 2, 10)]
        workers.no_more_work(executor)
        workers.no_more_work(executor)  # once is enough; again changes nothing
        assert futures[1].result(timeout=30) == 1024
        assert futures[0].result(timeout=30) is None
        deadline = time.monotonic() + 10
        while multiprocessing.active_children() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert multiprocessing.active_children() == []  # before the block ends
        with pytest.raises(RuntimeError):
            executor.submit(pow, 2, 3)
    assert cleaned == []


def test_a_pool_told_no_more_work_comes_still_kills_its_workers_on_an_exception() -> None:
    import time

    from ipdocs.app import workers

    started = time.monotonic()
    with pytest.raises(RuntimeError), pool(2, multiprocessing.get_context("fork")) as executor:
        executor.submit(time.sleep, 30)
        time.sleep(0.2)
        workers.no_more_work(executor)
        raise RuntimeError("the caller gave up")
    assert time.monotonic() - started < 2
    deadline = time.monotonic() + 1.0
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert multiprocessing.active_children() == []


def test_a_pool_told_no_more_work_comes_and_left_at_once_judges_its_exited_workers(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool's block left the moment its last result is in, its processes told to end
    but not yet exited: the pool waits for their exits before judging them, so workers
    that ended well are not taken for killed ones (the font cache is not searched)."""
    from ipdocs.app import workers

    cleaned: list[bool] = []
    monkeypatch.setattr(workers, "_clean_cache", lambda: cleaned.append(True))
    for _ in range(3):
        with pool(2, multiprocessing.get_context("fork"), ["pdf"]) as executor:
            future = executor.submit(pow, 2, 10)
            workers.no_more_work(executor)
            assert future.result(timeout=30) == 1024
    assert cleaned == []
    assert multiprocessing.active_children() == []


def test_a_pool_left_by_an_exception_forgets_it_was_told_no_more_work_comes() -> None:
    """What a pool left by an exception was told is forgotten with it: a later pool (which
    may be given the same id) is told and judged by its own processes."""
    from ipdocs.app import workers

    with pytest.raises(RuntimeError), pool(1, multiprocessing.get_context("fork")) as executor:
        executor.submit(pow, 2, 3).result(timeout=30)
        workers.no_more_work(executor)
        assert id(executor) in workers._stopped
        raise RuntimeError("the caller gave up")
    assert workers._stopped == {}


def test_a_spawned_worker_registers_the_parent_s_languages() -> None:
    from ipdocs.i18n import codes, forget_locale, register_locale
    from tests.i18n.test_third_language import GERMAN

    register_locale(GERMAN)
    try:
        with pool(1, multiprocessing.get_context("spawn")) as executor:
            assert "de" in executor.submit(codes).result(timeout=60)
    finally:
        forget_locale("de")


def test_a_pool_told_its_formats_starts_its_workers_at_once() -> None:
    with pool(2, multiprocessing.get_context("fork"), ["pdf"]):
        assert len(multiprocessing.active_children()) == 2  # before any task of its own
    assert multiprocessing.active_children() == []


def imported() -> list[str]:
    """The modules this process has imported (run in a worker)."""

    return sorted(sys.modules)


def test_a_worker_imports_the_writers_of_its_formats() -> None:
    with pool(1, multiprocessing.get_context("spawn"), ["docx"]) as executor:
        modules = executor.submit(imported).result(timeout=60)
    assert "ipdocs.writers.docx" in modules
    assert "ipdocs.writers.pdf" not in modules  # only those asked


def test_a_writer_that_cannot_be_imported_is_left_for_its_output_to_say() -> None:
    from ipdocs.app.workers import import_writers
    from ipdocs.writers.formats import WriterFormat, register_format, unregister_format

    register_format(WriterFormat("broken", ".broken", "text/plain", "ipdocs.no_such:render"))
    try:
        import_writers(["broken", "no-such-format"])  # no error here
    finally:
        unregister_format("broken")


def test_the_chart_writer_is_imported_ahead_where_asked(monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    """``import_writers`` with ``charts`` imports what a format's writer draws charts
    with (the DOCX writer's XlsxWriter, its charts' workbooks) where charts' parts
    cannot be kept between runs; without, not. Where they are kept, a chart made before
    needs no XlsxWriter, and none is imported ahead."""
    code = ("import sys\n"
            "from ipdocs.app.workers import import_writers\n"
            "import_writers(['docx'])\n"
            "print('xlsxwriter' in sys.modules)\n"
            "import_writers(['docx', 'pdf'], charts=True)\n"
            "print('xlsxwriter' in sys.modules)\n")
    assert fresh_python(code).split() == ["False", "False"]  # the tests' cache keeps them
    monkeypatch.setenv("IPDOCS_CACHE", "off")
    assert fresh_python(code).split() == ["False", "True"]


def leave_a_temporary_and_die(folder: str) -> None:
    """In a worker: begin a cache file, as subsetting does, and end as if killed."""
    import os

    from ipdocs.base.files import temp_path

    temp_path(Path(folder) / "face.ttf").write_bytes(b"half")
    os._exit(9)


def test_what_a_worker_that_died_left_in_the_cache_is_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures.process import BrokenProcessPool

    from ipdocs.writers.subsets import cache_folder

    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path))
    folder = cache_folder()
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    with pool(1, multiprocessing.get_context("fork")) as executor, \
            pytest.raises(BrokenProcessPool):
        executor.submit(leave_a_temporary_and_die, str(folder)).result(timeout=60)
    assert list(folder.iterdir()) == []


def test_a_pool_whose_workers_ended_well_leaves_the_cache_unsearched(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import ipdocs.app.workers as workers

    searched: list[bool] = []
    monkeypatch.setattr(workers, "_clean_cache", lambda: searched.append(True))
    with pool(2, multiprocessing.get_context("fork"), ["pdf"]) as executor:
        assert executor.submit(sum, [1, 2]).result(timeout=60) == 3
    assert searched == []


def _collector_state() -> tuple[bool, int]:
    """In a pool's worker: whether its collector is on, and how many objects it holds
    frozen."""
    import gc

    return gc.isenabled(), gc.get_freeze_count()


def test_a_worker_renders_with_its_collector_off_and_what_it_imported_frozen() -> None:
    with pool(1, multiprocessing.get_context("fork"), ["pdf"]) as executor:
        enabled, frozen = executor.submit(_collector_state).result()
    assert not enabled
    assert frozen > 10_000  # ipdocs and the PDF writer's modules


def test_a_worker_collects_between_tasks_once_enough_is_tracked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from ipdocs.app import workers

    collected: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda *_: collected.append(1) or 0)
    monkeypatch.setattr(gc, "isenabled", lambda: False)
    monkeypatch.setattr(workers, "COLLECT_AFTER", 10)
    monkeypatch.setattr(workers, "_stretch", 1)
    workers.between_tasks()  # not a worker: nothing
    assert collected == []
    monkeypatch.setattr(workers, "_collects_between_tasks", True)
    monkeypatch.setattr(gc, "get_count", lambda: (5, 0, 0))
    workers.between_tasks()
    assert collected == []
    monkeypatch.setattr(gc, "get_count", lambda: (11, 0, 0))
    workers.between_tasks()
    assert collected == [1]


def test_collections_are_young_but_every_few_full(monkeypatch: pytest.MonkeyPatch) -> None:
    # A batch's worker keeps half a million remembered objects: a full collection walks
    # them all to find next to nothing, so most collections walk only the young ones.
    import gc

    from ipdocs.app import workers

    generations: list[int] = []
    garbage = workers.COLLECT_AFTER  # each finds garbage: the gap stays as it is
    monkeypatch.setattr(gc, "collect",
                        lambda generation=2: generations.append(generation) or garbage)
    monkeypatch.setattr(gc, "isenabled", lambda: False)
    monkeypatch.setattr(gc, "get_count", lambda: (workers.COLLECT_AFTER + 1, 0, 0))
    monkeypatch.setattr(workers, "_young_collections", 0)
    monkeypatch.setattr(workers, "_stretch", 1)
    for _ in range(2 * workers.FULL_EVERY):
        workers.collect_if_grown()
    once = [1] * (workers.FULL_EVERY - 1) + [2]
    assert generations == once + once


def test_a_young_collection_frees_a_tasks_cyclic_garbage(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # What a task leaves in cycles is young when the next task begins: the young
    # collection frees it, the collector off as in a worker.
    import gc
    import weakref

    from ipdocs.app import workers

    class Node:
        pass

    monkeypatch.setattr(workers, "COLLECT_AFTER", 0)
    monkeypatch.setattr(workers, "_young_collections", 0)
    monkeypatch.setattr(workers, "_stretch", 1)
    was_on = gc.isenabled()
    gc.disable()
    try:
        node = Node()
        node.self = node  # type: ignore[attr-defined]
        alive = weakref.ref(node)
        del node
        workers.collect_if_grown()
        assert alive() is None and workers._young_collections == 1
    finally:
        if was_on:
            gc.enable()


def test_collections_that_find_little_wait_longer_until_one_finds_garbage(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A batch's worker finds some ten garbage objects a spec: each such collection
    # doubles the gap to the next (up to STRETCH_MOST times), and one that finds
    # garbage sets it back, so that a report that leaves much is collected as often as
    # before.
    import gc

    from ipdocs.app import workers

    found = [0]
    collected: list[int] = []
    tracked = [0]
    monkeypatch.setattr(gc, "collect",
                        lambda generation=2: collected.append(tracked[0]) or found[0])
    monkeypatch.setattr(gc, "isenabled", lambda: False)
    monkeypatch.setattr(gc, "get_count", lambda: (tracked[0], 0, 0))
    monkeypatch.setattr(workers, "COLLECT_AFTER", 1000)
    monkeypatch.setattr(workers, "STRETCH_MOST", 8)
    monkeypatch.setattr(workers, "_stretch", 1)
    monkeypatch.setattr(workers, "_young_collections", 0)

    def grown_to(count: int) -> bool:
        tracked[0] = count
        before = len(collected)
        workers.collect_if_grown()
        return len(collected) > before

    assert grown_to(1001)  # over the gap: collected, next to nothing found
    assert not grown_to(2000) and grown_to(2001)  # the gap doubled
    assert not grown_to(4000) and grown_to(4001)
    assert not grown_to(8000) and grown_to(8001)
    assert not grown_to(8000) and grown_to(8001)  # no further than STRETCH_MOST
    found[0] = 100  # one in 80: garbage enough
    assert grown_to(8001)
    assert grown_to(1001)  # the gap back at COLLECT_AFTER


def test_next_stretch_doubles_on_sparse_finds_only() -> None:
    from ipdocs.app import workers

    assert workers.next_stretch(1, 0, 100_000) == 2
    assert workers.next_stretch(2, 5, 100_000) == 4
    assert workers.next_stretch(workers.STRETCH_MOST, 0, 10**6) == workers.STRETCH_MOST
    walked = 100 * workers.SPARSE
    assert workers.next_stretch(4, 99, walked) == 8  # under one in SPARSE
    assert workers.next_stretch(4, 100, walked) == 1  # one in SPARSE: garbage enough


def test_no_tasks_cyclic_garbage_is_ever_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    # A batch's tasks alternate: one leaves tens of thousands of objects in cycles, the
    # next next to none (a cold font cache: 87,000, 0, 87,000, 0… found in a 20-spec zh
    # PDF batch). A freeze after the task that left none would make the next task's
    # cycles permanent, never freed (260,000 objects, +90 MB in that batch): every task's
    # cyclic garbage must be freed by a later collection.
    import gc
    import weakref

    from ipdocs.app import workers

    class Node:
        pass

    def task_leaving_a_cycle() -> weakref.ref[Node]:
        node = Node()
        node.self = node  # type: ignore[attr-defined]
        return weakref.ref(node)

    monkeypatch.setattr(workers, "COLLECT_AFTER", 0)
    monkeypatch.setattr(workers, "_young_collections", 0)
    monkeypatch.setattr(workers, "_stretch", 1)
    frozen_before = gc.get_freeze_count()
    was_on = gc.isenabled()
    gc.disable()
    left, kept = [], []
    try:
        for _ in range(4):
            kept.append(Node())  # a task that leaves no cycle, only what lives on
            workers.collect_if_grown()
            left.append(task_leaving_a_cycle())
            workers.collect_if_grown()
        for _ in range(2 * workers.FULL_EVERY):
            kept.append(Node())
            workers.collect_if_grown()
        assert [ref() for ref in left] == [None] * 4
    finally:
        if gc.get_freeze_count() > frozen_before:
            gc.unfreeze()  # what a failing run froze: this process's own again
        if was_on:
            gc.enable()
