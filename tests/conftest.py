"""Shared fixtures: small specs written to temporary files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


@pytest.fixture(scope="session")
def sample():  # type: ignore[no-untyped-def]
    """The sample report of every shape (tests/data/sample.yaml)."""
    from ipdocs import load_report

    return load_report(SAMPLE)
