"""Writing files whole or not at all.

Every file is written to a temporary name beside its final one and renamed into place
when complete, so a reader (a PDF viewer left open on the file, another program) sees
the old file or the new one, never part of one. A group of files is written the same
way: every temporary first, then the renames, with SIGINT and SIGTERM held back for the
few microseconds those take, so a build stopped at any moment leaves either all of its
files or none of them (a rename that fails, such as onto a directory that appeared
meanwhile, says which files it had already put in place).

On any failure (a full disk, a directory in the way, an interruption) the temporaries
are removed. A process killed outright (SIGKILL, a power cut) cannot remove its own: its
temporaries carry its host and process id, and the next write in that folder removes
those whose process has ended (and any of ours over an hour old).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import signal
import time
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from ipdocs.base.patterns import on_first_use

TEMP_PATTERN = on_first_use(r"\..*\.ipdocs-([0-9a-f]{6})-(\d+)-[0-9a-f]{8}\.part", re.DOTALL)
"""The name of a temporary file ipdocs writes: ``.<name>.ipdocs-<host>-<pid>-<random>.part``."""

ABANDONED_AFTER = 3600
"""Seconds after which a temporary of ours is taken for an abandoned one whatever its
process (one on another host, or whose process id was reused): a write takes well
under a second."""

NAME_MAX = 255
"""Bytes a file name may hold on the file systems ipdocs writes to (ext4, APFS, NTFS)."""

OPENABLE_MAX = NAME_MAX - len(".~lock.#")
"""Bytes the name of a file ipdocs writes may hold (247): an office program opening a
file makes a lock file beside it (LibreOffice's ``.~lock.NAME#``), and cannot open for
editing, or save, a file whose lock file's name would not fit in NAME_MAX."""


def name_problem(name: str) -> str | None:
    """Why a file cannot be given ``name`` (too long to be opened and saved; see
    OPENABLE_MAX), or None."""
    size = len(name.encode("utf-8", "surrogateescape"))
    if size <= OPENABLE_MAX:
        return None
    return (f"its name is {size} bytes, longer than {OPENABLE_MAX} (an office program "
            "opening it makes a lock file named after it, which would not fit the file "
            f"system's {NAME_MAX})")


class WriteError(OSError):
    """Files that could not be put in place; ``written`` names those that were."""

    def __init__(self, message: str, written: Sequence[Path] = ()) -> None:
        super().__init__(message)
        self.written = list(written)


@cache
def _host() -> str:
    """Six hex digits naming this machine in temporary names."""
    return hashlib.sha1(_host_name().encode("utf-8", "replace")).hexdigest()[:6]


def _host_name() -> str:
    """This machine's network name: the kernel's node name where the system has one
    (``socket.gethostname`` is the same name, but importing ``socket`` is some 2 ms of
    every build's start), else ``socket``'s."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)
    import socket

    return socket.gethostname()


def _umask() -> int:
    """The process's file-creation mask."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _clip(name: str, limit: int) -> str:
    """``name`` cut to at most ``limit`` bytes of UTF-8, on a character boundary."""
    return name.encode("utf-8")[:limit].decode("utf-8", "ignore")


def temp_path(path: Path) -> Path:
    """A fresh temporary name beside ``path`` (its name clipped to keep within NAME_MAX)."""
    tail = f".ipdocs-{_host()}-{os.getpid()}-{secrets.token_hex(4)}.part"
    room = NAME_MAX - 1 - len(tail.encode("ascii"))
    return path.with_name(f".{_clip(path.name, room)}{tail}")


def _alive(pid: int) -> bool:
    """Whether a process of this id runs on this machine (True where that cannot be told)."""
    if os.name == "nt":  # os.kill(pid, 0) would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def is_stale(name: str, mtime: float, now: float | None = None) -> bool:
    """Whether ``name`` is a temporary of ours that no process will finish: its process
    on this machine has ended, or it is older than ABANDONED_AFTER."""
    match = TEMP_PATTERN.fullmatch(name)
    if match is None:
        return False
    if mtime < (time.time() if now is None else now) - ABANDONED_AFTER:
        return True
    host, pid = match.group(1), int(match.group(2))
    return host == _host() and pid != os.getpid() and not _alive(pid)


def clean_stale(folder: Path) -> list[Path]:
    """Remove the stale temporaries in ``folder`` (see ``is_stale``); return them.
    Another process may remove one first: that is not an error."""
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if TEMP_PATTERN.fullmatch(entry.name) is None:
                continue  # not a temporary: not looked at (a font cache holds hundreds)
            with contextlib.suppress(OSError):
                if is_stale(entry.name, entry.stat(follow_symlinks=False).st_mtime):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def check_target(path: Path) -> None:
    """Refuse a final name that cannot take a file: a directory there, a name too long."""
    too_long = name_problem(path.name)
    if too_long:
        raise WriteError(f"cannot write {path}: {too_long}; nothing written")
    if path.is_dir():
        raise WriteError(f"cannot write {path}: a directory stands at that name; nothing "
                         "written")


def _private(path: str, flags: int) -> int:
    """Open ``path`` as ``open`` asks, creating it readable by its owner alone."""
    return os.open(path, flags, 0o600)


def _write(temp: Path, data: bytes, mode: int) -> None:
    """``data`` written to the new file ``temp``, with permissions ``mode``."""
    with open(temp, "xb", opener=_private) as out:
        out.write(data)
    os.chmod(temp, mode)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back (delivered when the block ends), where the platform
    can (POSIX threads)."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_all(files: Sequence[tuple[Path, bytes]], mode: int | None = None) -> list[Path]:
    """Write every ``(path, data)`` whole, all or none (see the module's notes); ``mode``
    sets the files' permissions (default: what the umask allows of 0o666).

    WriteError, naming the file and the cause, if a file cannot be written; then no
    temporary remains, and no final file was replaced unless a rename itself failed.
    """
    mode = 0o666 & ~_umask() if mode is None else mode
    for path, _ in files:
        check_target(path)
    for folder in dict.fromkeys(path.parent for path, _ in files):
        _make_folder(folder)
        clean_stale(folder)
    temps: list[Path] = []
    try:
        for path, data in files:
            temps.append(temp_path(path))  # named first: removed whatever stops the write
            PENDING.add(temps[-1])
            try:
                _write(temps[-1], data, mode)
            except OSError as exc:
                raise WriteError(f"cannot write {path}: {_cause(exc)}; nothing written") \
                    from exc
        return _rename_all(list(zip(temps, [path for path, _ in files], strict=True)))
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)
            PENDING.discard(temp)


