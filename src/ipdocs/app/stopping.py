"""Stopping the ``ipdocs`` command on SIGINT (Ctrl-C) and SIGTERM.

Whatever the command was doing, the handler ends every worker process, removes the
temporary files being written (so no file is left half-written or behind), prints one
line and exits at once with 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM.
Exiting from the handler, without unwinding the main thread, is what makes it prompt and
certain: nothing waits for a pool to shut down or for a render to finish. Files already
renamed into place are whole (a group's renames are done with these signals held back).

Only the command installs the handler (``install``); a program that imports ipdocs keeps
its own signal handling, and a pool interrupted there (KeyboardInterrupt) kills its
workers as it unwinds.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType

from ipdocs.base.files import remove_pending

SAID = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}
"""The line printed for each signal, after ``ipdocs: ``."""

_owner: int | None = None
"""The process that installed the handler (a forked child inherits it until it sets its own)."""

_stopping = False


def install() -> None:
    """Stop this process as the module says on SIGINT and SIGTERM."""
    global _owner
    _owner = os.getpid()
    for signum in SAID:
        signal.signal(signum, _stop)


def _stop(signum: int, frame: FrameType | None) -> None:
    """The handler: end the workers, remove temporaries, say so, exit 128 + ``signum``."""
    global _stopping
    if os.getpid() != _owner:  # a worker forked before it set its own handlers
        os._exit(128 + signum)
    if _stopping:  # a second signal while stopping: the first one finishes the job
        return
    _stopping = True
    workers = sys.modules.get("ipdocs.app.workers")  # loaded once a pool was opened
    if workers is not None:
        workers.kill_workers()
    remove_pending()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    name = SAID.get(signal.Signals(signum), signal.Signals(signum).name)
    clear = "\r\x1b[K" if _tty(2) else ""  # over a progress bar's line
    with contextlib.suppress(OSError):
        os.write(2, f"{clear}ipdocs: {name}\n".encode())
    os._exit(128 + signum)


def _tty(fd: int) -> bool:
    """Whether ``fd`` is a terminal."""
    try:
        return os.isatty(fd)
    except OSError:
        return False
