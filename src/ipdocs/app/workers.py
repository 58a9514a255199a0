"""Worker processes that end with their build.

A build renders across a ``concurrent.futures`` process pool. Left to itself such a pool
outlives a parent stopped by a signal (its workers wait for work that never comes, for
ever), prints a traceback from every worker on Ctrl-C, and on an exception waits for the
running renders to finish. Here:

- workers ignore SIGINT (Ctrl-C reaches the whole process group: the parent decides) and
  die on SIGTERM;
- each worker watches its parent and exits within PARENT_POLL seconds of its death,
  however the parent died (SIGKILL, a time limit);
- a pool left by an exception (KeyboardInterrupt included) kills its workers at once
  instead of waiting for them, and so does ``kill_workers`` (the command line's signal
  handler).

Workers render bytes and write nothing but font-subset cache files, whose temporaries a
killed worker leaves behind: the parent removes them once the workers are gone, unless
every one ended normally.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ipdocs.base.files import clean_stale

if TYPE_CHECKING:
    from concurrent.futures import Executor, ProcessPoolExecutor
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

PARENT_POLL = 0.2
"""Seconds between a worker's looks at whether its parent still runs."""

COLLECT_AFTER = 100_000
"""How many more objects a collector turned off tracks than at its last collection before
``collect_if_grown`` collects: in a pool's worker as a task begins (``between_tasks``; the
scale of a summary's variant and its outputs make some 30,000–140,000 each), in the
command's own process between outputs (``cli._collecting``; a 50-fold Ningbo report
tracks some 500,000 more after its PDF, whose garbage, some 400,000 objects, is then not
kept while its DOCX is made)."""

FULL_EVERY = 8
"""Every how many of ``collect_if_grown``'s collections one is full; the others are young:
they walk only the objects made since the last collection (what survived one is old at
once, and a cycle among old objects waits for the next full one). A batch's worker keeps
what it remembers of the specs before (lines, table fits, charts, subsets: some 500,000
objects once its caches are full), and a full collection walks all of it each time to
find a few garbage cycles among them: 0.5–0.8 s a collection, every second spec, some
14% of a batch. Cycles that die old (a cache's entry pushed out) wait for the next full
one."""

STRETCH_MOST = 8
"""How many times ``COLLECT_AFTER`` the gap between two of ``collect_if_grown``'s
collections may grow to: after one that finds next to no garbage (``SPARSE``) the gap
doubles, up to this; one that finds garbage sets it back. Every collection walks all
its young objects hold, and in a batch's worker they point all over a heap its caches
grow (30 ms a collection at its first spec, 300 ms by its tenth, some ten garbage
objects found each time; wave 18). Garbage is always collected, by the next collection
at the latest: what a stretched gap can hold back is what ``STRETCH_MOST`` times
``COLLECT_AFTER`` objects make."""

SPARSE = 100
"""A collection finds next to no garbage when it frees fewer than one in this many of
the objects it walked (the tracked count it started from)."""

_collects_between_tasks = False
"""Whether this process is a pool's worker that collects its garbage between tasks
(``start_worker``), its collector off while it renders."""

_pools: list[ProcessPoolExecutor] = []
"""The pools of this process that are open (for ``kill_workers``)."""


@contextlib.contextmanager
def pool(workers: int, context: BaseContext,
         formats: Sequence[str] = ()) -> Iterator[ProcessPoolExecutor]:
    """A process pool of ``workers`` started with ``context`` whose workers end with it:
    shut down normally when the block ends, killed at once when it raises. With
    ``formats`` (the outputs' formats, known before any spec is loaded), the workers start
    at once and each imports those formats' writers (``start_worker``) while this process
    goes on (loading and checking the first spec); without, they start with the first
    task."""
    from concurrent.futures import ProcessPoolExecutor

    from ipdocs.i18n import registered_files

    executor = ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker,
                                   initargs=(os.getpid(), context.get_start_method(),
                                             registered_files(), tuple(formats)))
    _pools.append(executor)
    try:
        if formats:
            executor.submit(os.getpid)  # forks every worker now (spawns one elsewhere)
        yield executor
    except BaseException:
        _kill(executor)
        executor.shutdown(wait=False, cancel_futures=True)
        _pools.remove(executor)
        _stopped.pop(id(executor), None)  # a later pool may be given the same id
        _clean_cache()
        raise
    processes = _workers_of(executor)
    try:
        executor.shutdown()
        _await_exits(processes)
    except BaseException:  # interrupted while waiting for the workers
        _kill(executor)
        processes = []
        raise
    finally:
        _pools.remove(executor)
        _stopped.pop(id(executor), None)
        if not processes or not all_ended_well(executor, processes):
            _clean_cache()


EXIT_WAIT_S = 2.0
"""How long a pool's end waits, at most, for the exit of a worker it has told to end."""