PENDING: set[Path] = set()
"""The temporaries this process is writing, for ``remove_pending``."""


def remove_pending() -> None:
    """Remove the temporaries this process is writing (a signal handler's last act
    before the process exits without unwinding)."""
    for temp in list(PENDING):
        with contextlib.suppress(OSError):
            temp.unlink()


def _cause(exc: OSError) -> str:
    """The reason an OSError gives, without the file name (the message names it)."""
    return exc.strerror or str(exc)


def _make_folder(folder: Path) -> None:
    """Make ``folder`` and its parents if missing (WriteError naming it if it cannot be)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        cause = "a file stands at that name" if isinstance(exc, FileExistsError) else \
            _cause(exc)
        raise WriteError(f"cannot write to the folder {folder}: {cause}; nothing written") \
            from exc


def _rename_all(pairs: Sequence[tuple[Path, Path]]) -> list[Path]:
    """Rename each temporary onto its final name, signals held back meanwhile."""
    done: list[Path] = []
    with _signals_held():
        for temp, path in pairs:
            try:
                os.replace(temp, path)
            except OSError as exc:
                written = f" (written: {', '.join(map(str, done))})" if done else ""
                raise WriteError(f"cannot write {path}: {_cause(exc)}{written}",
                                 done) from exc
            done.append(path)
    return done


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
    write_all([(path, data)], mode)
    return path
