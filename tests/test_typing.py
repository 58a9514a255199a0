"""The library as a type checker sees it, with no pydantic plugin: models made by keyword
type-check (defaults are declared as fields, numbers are given as Decimal, int, str or
float and read as Decimal), and the checkers refuse what ipdocs would refuse (an unknown
language, a missing field)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "typing"


def _bad_lines() -> set[int]:
    """The lines of bad.py a checker must refuse."""
    text = (SAMPLES / "bad.py").read_text(encoding="utf-8")
    lines = {n for n, line in enumerate(text.splitlines(), 1) if "# BAD" in line}
    assert len(lines) >= 6
    return lines


def _mypy(tmp_path: Path, sample: str) -> subprocess.CompletedProcess[str]:
    """mypy --strict on one sample, as a user's project: no configuration, so no plugin;
    ipdocs found on the path, its own modules not reported."""
    shutil.copy(SAMPLES / sample, tmp_path / sample)
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent",
         "--config-file=", sample],
        cwd=tmp_path, capture_output=True, text=True, check=False,
        env={"MYPYPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})


def test_models_made_by_keyword_pass_mypy_strict_without_a_plugin(tmp_path: Path) -> None:
    done = _mypy(tmp_path, "good.py")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_refuses_what_ipdocs_refuses(tmp_path: Path) -> None:
    done = _mypy(tmp_path, "bad.py")
    found = {int(m) for m in re.findall(r"^bad\.py:(\d+): error", done.stdout, re.M)}
    assert found == _bad_lines(), done.stdout


def _pyright(tmp_path: Path, sample: str) -> dict[str, object]:
    """pyright in strict mode on one sample; skipped where pyright cannot run."""
    pyright = shutil.which("pyright", path=str(Path(sys.executable).parent))
    if pyright is None:
        pytest.skip("pyright is not installed (pip install pyright)")
    shutil.copy(SAMPLES / sample, tmp_path / sample)
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(
        {"extraPaths": [str(ROOT / "src")], "typeCheckingMode": "strict",
         "include": [sample], "pythonVersion": "3.11"}), encoding="utf-8")
    done = subprocess.run([pyright, "--outputjson"], cwd=tmp_path, capture_output=True,
                          text=True, check=False, timeout=300)
    try:
        result: dict[str, object] = json.loads(done.stdout)
    except ValueError:
        pytest.skip(f"pyright did not run (it needs node): {done.stderr[-300:]}")
    return result


def _lines(report: dict[str, object]) -> set[int]:
    """The 1-based lines of pyright's errors."""
    diagnostics = report["generalDiagnostics"]
    assert isinstance(diagnostics, list)
    return {d["range"]["start"]["line"] + 1 for d in diagnostics if d["severity"] == "error"}


def test_models_made_by_keyword_pass_pyright_without_a_plugin(tmp_path: Path) -> None:
    report = _pyright(tmp_path, "good.py")
    assert _lines(report) == set(), report["generalDiagnostics"]


def test_pyright_refuses_what_ipdocs_refuses(tmp_path: Path) -> None:
    assert _lines(_pyright(tmp_path, "bad.py")) == _bad_lines()


def test_the_samples_run() -> None:
    done = subprocess.run([sys.executable, str(SAMPLES / "good.py")], capture_output=True,
                          text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
