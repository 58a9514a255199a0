"""The library without YAML: a report made in Python goes through the same checks and
builds the same bytes as the same report read from a spec; the glossary comes along."""

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import ipdocs
from ipdocs.model import Glossary, Report
from tests.conftest import MINIMAL, SPECS


def _as_python(report: Report) -> dict[str, Any]:
    """The report as plain Python data, numbers as str and dates as text: no file."""
    data: dict[str, Any] = json.loads(report.model_dump_json(exclude_defaults=True))
    return data


def test_a_report_made_in_python_builds_the_same_bytes(tmp_path: Path) -> None:
    from_yaml = ipdocs.load_report(SPECS / "ningbo-2024.yaml")
    made = Report.model_validate(_as_python(from_yaml))
    assert made.glossary is None and from_yaml.glossary is not None
    made = made.with_glossary(Glossary.model_validate(
        json.loads(from_yaml.glossary.model_dump_json())))
    for name in ("a.zh.pdf", "a.zh-en.docx"):
        lang = name.split(".")[1]
        one = ipdocs.build(from_yaml, tmp_path / "yaml" / name, lang=lang)  # type: ignore[arg-type]
        two = ipdocs.build(made, tmp_path / "python" / name, lang=lang)  # type: ignore[arg-type]
        assert one.read_bytes() == two.read_bytes(), name


def test_numbers_in_python_as_decimal_int_or_str() -> None:
    data = _as_python(ipdocs.load_report(SPECS / "ningbo-2024.yaml"))
    figure = data["figures"]["patents.grants"]
    for given in (71425, "71425", Decimal(71425)):
        figure["value"] = given
        assert Report.model_validate(data).figure("patents.grants").value == Decimal(71425)
    figure["value"] = 71425.0
    assert Report.model_validate(data).figure("patents.grants").value == Decimal(71425)
    figure["value"] = 71425.00000000001
    with pytest.raises(ipdocs.SpecError,
                       match=r"a float \(71425\.00000000001\) is not a number ipdocs reads"):
        Report.model_validate(data)


def test_a_report_made_in_python_gets_the_specs_checks() -> None:
    data = _as_python(ipdocs.load_report(SPECS / "ningbo-2024.yaml"))
    data["lead"][0]["zh"] += "{patents.nosuch}"
    data["figures"]["patents.grants"]["value"] = "017"
    with pytest.raises(ipdocs.SpecError):
        Report.model_validate(data)


def test_load_report_brings_the_glossary_beside_the_spec(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINIMAL, encoding="utf-8")
    assert ipdocs.load_report(spec).glossary is None
    (tmp_path / "glossary.yaml").write_text("terms:\n  - {zh: 专利, en: patent}\n",
                                            encoding="utf-8")
    report = ipdocs.load_report(spec)
    assert report.glossary is not None and report.glossary.english("专利") == "patent"
    doc = ipdocs.sections.full_brief().document(report, "en")
    assert "patent" in json.dumps([str(b) for b in doc.blocks])
    (tmp_path / "glossary.yaml").write_text("terms: [{zh: 专利}]\n", encoding="utf-8")
    with pytest.raises(ipdocs.SpecError, match=r"glossary\.yaml:1:9: error: terms\[0\]\.en"):
        ipdocs.load_report(spec)
