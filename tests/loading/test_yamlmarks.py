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


def _nested(depth: int, inner: str = "1") -> str:
    """A JSON text of ``depth`` arrays inside each other, strings holding brackets in it."""
    return '{"a": "[[{{", "b": ' + "[" * (depth - 1) + inner + "]" * (depth - 1) + "}"


def test_json_marks_are_taken_only_when_one_is_looked_up(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A spec read with no problem to place needs no marks: the pass over every token
    # (half of reading a JSON spec) is made on the first lookup, once.
    import pickle

    from ipdocs.loading import yamlmarks

    scans: list[str] = []
    scan = yamlmarks._JsonMarks.scan
    monkeypatch.setattr(yamlmarks._JsonMarks, "scan",
                        lambda self: scans.append(self.text) or scan(self))
    text = '{"region": {"zh": "宁波"},\n "figures": {"a": {"value": "1.5"}, "b": [1, 2]}}'
    data, marks, problems = yamlmarks.read_json(text)
    assert problems == [] and data["figures"]["b"] == [1, 2]
    assert scans == []
    assert marks.get(("figures", "b", "1")) == (2, 46)
    assert ("figures", "a", "value") in marks and ("nowhere",) not in marks
    taken = yamlmarks._JsonMarks(text)
    taken.scan()
    assert dict(marks) == taken.marks and len(marks) == len(taken.marks)
    assert len(scans) == 2  # the lookups above took them once; the comparison once more
    sent = pickle.loads(pickle.dumps(marks))
    assert type(sent) is dict and sent == taken.marks


@pytest.mark.parametrize("depth", [32, 33, 34, 40])
def test_the_quick_depth_check_agrees_with_the_token_scan(depth: int) -> None:
    from ipdocs.loading import yamlmarks

    text = _nested(depth)
    scanned = yamlmarks._JsonMarks(text).scan()
    assert yamlmarks._nests_too_deep(text) == (scanned is not None)
    data, _, problems = yamlmarks.read_json(text)
    if scanned is None:
        assert problems == [] and data["a"] == "[[{{"
    else:
        assert data is None and problems == [scanned]
        assert "nested more than 32 deep" in str(problems[0])


def test_brackets_in_strings_and_escaped_quotes_do_not_nest() -> None:
    from ipdocs.loading import yamlmarks

    quoted = '"\\"[[[[\\\\"'  # an escaped quote, brackets, an escaped backslash
    text = "[" * 33 + ", ".join([quoted] * 40) + "]" * 33
    assert not yamlmarks._nests_too_deep(text)
    assert yamlmarks._JsonMarks(text).scan() is None
    assert yamlmarks._nests_too_deep("[" * 34 + "]" * 34)


def test_a_duplicate_json_key_is_still_placed() -> None:
    from ipdocs.loading import yamlmarks

    data, marks, problems = yamlmarks.read_json('{"a": 1,\n "a": 2}')
    assert data is None and len(problems) == 1
    assert "duplicate key 'a' (first at line 1)" in str(problems[0])
    assert (problems[0].line, problems[0].column) == (2, 2)
    assert marks[("a",)] == (2, 7)
