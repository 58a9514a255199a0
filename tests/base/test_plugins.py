"""Plugins: a section builder, a theme and a brief in a package of their own, installed
with pip and used from a brief YAML file by entry point; a builder by module path; a
builder registered in Python with its options declared once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import Field

from ipdocs.base.plugins import PluginError, from_module_path, is_module_path
from ipdocs.doc import Block, PageBreak
from ipdocs.model import Report
from ipdocs.sections import Builder, Context, load_brief, register_builder
from ipdocs.sections.brieffile import BUILDERS, OPTIONS, read_brief_file
from tests.conftest import ROOT, SPECS

PLUGIN = ROOT / "tests" / "data" / "plugin"
"""The worked example of the README: a package of its own."""

SPEC = SPECS / "ningbo-2024.yaml"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example package installed with pip into a folder of its own (not this
    environment): put on PYTHONPATH, its entry points are found as any installed
    package's."""
    target = tmp_path_factory.mktemp("site")
    done = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                           "--target", str(target), str(PLUGIN)],
                          capture_output=True, text=True, check=False, timeout=600)
    if done.returncode != 0:
        pytest.skip(f"pip cannot build the example package here: {done.stderr[-300:]}")
    return target


def _ipdocs(args: list[str], path: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line with ``path`` on PYTHONPATH."""
    env = {**os.environ, "PYTHONPATH": str(path)}
    return subprocess.run([sys.executable, "-m", "ipdocs", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False, timeout=600)


def test_an_installed_builder_is_used_from_a_brief_file(installed: Path,
                                                        tmp_path: Path) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text("builders:\n  - cover\n  - regional_comparison:\n"
                     "      figures: [patents.grants]\n", encoding="utf-8")
    done = _ipdocs(["build", str(SPEC), "--brief", str(brief), "-f", "pdf", "-l", "en",
                    "-o", str(tmp_path / "out")], installed, tmp_path)
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "out" / "ningbo-2024.brief.en.pdf"),
                           "-"], capture_output=True, text=True, check=False).stdout \
        if _has("pdftotext") else "Regional comparison Patents granted"
    assert "Regional comparison" in text and "Patents granted" in text


def test_an_installed_theme_and_brief_are_used_by_name(installed: Path,
                                                       tmp_path: Path) -> None:
    done = _ipdocs(["build", str(SPEC), "--brief", "regional", "--theme", "regional", "-f",
                    "docx", "-l", "zh", "-o", str(tmp_path)], installed, tmp_path)
    assert done.returncode == 0, done.stderr
    made = list(tmp_path.glob("*.docx"))
    assert len(made) == 1, done.stdout


def test_an_installed_builder_s_options_are_checked(installed: Path, tmp_path: Path) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text("builders:\n  - regional_comparison: {figures: [no.such], level: 9}\n",
                     encoding="utf-8")
    done = _ipdocs(["check", str(SPEC), "--brief", str(brief)], installed, tmp_path)
    assert done.returncode == 1
    assert "2:54: error: builders[0].regional_comparison.level: Input should be less than " \
           "or equal to 3" in done.stdout + done.stderr


def test_a_builder_by_module_path(tmp_path: Path) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text("builders:\n  - ipdocs_regional:RegionalComparison:\n"
                     "      figures: [patents.grants]\n", encoding="utf-8")
    done = _ipdocs(["build", str(SPEC), "--brief", str(brief), "-f", "docx", "-l", "en",
                    "-o", str(tmp_path / "out")], PLUGIN / "src", tmp_path)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(("step", "message"), [
    ("os:system", "'os:system' is not a builder class"),
    ("no_such_module:Builder", "cannot import 'no_such_module'"),
    ("ipdocs.sections:NoSuch", "'ipdocs.sections' has no 'NoSuch'"),
    ("regional_nonsense", "unknown builder 'regional_nonsense'; known: cover, lead"),
])
def test_a_builder_that_cannot_be_used_is_a_located_error(step: str, message: str) -> None:
    _, _, problems = read_brief_file(f"builders:\n  - {step}\n")
    assert [p.line for p in problems] == [2]
    assert message in problems[0].message


@dataclass(frozen=True)
class _Breaks(Builder):
    """Page breaks, ``count`` of them: a builder registered in Python."""

    name = "test_breaks"
    count: Annotated[int, Field(ge=1, le=3)] = 1
    note: str = ""

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        return tuple(PageBreak() for _ in range(self.count))


@pytest.fixture
def registered() -> Iterator[None]:
    """``_Breaks`` registered for one test (other tests list every builder)."""
    register_builder(_Breaks)
    yield
    del BUILDERS["test_breaks"], OPTIONS["test_breaks"]


@pytest.mark.usefixtures("registered")
def test_a_registered_builder_declares_its_options_once(tmp_path: Path) -> None:
    assert BUILDERS["test_breaks"] is _Breaks
    assert set(OPTIONS["test_breaks"].model_fields) == {"count", "note"}
    brief = tmp_path / "b.yaml"
    brief.write_text("builders:\n  - test_breaks: {count: 2}\n", encoding="utf-8")
    assert load_brief(brief).builders == (_Breaks(2),)
    _, _, problems = read_brief_file("builders:\n  - test_breaks: {count: 4, colour: red}\n")
    assert [p.format() for p in problems] == [
        "<spec>:2:26: error: builders[0].test_breaks.count: Input should be less than or "
        "equal to 3",
        "<spec>:2:37: error: builders[0].test_breaks.colour: unknown field (check its "
        "spelling)"]


def test_a_name_is_registered_once() -> None:
    with pytest.raises(PluginError, match="a builder named 'cover' is registered already"):
        @register_builder
        @dataclass(frozen=True)
        class _Cover(Builder):
            name = "cover"


def test_module_paths() -> None:
    assert is_module_path("a.b:C") and is_module_path("a:C.d")
    assert not is_module_path("cover") and not is_module_path("a.b:") and \
        not is_module_path("/tmp/x:y")
    assert from_module_path("ipdocs.sections:Builder") is Builder


def _has(tool: str) -> bool:
    """Whether ``tool`` is on PATH."""
    from shutil import which
    return which(tool) is not None


def test_the_worked_example_is_the_tested_package() -> None:
    doc = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    for part in ("pyproject.toml", "src/ipdocs_regional/__init__.py",
                 "src/ipdocs_regional/brief.yaml"):
        assert (PLUGIN / part).read_text(encoding="utf-8") in doc, part