def _await_exits(processes: Sequence[BaseProcess]) -> None:
    """Wait for the exit statuses of a pool's ``processes`` (``EXIT_WAIT_S`` at most in
    all): a pool told ``no_more_work`` has already been shut down without waiting, so
    shutting it down again returns at once, before its processes have exited and their
    exit statuses are known (``all_ended_well`` would judge a process still exiting as
    ended badly). The pool's own thread reaps them too: a process it has reaped but not
    yet given its status to answers ``join`` at once with no status, which comes a moment
    later."""
    deadline = time.monotonic() + EXIT_WAIT_S
    for process in processes:
        while process.exitcode is None and time.monotonic() < deadline:
            with contextlib.suppress(OSError, ValueError, AssertionError):
                process.join(max(0.0, deadline - time.monotonic()))
            if process.exitcode is None:
                time.sleep(0.001)


_stopped: dict[int, list[BaseProcess]] = {}
"""The processes of each pool told that no more work comes (``no_more_work``), by the
pool's id: concurrent.futures forgets them then."""


def no_more_work(executor: Executor) -> None:
    """Tell a pool of ``pool``'s that nothing more will be submitted: its processes end
    as soon as the last task's result is in, while this process writes the files (else
    they would end only once ``pool``'s block ends, after the files, and the build
    would wait for their exits then). Its work queued still runs and its results
    come; a task submitted after this is refused (RuntimeError)."""
    from concurrent.futures import ProcessPoolExecutor

    if isinstance(executor, ProcessPoolExecutor) and executor in _pools and \
            id(executor) not in _stopped:
        _stopped[id(executor)] = _processes(executor)
        executor.shutdown(wait=False)


def _workers_of(executor: ProcessPoolExecutor) -> list[BaseProcess]:
    """The pool's processes: those it had when told ``no_more_work``, else its own."""
    stopped = _stopped.get(id(executor))
    return list(stopped) if stopped is not None else _processes(executor)


def all_ended_well(executor: ProcessPoolExecutor, processes: Sequence[BaseProcess]) -> bool:
    """Whether every worker of a pool shut down normally (exit status 0) and the pool did
    not break: then none was stopped while writing a cache file, and the cache's folder
    (hundreds of files where many regions were built: a stat of each, some 2 ms of CPU
    and up to 25 ms where a file system answers a first stat slowly) need not be
    searched for what one left."""
    if getattr(executor, "_broken", False):
        return False
    return all(process.exitcode == 0 for process in processes)


def end_idle(executor: Executor) -> None:
    """End at once the workers of a pool that was given no work (every spec refused):
    started before the first spec was loaded, they may still be importing the writers
    (``pool``'s ``formats``), which a normal shutdown would wait for. They have written
    nothing."""
    from concurrent.futures import ProcessPoolExecutor

    if isinstance(executor, ProcessPoolExecutor):
        _kill(executor)


def start_all(executor: Executor, workers: int) -> None:
    """Start the pool's ``workers`` processes now rather than as work comes: a caller
    about to start threads (``ipdocs watch``) forks its workers first, since forking a
    process while other threads run can leave the child stuck on a lock one of them held.
    (The pool starts its processes with its first task: all of them when it forks, else
    one for each task that finds none idle, so each of these tasks keeps one busy for a
    moment.)"""
    for future in [executor.submit(time.sleep, 0.05) for _ in range(workers)]:
        future.result()


def _processes(executor: ProcessPoolExecutor) -> list[BaseProcess]:
    """The executor's worker processes. concurrent.futures offers no public way to reach
    them; its ``_processes`` map (pid → process) has been there since Python 3.2."""
    found = getattr(executor, "_processes", None) or {}
    for _ in range(3):  # the pool's own thread may change the map meanwhile
        with contextlib.suppress(RuntimeError):
            return list(found.values())
    return []


def _kill(executor: ProcessPoolExecutor) -> None:
    """Kill the executor's workers (SIGKILL) and wait for them, a second at most each."""
    processes = _workers_of(executor)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError, AssertionError):
            process.join(1)


def kill_workers() -> None:
    """Kill every worker of this process's open pools and remove what they left in the
    font cache. Takes no lock, so a signal handler may call it whatever the main thread
    was doing."""
    for executor in list(_pools):
        _kill(executor)
    _clean_cache()


def _clean_cache() -> None:
    """Remove temporaries that ended workers left in the font-subset cache."""
    from ipdocs.writers.subsets import cache_folder

    folder = cache_folder()
    if folder is not None:
        clean_stale(folder)


def start_worker(parent: int, method: str = "fork", locales: Sequence[Path] = (),
                 formats: Sequence[str] = ()) -> None:
    """Set up a worker process: SIGINT ignored, SIGTERM fatal, its parent watched (the
    process that made the pool; with ``method`` forkserver, the fork server too), and,
    unless it was forked with them, the languages the parent registered (``locales``,
    their files) registered again: a spawned worker starts with the shipped ones only.
    Then the writers of ``formats`` are imported (``import_writers``), and the garbage
    collector is turned off (``collector_off``)."""
    if method != "fork" and locales:
        from ipdocs.i18n import register_locale

        for file in locales:
            register_locale(file)
    gc.disable()  # while it imports too (``collector_off``)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    server = os.getppid() if method == "forkserver" else None
    threading.Thread(target=watch_parent, args=(parent, server), name="ipdocs-parent",
                     daemon=True).start()
    import_writers(formats)
    collector_off()


