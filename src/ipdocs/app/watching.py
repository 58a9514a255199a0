"""``ipdocs watch SPEC``: rebuild a spec's outputs whenever one of its inputs changes.

The inputs are the spec, the ``glossary.yaml`` beside it (even before it exists), and
the brief and theme when they are files. Their folders are watched (watchfiles: inotify,
FSEvents or ReadDirectoryChangesW), not the files, so an editor that saves by writing a
new file and renaming it over the old one is seen too.

The process stays warm: each rebuild reloads the spec (and brief, theme, glossary) but
keeps the imports, the registered fonts and the font subsets, and renders in this
process (one output) or in a pool of processes kept for the session (several). Each
rebuild prints one line with its time, or the located errors and a line saying the files
were left as they were; watching goes on either way. The files are replaced atomically
(see ``ipdocs.base.files``): a PDF viewer reading one sees the old file or the new one.

A change made during a rebuild is not lost: watchfiles keeps collecting changes while a
rebuild runs, and each rebuild compares its inputs' stamps (size, time, inode) before
and after, and starts again if they moved.
"""

from __future__ import annotations

import contextlib
import gc
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from pathlib import Path
from typing import IO

from ipdocs.app.batch import Plan, Refusal, load_job
from ipdocs.app.building import Done, Recipe, build_jobs, open_pool
from ipdocs.base.collector import paused
from ipdocs.base.problems import counted
from ipdocs.base.records import datarecord
from ipdocs.sections import BriefError, load_brief
from ipdocs.sections.brief import BUILT_IN as BUILT_IN_BRIEFS
from ipdocs.sections.brief import Layout
from ipdocs.themes import BUILT_IN as BUILT_IN_THEMES
from ipdocs.themes import Theme, ThemeError, load_theme

STEP_MS = 2
"""How long watchfiles waits, after a change, for the burst of them to end before it
reports them: it looks every ``STEP_MS`` and reports once a look finds no change the
last did not (2 to 4 ms after the last event). An editor's save is a few events within
a fraction of a millisecond (an atomic save: a new file written, then renamed over the
spec). A save that takes longer is not lost either way: its later events make another
rebuild, and a rebuild whose inputs moved while it ran starts again (``Watcher.rebuild``).
watchfiles looks only while no rebuild runs (``changes``), so its looks, which take the
interpreter's lock, do not interrupt a rebuild; the changes made meanwhile are kept and
reported at its first look after it."""

Stamp = tuple[int, int, int] | None
"""A file's size, modification time (ns) and inode; None when it is missing."""


@datarecord(frozen=True)
class Options:
    """What to rebuild and how: the planned spec and the build options."""

    planned: Plan
    brief: str
    theme: str
    layout: Layout
    final: bool
    workers: int


def inputs(options: Options) -> list[Path]:
    """The files a rebuild reads: the spec, the glossary beside it, and the brief and
    theme where they are files; as given and, where that is a symbolic link, as linked."""
    spec = options.planned.spec
    named = [spec, spec.parent / "glossary.yaml"]
    named += [Path(options.brief)] if options.brief not in BUILT_IN_BRIEFS else []
    named += [Path(options.theme)] if options.theme not in BUILT_IN_THEMES else []
    found = [Path(os.path.abspath(p)) for p in named]
    found += [Path(os.path.realpath(p)) for p in named]
    return list(dict.fromkeys(found))


def stamps(paths: list[Path]) -> list[Stamp]:
    """Each file's stamp (see ``Stamp``)."""
    found: list[Stamp] = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            found.append(None)
        else:
            found.append((stat.st_size, stat.st_mtime_ns, stat.st_ino))
    return found


