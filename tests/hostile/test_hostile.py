"""The hostile corpus (tests/hostile/cases.py) run through the command line: each case
ends as its class says, located, within its time bound, never with exit 70.

CI runs a fixed sample of ``SAMPLE`` cases (the same every run, spread over every list);
``IPDOCS_HOSTILE=all`` runs every case (a scheduled or opt-in run)."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import pytest

from ipdocs.app.cli import EXIT_INTERNAL, main
from tests.conftest import ROOT
from tests.fuzz.harness import time_limit
from tests.hostile.cases import BUILT, REFUSED, Case, all_cases

BRIEFING = (ROOT / "src" / "ipdocs" / "themes" / "briefing.yaml").read_text("utf-8")
CASES = {case.name: case for case in all_cases(BRIEFING)}

SAMPLE = 48
"""Cases a CI run takes: those whose names hash lowest (a fixed, spread-out choice)."""


def chosen() -> list[str]:
    """The names of the cases this run takes."""
    names = sorted(CASES)
    if os.environ.get("IPDOCS_HOSTILE") == "all":
        return names
    return sorted(sorted(names, key=lambda n: zlib.crc32(n.encode()))[:SAMPLE])


def _write(case: Case, folder: Path) -> None:
    """The case's files and links, in ``folder``."""
    for name, content in case.files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    for name, target in case.links.items():
        (folder / name).symlink_to(target)


def _refused_as_said(case: Case, err: str) -> None:
    """The refusal's words are said; every problem line names its file and, where the case
    is located, the line in it."""
    assert case.needle in err, err
    problems = [line for line in err.splitlines() if ": error: " in line]
    assert problems or not case.located, err
    for line in problems:
        name, _, rest = line.partition(":")
        assert name in (*case.files, *case.links), line
        if case.located:
            assert rest.split(":")[0].isdigit(), f"no line: {line}"


@pytest.mark.parametrize("name", chosen())
def test_a_hostile_case_ends_as_its_class_says(name: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    case = CASES[name]
    _write(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    before = set(os.listdir(tmp_path))
    with time_limit(case.seconds):
        status = main(list(case.argv))
    out, err = capsys.readouterr()
    assert status != EXIT_INTERNAL, err
    if case.expect == BUILT:
        assert status == 0, err
        assert case.needle in out + err
    else:
        assert case.expect == REFUSED
        assert status == 1, (out, err)
        _refused_as_said(case, err)
        assert set(os.listdir(tmp_path)) == before, "a refusal wrote something"


def test_the_sample_spreads_over_every_list() -> None:
    """The CI sample takes refusals and builds, and numbers, characters and files."""
    sample = [CASES[n] for n in chosen()]
    assert {c.expect for c in sample} == {BUILT, REFUSED}
    for kind in ("number", " in a ", "a spec"):
        assert any(kind in c.name for c in sample), kind
