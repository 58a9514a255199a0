"""The drafting package's own functions: next year's dates and titles, a drafted spec's
checks, what stops a final build (drafting/__init__.py; the whole draft end to end is
tests/drafting/test_draft.py)."""

import datetime as dt
from pathlib import Path

import pytest

from ipdocs import SpecError, load_report
from ipdocs.drafting import Draft, check_draft, draft, final_problems, next_year
from ipdocs.drafting import _shift_years as shift_years

SPEC = """\
region: {zh: 宁波市, en: Ningbo}
year: 2024
title: {zh: 宁波市2024年知识产权发展与保护状况, en: "IP in Ningbo, 2024"}
published: 2025-04-26
lead:
  - zh: "专利{grants}。"
    en: "Patents {grants}."
  - zh: "商标{marks}。"
    en: "Trademarks {marks}."
figures:
  grants:
    label: {zh: 专利授权量, en: Patents granted}
    value: 71425
    unit: 件
    change: {percent: 11.4}
  marks:
    label: {zh: 商标, en: Trademarks}
    value: 5000
    unit: 件
"""


@pytest.mark.parametrize(("date", "after"), [
    (dt.date(2024, 4, 26), dt.date(2025, 4, 26)),
    (dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
    (dt.date(2023, 2, 28), dt.date(2024, 2, 29)),
    (dt.date(2024, 12, 31), dt.date(2025, 12, 31)),
    (dt.date(2024, 4, 30), dt.date(2025, 4, 30)),
])
def test_next_year_keeps_a_months_last_day_last(date: dt.date, after: dt.date) -> None:
    assert next_year(date) == after


def test_only_the_old_year_and_the_one_before_move_on() -> None:
    assert shift_years("宁波市2024年（较2023年）", 2024) == "宁波市2025年（较2024年）"
    assert shift_years("since 2020, 12024 items, 2024", 2024) == "since 2020, 12024 items, 2025"


def _files(tmp_path: Path, figures: str) -> tuple[Path, Path]:
    spec = tmp_path / "y2024.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    new = tmp_path / "new.csv"
    new.write_text(figures, encoding="utf-8")
    return spec, new


def test_a_draft_moves_the_year_and_says_what_is_stale(tmp_path: Path) -> None:
    result = draft(*_files(tmp_path, "id,value\ngrants,80000\n"))
    assert isinstance(result, Draft)
    assert result.stale == ["marks"]
    assert "year: 2025" in result.text and "宁波市2025年" in result.text
    assert "published" not in result.text
    assert check_draft(result.text) == []
    out = tmp_path / "y2025.yaml"
    out.write_text(result.text, encoding="utf-8")
    report = load_report(out)
    assert report.year == 2025 and report.figures["grants"].value == 80000
    assert report.figures["marks"].stale


def test_final_problems_name_the_stale_figure_and_nothing_in_a_final_spec(
        tmp_path: Path) -> None:
    spec, new = _files(tmp_path, "id,value\ngrants,80000\n")
    assert final_problems(load_report(spec)) == []
    out = tmp_path / "y2025.yaml"
    out.write_text(draft(spec, new).text, encoding="utf-8")
    paths = [tuple(p.path) for p in final_problems(load_report(out))]
    assert ("figures", "marks", "stale") in paths
    assert all(p[0] in ("figures", "lead", "sources") for p in paths)


def test_a_figures_file_naming_an_unknown_figure_is_refused_in_that_file(
        tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        draft(*_files(tmp_path, "id,value\nnope,1\n"))
    assert "new.csv" in str(caught.value) and "nope" in str(caught.value)


def test_check_draft_reports_a_broken_spec_located() -> None:
    [broken] = check_draft("year: [\n")
    assert "malformed YAML" in broken.message and broken.line == 2
    missing = check_draft('{"year": 2025}', json=True)
    assert {("region",), ("title",)} <= {tuple(p.path) for p in missing}
    assert all(p.line == 1 for p in missing)