@datarecord
class Watcher:
    """A watch session: its options, where it speaks, and the pool it renders in."""

    options: Options
    err: IO[str]
    out: IO[str]
    pool: Executor | None = None
    built_in: Theme | None = None
    """The built-in theme, once loaded (``theme``)."""

    def say(self, line: str, out: bool = False) -> None:
        """Print a line (stdout for what was built, stderr for problems)."""
        print(line, file=self.out if out else self.err, flush=True)

    def rebuild(self) -> bool:
        """Rebuild until the inputs hold still during a rebuild; whether the last
        rebuild wrote its files."""
        watched = inputs(self.options)
        while True:
            before = stamps(watched)
            written = self.rebuild_once()
            if stamps(watched) == before:
                return written

    def rebuild_once(self) -> bool:
        """Load everything afresh and build once; say how it went in one line (after
        the errors, if any). Whether the files were written."""
        started = time.perf_counter()
        try:
            recipe = Recipe(load_brief(self.options.brief), self.theme(), self.options.layout)
        except (BriefError, ThemeError) as exc:
            return self._refused(Refusal([f"ipdocs: {exc}"]))
        job, refusal, _ = load_job(self.options.planned, recipe, self.options.final)
        if refusal is not None or job is None:
            return self._refused(refusal or Refusal(["ipdocs: not built"]))
        [done] = build_jobs([job], self.options.workers, executor=self.pool)
        return self._built(done, time.perf_counter() - started)

    def theme(self) -> Theme:
        """The session's theme: a theme file loaded afresh for each rebuild (it is one of
        the inputs watched), a built-in one once a session (it is not watched: part of
        the package, it does not change while the session runs)."""
        name = self.options.theme
        if name not in BUILT_IN_THEMES:
            return load_theme(name)
        if self.built_in is None:
            self.built_in = load_theme(name)
        return self.built_in

    def _refused(self, refusal: Refusal) -> bool:
        """Say why nothing was built."""
        for line in refusal.lines:
            self.say(line)
        errors = sum(": error: " in line for line in refusal.lines) or 1
        self.say(f"{_now()} not rebuilt: {counted(errors, 'error')}; the files are as they were; "
                 "watching")
        return False

    def _built(self, done: Done, seconds: float) -> bool:
        """Say how a build went."""
        if done.error is not None:
            for line in done.error.splitlines():
                self.say(f"ipdocs: {line}")
            self.say(f"{_now()} not rebuilt; the files are as they were; watching")
            return False
        what = str(done.written[0]) if len(done.written) == 1 else \
            f"{len(done.written)} files"
        self.say(f"{_now()} rebuilt {what} in {seconds:.2f} s", out=True)
        return True


def _now() -> str:
    """The wall-clock time, to the second, that starts a rebuild's line."""
    return time.strftime("%H:%M:%S")


Changes = Callable[[list[Path]], Iterator[object]]
"""Yields once the given files are watched, then whenever one of them changes
(``changes``; tests may give another)."""

READY = "ready"
"""What ``changes`` yields first: the files are watched from now on."""


def changes(paths: list[Path]) -> Iterator[object]:
    """Yield READY once ``paths`` are watched, then whenever one of them changes.

    watchfiles watches their folders in a thread of its own, so that the first build
    starts only once the watch is in place (an edit made while it runs is seen) and
    changes are collected while a rebuild runs; a burst of them makes one rebuild. The
    thread looks for changes only while this generator waits for them (``idle``): the
    events that come while the caller rebuilds are kept by watchfiles and reported at
    its next look. The main thread waits on a queue, where SIGINT and SIGTERM reach it
    at once."""
    found: queue.Queue[object] = queue.Queue()
    stop, idle = threading.Event(), threading.Event()
    idle.set()
    thread = threading.Thread(target=_watch_folders, args=(paths, found, stop, idle),
                              name="ipdocs-watch", daemon=True)
    thread.start()
    try:
        while True:
            idle.set()
            item = _next(found)
            while not found.empty() and item is not READY:  # one rebuild for a burst
                item = found.get_nowait()
            idle.clear()
            if isinstance(item, BaseException):
                raise WatchError(f"stopped watching: {item}") from item
            yield item
    finally:
        stop.set()
        idle.set()
        thread.join(timeout=1.0)  # watchfiles sees the stop within its rust_timeout:
        # a process that forks next (a pool) is then single-threaded again


