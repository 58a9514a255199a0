"""Shared fixtures: small specs written to temporary files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _font_cache(pytestconfig: pytest.Config,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests' font subsets (their CLI subprocesses' too) go to a cache of their own in
    pytest's cache folder, kept between runs (a temporary one with ``-p no:cacheprovider``),
    signed with a key of their own: nothing goes into the user's ~/.cache or ~/.config."""
    before = {name: os.environ.get(name) for name in ("IPDOCS_CACHE", "IPDOCS_CACHE_KEY")}
    cache = getattr(pytestconfig, "cache", None)
    folder = cache.mkdir("ipdocs-cache") if cache else tmp_path_factory.mktemp("ipdocs-cache")
    os.environ["IPDOCS_CACHE"] = str(folder)
    os.environ["IPDOCS_CACHE_KEY"] = "the tests' own key"  # no key file in the user's home
    yield
    for name, value in before.items():
        if value is None:
            del os.environ[name]
        else:
            os.environ[name] = value


SPECS = ROOT / "specs"

MINIMAL = """\
region: {zh: 宁波市, en: Ningbo}
year: 2024
title: {zh: 宁波市2024年知识产权发展与保护状况, en: "IP in Ningbo, 2024"}
lead:
  - zh: "{year}年，全市专利授权量{patents.grants}，{patents.grants:change}。"
    en: "In {year}, {patents.grants} patents were granted, {patents.grants:change}."
sections:
  - id: creation
    title: {zh: 知识产权创造, en: IP Creation}
    figures: [patents.grants]
    paragraphs:
      - zh: "其中，发明专利授权量{patents.invention}。"
        en: "Of these, {patents.invention} were invention patents."
figures:
  patents.grants:
    label: {zh: 专利授权量, en: Patents granted}
    value: 71425
    unit: 件
    change: {percent: 11.4}
    parts: [patents.invention]
    parts_complete: false
  patents.invention:
    label: {zh: 发明专利授权量, en: Invention patents granted}
    value: 12593
    unit: 件
"""


@pytest.fixture
def write_spec(tmp_path: Path) -> Callable[..., Path]:
    """Write spec text to a file in a temporary folder and return its path."""

    def write(text: str = MINIMAL, name: str = "spec.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


SAMPLE = ROOT / "tests" / "data" / "sample.yaml"


@pytest.fixture
def collector_off() -> Iterator[None]:
    """The garbage collector off for one test (as in a build's process), on again after
    as it was (``ipdocs.base.collector.paused``)."""
    from ipdocs.base.collector import paused

    with paused():
        yield


@pytest.fixture(scope="session")
def sample():  # type: ignore[no-untyped-def]
    """The sample report of every shape (tests/data/sample.yaml)."""
    from ipdocs import load_report

    return load_report(SAMPLE)


def fresh_python(code: str, *args: str, cwd: Path | None = None) -> str:
    """What ``code`` prints, run with ``args`` by a fresh interpreter (so that what this
    process imported already does not count); CalledProcessError if it fails."""
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, check=True, cwd=cwd).stdout


def on_small_disk(folder: Path, size: str, commands: str) -> subprocess.CompletedProcess[str]:
    """Run shell ``commands`` with a tmpfs of ``size`` (``64k``) mounted at ``folder``, in
    a mount namespace of their own (``unshare -m``: root or user namespaces needed), so
    that writes there meet a real ENOSPC; skip the test where that cannot be done."""
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare (util-linux)")
    folder.mkdir(exist_ok=True)
    script = f"mount -t tmpfs -o size={size} tmpfs '{folder}' || exit 77; {commands}"
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True,
                            text=True, check=False)
    if result.returncode == 77 or "Operation not permitted" in result.stderr:
        pytest.skip("cannot mount a tmpfs here (needs root or user namespaces)")
    return result
