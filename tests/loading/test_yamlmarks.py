"""YAML reading: libyaml and the pure parser agree; malformed text is located."""

from pathlib import Path

import pytest

from ipdocs.base import fastyaml
from ipdocs.loading.yamlmarks import read_yaml

SPECS = Path(__file__).resolve().parents[2] / "specs"


@pytest.mark.parametrize("name", ["ningbo-2024.yaml", "glossary.yaml"])
def test_libyaml_and_the_pure_parser_read_the_same(name: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    text = (SPECS / name).read_text("utf-8")
    fast = read_yaml(text)
    monkeypatch.setattr(fastyaml, "FastLoader", None)
    assert read_yaml(text) == fast


@pytest.mark.parametrize(("text", "message", "where"), [
    ("a: 1\n\tb: 2\n", "found character '\\t' that cannot start any token", (2, 1)),
    ("a: \x07x\n", "character U+0007 is not allowed", (1, 4)),
    ("a: 1\nb: ok\x01\n", "character U+0001 is not allowed", (2, 6)),
    ("a: [1, 2\n", "expected ',' or ']'", (2, 1)),
])
def test_malformed_yaml_is_located_with_its_full_message(
        text: str, message: str, where: tuple[int, int]) -> None:
    data, _, [problem] = read_yaml(text)
    assert data is None and message in problem.message and "\n" not in problem.message
    assert (problem.line, problem.column) == where


def test_what_only_the_pure_parser_accepts_is_still_read() -> None:
    data, _, problems = read_yaml('a: "\\ud800"\n')
    assert problems == [] and data == {"a": "\ud800"}
