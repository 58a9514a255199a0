"""The same spec gives the same bytes, whatever the hash seed, time zone and locale of the
process that builds it: every spec under specs/, every language and format (the web
edition too)."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SPECS

ENVIRONMENTS = {
    "first": {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C", "LANG": "C"},
    "second": {"PYTHONHASHSEED": "4242", "TZ": "Asia/Shanghai", "LC_ALL": "C.UTF-8",
               "LANG": "zh_CN.UTF-8"},
}
SPEC_FILES = sorted(p for p in SPECS.glob("*.yaml") if p.name != "glossary.yaml")


def _build(spec: Path, folder: Path, environment: dict[str, str]) -> dict[str, str]:
    """The digest of every file one build of ``spec`` writes."""
    env = {**os.environ, **environment}
    subprocess.run([sys.executable, "-m", "ipdocs", "build", str(spec), "-o", str(folder),
                    "-f", "docx,pdf,html"],
                   env=env, check=True, capture_output=True, timeout=600)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_the_shipped_specs_are_found() -> None:
    """The parametrised test below would skip, not fail, if the folder emptied."""
    assert SPEC_FILES


@pytest.mark.parametrize("spec", SPEC_FILES, ids=lambda p: p.name)
def test_builds_are_identical_across_seeds_zones_and_locales(spec: Path,
                                                              tmp_path: Path) -> None:
    first, second = (_build(spec, tmp_path / name, env) for name, env in ENVIRONMENTS.items())
    assert len(first) == 9
    assert first == second
