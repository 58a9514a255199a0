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
