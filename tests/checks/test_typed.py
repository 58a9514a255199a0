"""Statistics typed into narrative are found; years, dates, literals and bases are not."""

from typing import Any

from ipdocs.checks import check_report
from ipdocs.checks.typed import typed_numbers
from ipdocs.model import Report

LABEL = {"zh": "x", "en": "x"}


def report(lead: list[dict[str, str]], **extra: Any) -> Report:
    """A report of one figure and ``lead``."""
    return Report.model_validate({
        "region": LABEL, "year": 2024, "title": LABEL, "lead": lead, **extra,
        "figures": {"a": {"label": LABEL, "value": 5, "unit": "件"}}})


def test_typed_numbers_outside_placeholders() -> None:
    assert typed_numbers("全市专利授权量{a}，同比增长11.4%。", []) == ["“权量 ，同比增长11.4%。”"]
    assert typed_numbers("{year}年8月，2021年，12月31日，{a}件", []) == []
    assert typed_numbers("开展“剑网2024”行动、“甬优1540”种子", ["“甬优1540”"]) == []
    assert typed_numbers("13月", []) != []


def test_check_warns_and_strict_refuses() -> None:
    spec = report([{"zh": "增长11.4%，{a}", "en": "up 11.4%, {a}"}])
    problems = check_report(spec)
    assert [(p.severity.value, p.path) for p in problems] == [
        ("warning", ("lead", 0, "zh")), ("warning", ("lead", 0, "en"))]
    assert all(p.is_error for p in check_report(spec, strict=True))


def test_declared_literals_pass() -> None:
    spec = report([{"zh": "“161工程”{a}", "en": "the 161 Project, {a}"}],
                  literals=["“161工程”", "161 Project"])
    assert check_report(spec, strict=True) == []


def test_a_number_typed_into_a_base_is_reported() -> None:
    base = {"zh": "全国平均水平（11.8件）", "en": "the national average (11.8)"}
    spec = Report.model_validate({
        "region": LABEL, "year": 2024, "title": LABEL,
        "figures": {"m": {"label": LABEL, "value": "8.3", "unit": "倍", "base": base},
                    "c": {"label": LABEL, "value": 5, "unit": "件",
                          "change": {"percent": 1, "basis": {"zh": "较2023年", "en": "on 2023"}}}}})
    assert [p.path for p in check_report(spec)] == [
        ("figures", "m", "base", "zh"), ("figures", "m", "base", "en")]


def test_typed_numbers_remembered_follow_the_text_and_the_literals() -> None:
    """Remembered by the text and the literals: the same text checked again with a
    literal declared (or taken back) finds what that text and literals hold, and a
    caller changing the list it is given changes nothing remembered."""
    text = "“甬优1540”种子，{a}"
    found = typed_numbers(text, [])
    assert found == ["““甬优1540”种子，”"]
    found.clear()
    assert typed_numbers(text, []) == ["““甬优1540”种子，”"]
    assert typed_numbers(text, ["甬优1540"]) == []
    assert typed_numbers(text, []) != []
    assert typed_numbers(text.replace("1540", "1541"), ["甬优1540"]) != []


def test_a_spec_checked_again_after_an_edit_finds_what_the_edit_made() -> None:
    """A text edited to type a number, then the number declared a literal: each check
    finds what that version of the spec holds (as ``ipdocs watch`` checks each save)."""
    clean = report([{"zh": "工程{a}", "en": "the project, {a}"}])
    assert check_report(clean) == []
    typed = report([{"zh": "工程{a}", "en": "the 161 Project, {a}"}])
    assert [p.path for p in check_report(typed)] == [("lead", 0, "en")]
    declared = report([{"zh": "“161工程”{a}", "en": "the 161 Project, {a}"}],
                      literals=["161 Project"])
    assert [p.path for p in check_report(declared)] == [("lead", 0, "zh")]