SIGNAL_CHECK_S = 0.2
"""Seconds the main thread waits for a change at a time (``_next``)."""


def _next(found: queue.Queue[object]) -> object:
    """The next item put in ``found``, waited for ``SIGNAL_CHECK_S`` at a time. A signal's
    handler (``app.stopping``) runs in the main thread, between two of its Python steps:
    a wait on a lock with no time limit is cut short by the signal only if the signal
    comes while the thread sleeps in it, and one that came just before (as Ctrl-C
    pressed right after a rebuild can) was left pending until the next change, the
    process not stopping (1 time in 20 to 40 in the tests' way of stopping it)."""
    while True:
        try:
            return found.get(timeout=SIGNAL_CHECK_S)
        except queue.Empty:
            continue


class WatchError(RuntimeError):
    """The files can no longer be watched (a folder removed, say)."""


def _watch_folders(paths: list[Path], found: queue.Queue[object],
                   stop: threading.Event, idle: threading.Event) -> None:
    """Put READY in ``found`` once watching, then each burst of changes to ``paths``;
    between bursts, wait until the main thread is ``idle`` before looking again."""
    from watchfiles import watch

    wanted = {str(path) for path in paths}
    folders = sorted({str(path.parent) for path in paths})
    ready = False
    try:
        for batch in watch(*folders, watch_filter=lambda _change, path: path in wanted,
                           recursive=False, step=STEP_MS, debounce=1000, rust_timeout=50,
                           yield_on_timeout=True, stop_event=stop, raise_interrupt=False):
            if not ready:
                ready = True
                found.put(READY)
            if batch:
                found.put(batch)
            idle.wait()
    except Exception as exc:  # handed to the main thread, which says it
        found.put(exc)


def watch(options: Options, err: IO[str] | None = None, out: IO[str] | None = None,
          changed: Changes = changes) -> None:
    """Build once the inputs are watched, then rebuild on every change, until stopped
    (by a signal)."""
    from ipdocs.writers.pdf import keptlayouts
    from ipdocs.writers.pdf.blocks import remember_fits

    before = remember_fits()  # before the session's pool forks: its workers rebuild too
    session = Watcher(options, err or sys.stderr, out or sys.stdout)
    try:
        with _session_pool(options) as session.pool, keptlayouts.deferred():
            watched = inputs(options)
            session.say(f"ipdocs: watching {', '.join(_short(p) for p in watched)} "
                        "(Ctrl-C to stop)")
            for _ in changed(watched):
                with paused():  # the collector off while it rebuilds, as a build has it
                    session.rebuild()
                keptlayouts.flush()  # the PDF is written: kept while waiting, not before
                settle()
    finally:
        remember_fits(before)  # a library caller's later builds keep what they did


def settle() -> None:
    """Between rebuilds, while waiting for changes: collect what the last one left and
    freeze what lives on (fonts, subsets, caches), so that the collector's runs after the
    next rebuild (paused while it runs) walk only that rebuild's objects."""
    gc.collect()
    gc.freeze()


@contextlib.contextmanager
def _session_pool(options: Options) -> Iterator[Executor | None]:
    """A pool kept for the session when several outputs render in several processes,
    its processes started at once (before the watching thread); else none (one output
    renders in this process, warm from the second rebuild on)."""
    if options.workers <= 1:
        yield None
        return
    from ipdocs.app.workers import start_all

    with open_pool(options.workers) as pool:
        start_all(pool, options.workers)
        yield pool


def _short(path: Path) -> str:
    """A path as short as it can be said: relative to the current folder if inside it."""
    with contextlib.suppress(ValueError):
        return str(path.relative_to(Path.cwd()))
    return str(path)
