"""Stopping a build: SIGINT and SIGTERM at several moments, and a parent killed outright.

Each case runs ``ipdocs build`` on a report twice Ningbo's size (several seconds of work
across two processes), signals it at a moment of the build, and checks: it is gone
within a second with exit 130 / 143 and one line said, every worker is gone too, and no
file (final or temporary) is left in the output folder or the font cache.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SPECS

pytestmark = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(),
                                reason="finds the build's processes through /proc")


def _renamed(section: dict, copy: int) -> dict:  # type: ignore[type-arg]
    """A section (and its subsections) under ids of copy ``copy``."""
    section["id"] = f"{section['id']}-{copy}"
    for sub in section.get("sections", []):
        _renamed(sub, copy)
    return section


@pytest.fixture(scope="module")
def big_spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ningbo's report with its sections eight times over (as JSON): a build of seconds,
    still running at the interruptions below even on a fast, idle machine."""
    from ipdocs import load_report

    data = load_report(SPECS / "ningbo-2024.yaml").model_dump(mode="json", exclude_none=True)
    data["sections"] = [_renamed(section, copy) for copy in range(8)
                        for section in json.loads(json.dumps(data["sections"]))]
    path = tmp_path_factory.mktemp("big") / "big.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def processes(tag: str) -> list[int]:
    """The processes whose command line holds ``tag`` (forked workers keep their
    parent's)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if tag in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def start(spec: Path, out: Path, *options: str) -> subprocess.Popen[bytes]:
    """``ipdocs build`` in a session of its own (so SIGINT can go to its whole group),
    once it has set its handler for SIGTERM (its imports done: before, a signal does what
    it does to any process)."""
    build = subprocess.Popen([sys.executable, "-m", "ipdocs", "build", str(spec), "-o",
                              str(out), *options], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
    wait_until(lambda: handles(build.pid, signal.SIGTERM))
    return build


def handles(pid: int, signum: int) -> bool:
    """Whether process ``pid`` has a handler for ``signum`` (its SigCgt mask in /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signum - 1) & 1)
    return False


def wait_until(condition: object, timeout: float = 30) -> None:
    """Poll ``condition`` (a callable) every 10 ms until it holds."""
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def cache_temporaries() -> list[str]:
    """Temporaries in the tests' font cache."""
    folder = Path(os.environ["IPDOCS_CACHE"]) / "font-subsets"
    return [p.name for p in folder.glob("*.part")] if folder.exists() else []


def stop_and_check(build: subprocess.Popen[bytes], out: Path, signum: int) -> None:
    """Send ``signum`` (SIGINT to the whole group, as Ctrl-C does) and check the ending."""
    started = time.monotonic()
    if signum == signal.SIGINT:
        os.killpg(build.pid, signum)
    else:
        build.send_signal(signum)
    _, stderr = build.communicate(timeout=5)
    assert time.monotonic() - started < 1.0
    said = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}[signum]
    assert (build.returncode, stderr.decode()) == (128 + signum, f"ipdocs: {said}\n")
    wait_until(lambda: not processes(str(out)), timeout=1.0)
    assert not out.exists() or list(out.iterdir()) == []
    assert cache_temporaries() == []


@pytest.mark.parametrize(("signum", "after"), [
    (signal.SIGTERM, 0.0), (signal.SIGTERM, 0.5), (signal.SIGTERM, 1.5),
    (signal.SIGINT, 0.0), (signal.SIGINT, 1.0),
])
def test_a_signal_stops_the_build_and_every_worker(big_spec: Path, tmp_path: Path,
                                                   signum: int, after: float) -> None:
    """``after``: seconds after the workers have started."""
    out = tmp_path / "out"
    build = start(big_spec, out, "-j", "2")
    wait_until(lambda: len(processes(str(out))) >= 3)  # the command and two workers
    time.sleep(after)
    assert build.poll() is None, "the build ended before it could be stopped"
    stop_and_check(build, out, signum)


def test_a_signal_stops_a_build_in_one_process(big_spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build = start(big_spec, out, "-j", "1")
    time.sleep(0.5)  # loading the spec, rendering
    assert build.poll() is None
    stop_and_check(build, out, signal.SIGTERM)


def test_workers_of_a_killed_parent_exit_on_their_own(big_spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build = start(big_spec, out, "-j", "2")
    wait_until(lambda: len(processes(str(out))) >= 3)
    build.kill()
    build.communicate()
    wait_until(lambda: not processes(str(out)), timeout=1.0)


def test_a_library_caller_interrupted_gets_its_exception_and_no_workers(
        big_spec: Path, tmp_path: Path) -> None:
    """Without the command's handler: KeyboardInterrupt reaches the caller promptly, the
    pool's workers killed rather than waited for. (The alarm that sends SIGINT is a
    timer signal, not a thread: forking beside a thread is what the pool avoids.)"""
    import multiprocessing

    from ipdocs import Output, Recipe, build_all, load_report
    from ipdocs.sections import full_brief
    from ipdocs.themes import load_theme

    report = load_report(big_spec)
    outputs = [Output(tmp_path / f"big.{lang}.pdf", lang) for lang in ("zh", "en")]  # type: ignore[arg-type]
    interrupted: list[float] = []

    def interrupt(signum: int, frame: object) -> None:
        # Once both workers render (on a loaded machine the second may start late; an
        # exception raised here would be taken for a worker's and reported as one).
        if len(multiprocessing.active_children()) < 2 or interrupted:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        interrupted.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGINT)

    # Python's own handler, as an interactive caller has it: a process started in the
    # background by a shell without job control (`pytest ... &`) begins with SIGINT
    # ignored, and Python then leaves it so.
    previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.5, 0.05)
    try:
        build_all(report, Recipe(full_brief(), load_theme("briefing")), outputs, jobs=2)
    except KeyboardInterrupt:
        pass
    else:
        pytest.fail(f"the build ended without being interrupted (alarm at {interrupted})")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        signal.signal(signal.SIGINT, previous_int)
    assert time.monotonic() - interrupted[0] < 1.0
    # The pool's own thread may reap a killed worker a moment after the caller did.
    wait_until(lambda: multiprocessing.active_children() == [], timeout=1.0)
    assert list(tmp_path.iterdir()) == []