def collector_off() -> None:
    """Freeze what this worker holds (the modules it imported: they live until it ends)
    and turn its garbage collector off; the pool's tasks collect between them instead
    (``between_tasks``). The collector's automatic collections walked the young fitting
    sessions, documents and layouts some 250 times in each worker of a summary's six
    outputs, about a tenth of its work (40–50 ms), and found little: the command's own
    process runs with it off for the same reason (``cli._collector_between_outputs``).
    The cost is memory: a task's cyclic garbage lives until the task ends (a batch's
    worker peaks some 30–45 MB higher, bench/RESULTS.md, wave 10)."""
    global _collects_between_tasks
    gc.freeze()
    gc.disable()
    _collects_between_tasks = True


def between_tasks() -> None:
    """Called as a pool's task begins: in a worker whose collector is off
    (``collector_off``), a collection (``collect_if_grown``) once it tracks
    ``COLLECT_AFTER`` more objects than at its last, so that a long batch does not keep
    its cyclic garbage. Not as a task ends: the parent would wait for the collection
    before it has the task's result, and after a worker's last task it is wasted (a
    summary's six outputs: 20–30 ms on the longest process's path). Elsewhere (a thread
    pool, the command's own process) nothing."""
    if _collects_between_tasks:
        collect_if_grown()


_young_collections = 0
"""``collect_if_grown``'s collections since its last full one."""

_stretch = 1
"""How many times ``COLLECT_AFTER`` ``collect_if_grown`` now waits for."""


def collect_if_grown() -> None:
    """Where the garbage collector is off, a collection once it tracks ``COLLECT_AFTER``
    times ``_stretch`` more objects than at its last: of the two young generations, and
    every ``FULL_EVERY``-th time of all three (see ``FULL_EVERY``); the gap to the next
    then set by what this one found (``next_stretch``). Nothing where the collector is
    on (it collects by itself). Never a ``gc.freeze()`` instead: it makes permanent every
    generation, the last task's cyclic garbage with it, and any cycle among what it
    froze is never freed (a 20-spec zh PDF batch, whose tasks leave some 87,000 objects
    of cycles every second one, kept 260,000 of them, 90 MB, that way)."""
    global _young_collections, _stretch
    tracked = gc.get_count()[0]
    if gc.isenabled() or tracked <= COLLECT_AFTER * _stretch:
        return
    if _young_collections < FULL_EVERY - 1:
        _young_collections += 1
        found = gc.collect(1)
    else:
        _young_collections = 0
        found = gc.collect()
    _stretch = next_stretch(_stretch, found, tracked)


def next_stretch(stretch: int, found: int, walked: int) -> int:
    """The gap after a collection that freed ``found`` of the ``walked`` objects, in
    ``COLLECT_AFTER``s: twice ``stretch`` (at most ``STRETCH_MOST``) where it found next
    to nothing (``SPARSE``), else back to one."""
    if found * SPARSE < walked:
        return min(2 * stretch, STRETCH_MOST)
    return 1


def import_writers(formats: Sequence[str], charts: bool = False) -> None:
    """Import the writers of ``formats`` (names of ``ipdocs.writers.formats``) ahead of
    the first output that needs them: a worker started before the first spec is loaded
    does it while its parent loads (the PDF writer is some 70 ms of imports, the DOCX
    writer 35); with ``charts``, what each draws charts with too, where that is apart
    (``WriterFormat.charts``: the DOCX writer's XlsxWriter, some 10 ms, where charts'
    parts are not kept between runs).
    A format unknown or whose writer fails to import is left: the output that needs it
    says why."""
    from ipdocs.writers.formats import writer_format

    for name in formats:
        with contextlib.suppress(Exception):  # said where the writer is needed
            registered = writer_format(name)
            if registered is not None:
                registered.renderer()
                if charts:
                    registered.import_chart_writer()


def watch_parent(parent: int, server: int | None = None) -> None:
    """Exit this process as soon as the process that made the pool, ``parent``, is gone.
    Forked or spawned, the worker is its child, and is adopted by another process then;
    started by a fork server (``server``, the start method ``forkserver``), the worker is
    the server's child, which ends with ``parent``, and is watched too."""
    if server is None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
    else:
        while os.getppid() == server and _alive(parent):
            time.sleep(PARENT_POLL)
    os._exit(1)


def _alive(pid: int) -> bool:
    """Whether the process ``pid`` still runs (a zombie, dead but not yet reaped, does
    not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return True
