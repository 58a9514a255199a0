"""Writing files whole or not at all: temporaries, failures, kills, stale leftovers."""

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ipdocs.base import files
from ipdocs.base.files import WriteError, atomic_write, clean_stale, temp_path, write_all
from tests.conftest import on_small_disk


def names(folder: Path) -> list[str]:
    """The names in ``folder``, sorted."""
    return sorted(p.name for p in folder.iterdir())


def test_a_group_is_written_whole(tmp_path: Path) -> None:
    written = write_all([(tmp_path / "a.pdf", b"A"), (tmp_path / "sub" / "b.pdf", b"B")])
    assert written == [tmp_path / "a.pdf", tmp_path / "sub" / "b.pdf"]
    assert (tmp_path / "a.pdf").read_bytes() == b"A"
    assert names(tmp_path) == ["a.pdf", "sub"] and names(tmp_path / "sub") == ["b.pdf"]


def test_mode_sets_the_permissions(tmp_path: Path) -> None:
    atomic_write(tmp_path / "private", b"x", mode=0o600)
    assert (tmp_path / "private").stat().st_mode & 0o777 == 0o600


def test_a_directory_in_the_way_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old")
    (tmp_path / "b.pdf").mkdir()
    with pytest.raises(WriteError, match=r"b\.pdf: a directory stands at that name; "
                                         "nothing written"):
        write_all([(tmp_path / "a.pdf", b"new"), (tmp_path / "b.pdf", b"new")])
    assert (tmp_path / "a.pdf").read_bytes() == b"old"
    assert names(tmp_path) == ["a.pdf", "b.pdf"]


def test_a_failure_midway_leaves_no_temporary_and_replaces_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old")
    real = files._write

    def full_disk(temp: Path, data: bytes, mode: int) -> None:
        if data == b"second":
            temp.write_bytes(data[:3])  # part of it went out before the disk filled
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(temp, data, mode)

    monkeypatch.setattr(files, "_write", full_disk)
    with pytest.raises(WriteError, match=r"cannot write .*b\.pdf: No space left on device; "
                                         "nothing written"):
        write_all([(tmp_path / "a.pdf", b"first"), (tmp_path / "b.pdf", b"second")])
    assert names(tmp_path) == ["a.pdf"]
    assert (tmp_path / "a.pdf").read_bytes() == b"old"


def test_an_interruption_midway_leaves_no_temporary(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(temp: Path, data: bytes, mode: int) -> None:
        temp.write_bytes(b"par")
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "_write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "a.pdf", b"data")
    assert names(tmp_path) == []


FULL_DISK = """
import sys
from pathlib import Path
from ipdocs.base.files import WriteError, write_all
folder = Path(sys.argv[1])
try:
    write_all([(folder / "small", b"s" * 10_000), (folder / "large", b"l" * 200_000)])
except WriteError as exc:
    print(exc)
"""


def test_a_really_full_disk(tmp_path: Path) -> None:
    """ENOSPC from the kernel: a 64 kB tmpfs."""
    disk = tmp_path / "disk"
    result = on_small_disk(disk, "64k", f"{sys.executable} -c '{FULL_DISK}' {disk} && "
                                        f"ls -A {disk}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"cannot write {disk / 'large'}: No space left on device")
    assert result.stdout.strip().endswith("nothing written")  # and `ls -A` listed nothing


def test_temporary_names_keep_within_the_name_limit(tmp_path: Path) -> None:
    long = "报告" * 40 + ".zh.pdf"  # 247 bytes of UTF-8
    temp = temp_path(tmp_path / long)
    assert len(temp.name.encode("utf-8")) <= 255 and temp.name.startswith(".报告")
    assert files.TEMP_PATTERN.fullmatch(temp.name)
    atomic_write(tmp_path / long, b"x")
    assert names(tmp_path) == [long]


def test_a_name_too_long_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="its name is 304 bytes, longer than 247"):
        atomic_write(tmp_path / ("报告" * 50 + ".pdf"), b"x")
    assert names(tmp_path) == []


@pytest.mark.parametrize(("size", "taken"), [(247, True), (248, False), (255, False)])
def test_a_name_leaves_room_for_an_office_lock_file(tmp_path: Path, size: int,
                                                    taken: bool) -> None:
    """A name of 248 to 255 bytes fits the file system but not LibreOffice's lock file
    (``.~lock.NAME#``): such a DOCX could be read but not opened for editing nor saved."""
    name = "a" * (size - 5) + ".docx"
    if taken:
        atomic_write(tmp_path / name, b"x")
        assert names(tmp_path) == [name]
    else:
        with pytest.raises(WriteError, match=f"its name is {size} bytes, longer than 247"):
            atomic_write(tmp_path / name, b"x")
        assert names(tmp_path) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
def test_libreoffice_cannot_save_a_file_of_a_name_beyond_the_limit(tmp_path: Path) -> None:
    """Why the limit is 247: LibreOffice stores a 247-byte name, not a 249-byte one."""
    source = tmp_path / "in.txt"
    source.write_text("x", encoding="utf-8")
    for size, stored in ((247, True), (249, False)):
        named = tmp_path / ("b" * (size - 4) + ".txt")
        named.write_text("x", encoding="utf-8")
        out = tmp_path / str(size)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out),
                        str(named)], capture_output=True, timeout=300, check=False)
        assert (out / (named.stem + ".pdf")).exists() == stored, size


