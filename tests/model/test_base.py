"""One exception for every mistake of a report, however it is made, listing all of them in
the words of ``ipdocs check``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import ipdocs
from ipdocs.base.languages import add_text_language, drop_text_language
from ipdocs.model import Figure, Report, Text
from tests.conftest import MINIMAL


def _three_mistakes() -> dict[str, Any]:
    """The minimal spec with a float no one wrote, a label without its English and a
    placeholder naming no figure."""
    data: dict[str, Any] = yaml.safe_load(MINIMAL)
    data["figures"]["patents.grants"]["value"] = 0.1 + 0.2
    del data["figures"]["patents.invention"]["label"]["en"]
    data["lead"][0]["zh"] += "{patents.nosuch}"
    return data


EXPECTED = [
    "figures[patents.grants].value: a float (0.30000000000000004) is not a number ipdocs "
    "reads",
    "figures[patents.invention].label.en: missing: a required field",
    "lead[0].zh: unknown figure id 'patents.nosuch'",
]


def _said(exc: ipdocs.SpecError) -> str:
    return "\n".join(p.format() for p in exc.problems)


def test_every_mistake_of_python_data_at_once() -> None:
    with pytest.raises(ipdocs.SpecError) as caught:
        Report.model_validate(_three_mistakes())
    assert isinstance(caught.value, ValueError)
    said = _said(caught.value)
    for expected in EXPECTED:
        assert expected in said
    assert len(caught.value.errors) == 4, said  # the placeholder in Chinese alone, too
    assert str(caught.value).startswith("<Report>: error: ")


def test_every_mistake_by_keyword_at_once() -> None:
    data = _three_mistakes()
    with pytest.raises(ipdocs.SpecError) as caught:
        Report(**data)
    assert len(caught.value.errors) == 4


def test_a_model_by_keyword_raises_the_one_exception() -> None:
    with pytest.raises(ipdocs.SpecError, match=r"label\.en: missing: a required field"):
        Figure(label={"zh": "专利"}, value=1, unit="件")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unit: unknown unit 'furlong'"):
        Figure(label=Text(zh="专利", en="Patents"), value=1, unit="furlong")
    with pytest.raises(ipdocs.SpecError, match="zh: missing"):
        Text.model_validate_json('{"en": "x"}')


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_file_s_mistakes_are_located_and_said_as_check_says_them(
        tmp_path: Path, suffix: str) -> None:
    data = _three_mistakes()
    data["figures"]["patents.grants"]["value"] = "017"
    path = tmp_path / f"spec{suffix}"
    text = json.dumps(data, ensure_ascii=False, indent=1) if suffix == ".json" \
        else yaml.safe_dump(data, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ipdocs.SpecError) as caught:
        ipdocs.load_report(path)
    assert len(caught.value.errors) == 4
    assert all(p.line is not None for p in caught.value.problems)
    check = subprocess.run([sys.executable, "-m", "ipdocs", "check", str(path)],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 1
    for line in str(caught.value).splitlines():
        assert line in check.stdout + check.stderr


def test_a_title_no_document_property_holds_is_a_check_error() -> None:
    data: dict[str, Any] = yaml.safe_load(MINIMAL)
    data["title"]["en"] = "x" * 300
    with pytest.raises(ipdocs.SpecError, match=r"title: 3\d\d characters in both languages; "
                                               r"at most 223 .*title property holds 255"):
        Report.model_validate(data)
    data["title"]["en"] = "x" * 150
    data["authors"] = [{"zh": "作者", "en": "y" * 120}] * 2
    with pytest.raises(ipdocs.SpecError, match=r"^<Report>: error: authors: 248 characters"):
        Report.model_validate(data)


def test_a_spec_error_is_still_what_it_was() -> None:
    from ipdocs.base.problems import SpecError
    from ipdocs.sections.brieffile import BriefError
    from ipdocs.themes import ThemeError
    assert SpecError is ipdocs.SpecError
    assert issubclass(BriefError, SpecError) and issubclass(ThemeError, SpecError)


def test_a_text_is_a_mapping_from_language_to_prose() -> None:
    text = Text(zh="知识产权", en="IP")
    assert text.texts == {"zh": "知识产权", "en": "IP"}
    assert (text.zh, text.en, text.get("zh-Hant")) == ("知识产权", "IP", "知识产权")


def test_a_registered_language_s_prose_is_held_and_printed() -> None:
    add_text_language("xx")
    try:
        text = Text.model_validate({"zh": "知识产权", "en": "IP", "xx": "Xip"})
        assert text.texts == {"zh": "知识产权", "en": "IP", "xx": "Xip"}
        assert text.get("xx") == "Xip" and text.model_dump()["xx"] == "Xip"
        with pytest.raises(ValueError, match="a text has no 'xx' version"):
            Text(zh="知识产权", en="IP").get("xx")
    finally:
        drop_text_language("xx")


def test_prose_in_a_language_not_registered_is_a_located_error(tmp_path: Path) -> None:
    data: dict[str, Any] = yaml.safe_load(MINIMAL)
    data["sections"][0]["title"]["qq"] = "Titel"
    data["sections"][0]["paragraphs"][0]["reviw"] = True
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ipdocs.SpecError) as caught:
        ipdocs.load_report(path)
    said = _said(caught.value)
    assert "sections[0].title.qq: no registered language 'qq' (texts may be in zh, en" in said
    assert "sections[0].paragraphs[0].reviw: unknown field (check its spelling)" in said
    assert all(p.line is not None for p in caught.value.problems)
