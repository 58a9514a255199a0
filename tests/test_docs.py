"""The reference site (mkdocs.yml, docs/) builds with no warning: its pages, the spec
format and the command line put in at build time, and the API from the docstrings."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_reference_site_builds_with_no_warning(tmp_path: Path) -> None:
    if importlib.util.find_spec("mkdocs") is None or \
            importlib.util.find_spec("mkdocstrings") is None:
        pytest.skip("the docs extra is not installed (pip install -e '.[docs]')")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                           "--site-dir", str(tmp_path / "site")], cwd=ROOT,
                          capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    site = tmp_path / "site"
    spec = (site / "spec" / "index.html").read_text(encoding="utf-8")
    assert "key_figures" in spec  # specs/README.md, put in
    cli = (site / "cli" / "index.html").read_text(encoding="utf-8")
    assert "ipdocs fonts" in cli and "--brief" in cli
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert "every problem" in api and "render" in api
    assert (site / "plugins" / "index.html").is_file()