def dead_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def temp_of(folder: Path, pid: int, name: str = "a.pdf", host: str | None = None) -> Path:
    """A temporary as process ``pid`` on ``host`` (this one by default) would name it."""
    host = host or files._host()
    path = folder / f".{name}.ipdocs-{host}-{pid}-0123abcd.part"
    path.write_bytes(b"partial")
    return path


def test_the_next_write_removes_what_ended_processes_left(tmp_path: Path) -> None:
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as live:
        try:
            dead = temp_of(tmp_path, dead_pid())
            running = temp_of(tmp_path, live.pid, "b.pdf")
            elsewhere = temp_of(tmp_path, dead_pid(), host="abcdef")
            old_elsewhere = temp_of(tmp_path, 12, "c.pdf", host="abcdef")
            os.utime(old_elsewhere, (time.time() - 7200, time.time() - 7200))
            theirs = tmp_path / ".download.part"  # not ours: never touched
            theirs.write_bytes(b"x")
            atomic_write(tmp_path / "a.pdf", b"whole")
            assert names(tmp_path) == sorted([".download.part", "a.pdf", running.name,
                                              elsewhere.name])
            assert not dead.exists() and not old_elsewhere.exists()
        finally:
            live.kill()
    assert clean_stale(tmp_path) == [running]


KEEP_WRITING = """
import sys
from pathlib import Path
from ipdocs.base.files import write_all
folder = Path(sys.argv[1])
n = 0
while True:
    n += 1
    data = bytes([n % 256]) * 4_000_000
    write_all([(folder / "a.bin", data), (folder / "b.bin", data)])
    print(n, flush=True)
"""


def test_sigkill_at_any_moment_leaves_every_final_file_whole(tmp_path: Path) -> None:
    """Kill a process that keeps rewriting two files, at eight moments: each final file is
    whole (4 MB of one byte value) and both always hold the same version; the next write
    in the folder removes the temporaries the kills left."""
    for delay in (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 0.6):
        process = subprocess.Popen([sys.executable, "-c", KEEP_WRITING, str(tmp_path)],
                                   stdout=subprocess.PIPE)
        assert process.stdout is not None
        process.stdout.readline()  # one round done: both files exist
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        a, b = (tmp_path / "a.bin").read_bytes(), (tmp_path / "b.bin").read_bytes()
        assert len(a) == 4_000_000 and a.count(a[:1]) == len(a)
        assert len(b) == 4_000_000 and b.count(b[:1]) == len(b)
        assert a[0] - b[0] in (0, 1)  # b may lag a by one rename, never more
    atomic_write(tmp_path / "c.bin", b"c")
    assert names(tmp_path) == ["a.bin", "b.bin", "c.bin"]


def test_cleaning_looks_at_no_file_that_is_not_a_temporary(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """A font cache holds hundreds of files: only a temporary's name is worth a stat."""
    dead = temp_of(tmp_path, dead_pid())
    for index in range(5):
        (tmp_path / f"subset-{index}.ttf").write_bytes(b"x")
    looked: list[str] = []
    scandir = os.scandir

    class Entry:
        def __init__(self, entry: os.DirEntry[str]) -> None:
            self.name, self.path, self._entry = entry.name, entry.path, entry

        def stat(self, follow_symlinks: bool = True) -> os.stat_result:
            looked.append(self.name)
            return self._entry.stat(follow_symlinks=follow_symlinks)

    class Listing:
        def __init__(self, folder: Path) -> None:
            self._it = scandir(folder)

        def __enter__(self) -> list[Entry]:
            return [Entry(e) for e in self._it]

        def __exit__(self, *args: object) -> None:
            self._it.close()

    monkeypatch.setattr(os, "scandir", Listing)
    assert clean_stale(tmp_path) == [dead]
    assert looked == [dead.name]


def test_temporary_names_carry_the_machine_s_network_name() -> None:
    """The machine's name in temporary names is the network name ``socket`` gives,
    without importing ``socket`` where the system names its node."""
    import socket

    assert files._host_name() == socket.gethostname()
    assert f"-{files._host()}-{os.getpid()}-" in temp_path(Path("/tmp/a.pdf")).name
