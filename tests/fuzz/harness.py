"""What every fuzzed input must end in: a readable document, or located problems; never
an exception escaping, a run past its time bound, or a file left behind."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
from hypothesis import HealthCheck, settings

from ipdocs.app.building import BuildError, Output, Recipe, build_all
from ipdocs.base.problems import Problem
from ipdocs.loading import read_spec
from ipdocs.model import Report
from ipdocs.sections import Brief, summary_brief
from ipdocs.themes import Theme, load_theme

EXAMPLES = int(os.environ.get("IPDOCS_FUZZ_EXAMPLES", "0"))
"""Examples per fuzz test: 0 keeps each test's short CI budget; set it for a long run."""

settings.register_profile("ipdocs", deadline=None, derandomize=EXAMPLES == 0,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large,
                                                 HealthCheck.function_scoped_fixture])
settings.load_profile("ipdocs")


def budget(ci: int) -> settings:
    """A test's number of examples: ``ci`` in CI, IPDOCS_FUZZ_EXAMPLES on demand."""
    return settings(max_examples=EXAMPLES or ci)


class TimeBound(Exception):
    """A case ran past its time bound (a hang)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeBound in this (main) thread if the block runs past ``seconds``."""
    def expire(*_: object) -> None:
        raise TimeBound(f"ran past {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def located(problems: list[Problem]) -> bool:
    """Whether every error has a line (every problem of a file is placed in it)."""
    return all(p.line is not None for p in problems if p.is_error)


def load(path: Path, seconds: float = 10) -> Report | None:
    """The report at ``path``, or None after asserting its problems are located."""
    with time_limit(seconds):
        loaded = read_spec(path)
    if loaded.report is None:
        assert loaded.errors, "no report and no error"
        assert located(loaded.problems), [p.format() for p in loaded.problems]
    return loaded.report


def readable(path: Path) -> None:
    """Assert a written file opens in a reader: python-docx for DOCX, qpdf for PDF."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        docx.Document(io.BytesIO(data))
    else:
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        if shutil.which("qpdf"):
            result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True,
                                    text=True, check=False)
            assert result.returncode in (0, 3), result.stdout + result.stderr


def build_or_refuse(report: Report, folder: Path, brief: Brief | None = None,
                    theme: Theme | None = None, seconds: float = 60) -> None:
    """Build a DOCX and a PDF: both readable, or a BuildError and nothing written."""
    folder.mkdir(parents=True, exist_ok=True)
    recipe = Recipe(brief or summary_brief(), theme or load_theme("briefing"))
    outputs = [Output(folder / "f.zh-en.docx", "zh-en"), Output(folder / "f.zh-en.pdf", "zh-en")]
    try:
        with time_limit(seconds):
            written = build_all(report, recipe, outputs, jobs=1)
    except BuildError:
        assert list(folder.iterdir()) == [], "a failed build left files"
        return
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)
    for path in written:
        readable(path)
