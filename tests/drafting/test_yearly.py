"""Drafts that never state a wrong thing: kind-aware changes, stale values through two
years, dates, JSON, sources, review marks, the figures workbook."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ipdocs import SpecError, load_report
from ipdocs.drafting import check_draft, draft, next_year, workbook_bytes
from ipdocs.model import Report
from ipdocs.sections.narrative import figure_change, render
from tests.conftest import ROOT

SPEC = """\
region: {zh: 示例市, en: Exampleton}
year: 2024
title: {zh: 示例市2024年知识产权状况, en: "IP in Exampleton, 2024"}
sources:
  - title: {zh: 《示例市2024年知识产权状况》, en: "“IP in Exampleton, 2024”"}
    url: https://example.org/2024
    date: 2025-04-26
lead:
  - zh: "专利{grants}，{grants:change}。排名{rank:change}；占比{share}，{share:change}。"
    en: "Patents {grants}, {grants:change}. Ranking {rank:change}; share {share}, {share:change}."
    recurring: [1]
  - zh: "每年发布报告。2024年完成验收。"
    en: "The report is published every year. In 2024 the inspection was completed."
    recurring: true
  - zh: "审查周期{cycle}。"
    en: "Examination took {cycle}."
    recurring: true
figures:
  grants:
    label: {zh: 专利授权量, en: Patents granted}
    value: 1000
    unit: 件
    change: {percent: 11.4}
  rank:
    label: {zh: 排名, en: Ranking}
    value: 2
    unit: 位
    kind: rank
    change: {previous: 3}
  share:
    label: {zh: 占比, en: Share}
    value: 75
    unit: "%"
    change: {increment: 2}
  cycle:
    label: {zh: 审查周期, en: Examination period}
    value: 2
    unit: 日
    qualifier: 以内
  stock:
    label: {zh: 存量, en: Stock}
    value: 50
    unit: 件
    kind: stock
    as_of: 2024-02-29
  quoted:
    label: {zh: 带引号日期, en: Quoted date}
    value: 5
    unit: 件
    kind: stock
    as_of: "2024-06-30"
"""


def make(tmp_path: Path, figures: str, spec: str = SPEC, name: str = "y2024.yaml",
         suffix: str = ".csv") -> Report:
    """Draft ``spec`` with ``figures`` and load the new spec."""
    old = tmp_path / name
    old.write_text(spec, encoding="utf-8")
    new_values = tmp_path / f"new{suffix}"
    new_values.write_text(figures, encoding="utf-8")
    result = draft(old, new_values)
    out = tmp_path / ("next" + old.suffix)
    out.write_text(result.text, encoding="utf-8")
    return load_report(out)


def test_rank_rate_and_qualifier_in_their_own_terms(tmp_path: Path) -> None:
    report = make(tmp_path, "id,value\ngrants,1003.9\nrank,1\nshare,80\ncycle,2\n")
    rank, share = report.figure("rank"), report.figure("share")
    assert figure_change(rank, "zh") == "由第二位升至第一位"  # an improvement, not −50%
    assert figure_change(rank, "en") == "up from second to first"
    assert figure_change(share, "zh") == "同比提高5个百分点"  # not +6.7%
    grants = report.figure("grants")
    assert grants.change is not None and grants.change.percent == Decimal("0.4")  # not 0
    cycle = report.figure("cycle")
    assert cycle.qualifier == "以内" and cycle.review  # kept and marked, not dropped


def test_a_decline_is_never_minus_zero(tmp_path: Path) -> None:
    report = make(tmp_path, "id,value\ngrants,999.99\n")
    change = report.figure("grants").change
    assert change is not None and change.percent == Decimal("-0.001")
    assert str(change.percent) != "-0"
    assert figure_change(report.figure("grants"), "zh") == "同比下降0.001%"


def test_dates_of_every_form_move_on(tmp_path: Path) -> None:
    report = make(tmp_path, "id,value\nstock,60\nquoted,6\n")
    assert report.figure("stock").as_of == date(2025, 2, 28)
    assert report.figure("quoted").as_of == date(2025, 6, 30)
    assert next_year(date(2023, 2, 28)) == date(2024, 2, 29)
    assert next_year(date(2024, 2, 28)) == date(2025, 2, 28)


def test_a_figure_stale_for_two_years(tmp_path: Path) -> None:
    y2025 = make(tmp_path, "id,value\nshare,80\n")
    grants = y2025.figure("grants")
    assert grants.stale and grants.of_year == 2024 and grants.value == 1000
    (tmp_path / "y2025.yaml").write_text((tmp_path / "next.yaml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    y2026 = make(tmp_path, "id,value\nshare,82\n",
                 spec=(tmp_path / "y2025.yaml").read_text(encoding="utf-8"), name="y2025.yaml")
    grants = y2026.figure("grants")
    assert grants.stale and grants.of_year == 2024  # stale twice: still 2024's value
    assert y2026.figure("share").history == {2024: Decimal(75), 2025: Decimal(80)}
    (tmp_path / "y2026.yaml").write_text((tmp_path / "next.yaml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    y2027 = make(tmp_path, "id,value\ngrants,1200\n",
                 spec=(tmp_path / "y2026.yaml").read_text(encoding="utf-8"), name="y2026.yaml")
    grants = y2027.figure("grants")
    assert grants.history == {2024: Decimal(1000)}  # under the year the value is of
    assert grants.change is not None and grants.change.basis is not None
    assert figure_change(grants, "zh") == "较2024年增长20.0%"  # not 同比 across three years
    assert grants.review


def test_unit_change_converts_the_history(tmp_path: Path) -> None:
    spec = SPEC.replace("    value: 1000\n    unit: 件\n    change: {percent: 11.4}\n",
                        "    value: 46.2\n    unit: 万件\n    history: {2023: 41.5}\n"
                        "    change: {percent: 11.3}\n")
    report = make(tmp_path, "id,value,unit\ngrants,517000,件\n", spec=spec)
    assert report.figure("grants").history == {2023: Decimal(415000), 2024: Decimal(462000)}


def test_json_in_json_out(tmp_path: Path) -> None:
    import json

    from ipdocs.drafting.document import load

    yaml_spec = tmp_path / "y.yaml"
    yaml_spec.write_text(SPEC, encoding="utf-8")
    data = load(yaml_spec)
    as_json = json.dumps(json.loads(json.dumps(data, default=str)), ensure_ascii=False)
    report = make(tmp_path, "id,value\ngrants,1100\n", spec=as_json, name="y2024.json")
    assert report.year == 2025 and report.figure("grants").value == 1100
    text = (tmp_path / "next.json").read_text(encoding="utf-8")
    json.loads(text)  # valid JSON
    assert '"review": true' in text
    assert [p for p in check_draft(text, json=True) if p.is_error] == []


def test_sources_keep_their_year(tmp_path: Path) -> None:
    report = make(tmp_path, "id,value\ngrants,1100\n")
    new, old = report.sources
    assert new.review and new.title.zh == "《示例市2025年知识产权状况》"
    assert old.title.zh == "《示例市2024年知识产权状况》" and old.url == "https://example.org/2024"
    assert old.date == date(2025, 4, 26) and not old.review


def test_review_is_conservative_and_sentence_level(tmp_path: Path) -> None:
    report = make(tmp_path, "id,value\ngrants,1100\n")
    first, second, third = report.lead
    assert first.review == [2]  # only its first sentence is declared recurring
    assert second.review == [2]  # "In 2024 …" types a year, in English too
    assert third.review is False  # recurring and undated


def test_a_year_typed_only_in_english_is_caught(tmp_path: Path) -> None:
    spec = SPEC.replace("每年发布报告。2024年完成验收。", "每年发布报告。去年完成验收。")
    report = make(tmp_path, "id,value\ngrants,1100\n", spec=spec)
    assert report.lead[1].review == [2]


@pytest.mark.parametrize(("figures", "where", "message"), [
    ("id,value\ngrants,1e999\n", "new.csv:2", "too large"),
    ("id,value\nrank,2.5\n", "new.csv:2", "whole number"),
    ("id,value,unit\ngrants,5,斗\n", "new.csv:2", "unknown unit '斗'"),
    ("id,value,unit\ngrants,5,元\n", "new.csv:2", "do not convert"),
    ("id,value,qualifier\ngrants,5,大约\n", "new.csv:2", "unknown qualifier"),
])
def test_figures_file_errors_are_located_in_it(tmp_path: Path, figures: str, where: str,
                                               message: str) -> None:
    with pytest.raises(SpecError) as caught:
        make(tmp_path, figures)
    assert where in caught.value.report() and message in caught.value.report()


def test_unknown_keys_in_a_yaml_figures_file(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="unknown key") as caught:
        make(tmp_path, "grants: {value: 1100, colour: red}\n", suffix=".yaml")
    assert "new.yaml:1" in caught.value.report()


@pytest.mark.parametrize("note", ["fine\n    qualifier: 超", "# not a comment", "a: b",
                                  "'quoted\" \\n", "  leading  "])
def test_notes_go_through_the_emitter(tmp_path: Path, note: str) -> None:
    csv_note = '"' + note.replace('"', '""') + '"'
    report = make(tmp_path, f"id,value,note\ngrants,80000,{csv_note}\n")
    grants = report.figure("grants")
    assert grants.qualifier is None and grants.value == 80000  # nothing injected
    assert grants.draft_note == note.strip()


def test_workbook_bytes_do_not_depend_on_the_clock(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    spec = tmp_path / "y2024.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    first = workbook_bytes(load_report(spec))
    later = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: later)  # what zipfile stamps members with
    assert workbook_bytes(load_report(spec)) == first


def test_workbook_round_trip(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    spec = tmp_path / "y2024.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    book_path = tmp_path / "figures.xlsx"
    book_path.write_bytes(workbook_bytes(load_report(spec)))
    assert workbook_bytes(load_report(spec)) == book_path.read_bytes()  # reproducible
    book = load_workbook(book_path)
    sheet = book["figures"]
    header = [c.value for c in sheet[1]]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    assert rows["share"][header.index("measure")].value == "rate"
    assert rows["grants"][header.index("上年数值 last value")].value == "1000件"
    rows["grants"][header.index("value")].value = "1,100"
    rows["rank"][header.index("value")].value = 1
    rows["cycle"][header.index("value")].value = 3.5
    rows["cycle"][header.index("qualifier")].value = "-"
    rows["cycle"][header.index("note")].value = "from the office\nline two"
    book.save(book_path)
    new = tmp_path / "y2025.yaml"
    new.write_text(draft(spec, book_path).text, encoding="utf-8")
    report = load_report(new)
    assert report.figure("grants").value == Decimal(1100)
    assert figure_change(report.figure("rank"), "en") == "up from second to first"
    cycle = report.figure("cycle")
    assert (cycle.value, cycle.qualifier) == (Decimal("3.5"), None)
    assert report.figure("share").stale


PERIODS = (ROOT / "tests" / "data" / "genre-periods.yaml").read_text(encoding="utf-8")


def test_figures_of_other_periods_draft(tmp_path: Path) -> None:
    """An interim figure of the next year left without a new value stays dated by its own
    as_of; a total over years states no computed change; a basis naming last year by
    placeholder holds for the new year; a change from an earlier time becomes year on
    year."""
    report = make(tmp_path, "id,value\npatents.grants,8\nawards.since,50\nservices.cycle,60\n",
                  spec=PERIODS, name="y2022.yaml")
    interim = report.figure("interim.grants")
    assert interim.stale and interim.of_year is None and str(interim.as_of) == "2023-02-28"
    assert report.figure("awards.since").change is None
    assert render(report.lead[4], report, "zh") == "专利授权量较2022年增长12.0%。"
    cycle = report.figure("services.cycle").change
    assert cycle is not None and cycle.previous == 70 and cycle.previous_of is None


def test_an_interim_figure_of_the_next_year_files_its_old_value_under_its_own_year(
        tmp_path: Path) -> None:
    """Jan–Feb 2023's value in the 2022 report, given Jan–Feb 2024's: the old value goes
    into history under 2023, the year it is of (was 2022: a Jan–Feb 2023 figure stated as
    2022's), and the change stays year on year."""
    report = make(tmp_path, "id,value\ninterim.grants,1.5\n", spec=PERIODS, name="y2022.yaml")
    interim = report.figure("interim.grants")
    assert dict(interim.history) == {2023: Decimal("1.2")}
    assert str(interim.as_of) == "2024-02-29"
    assert interim.change is not None and interim.change.basis is None
    assert figure_change(interim, "en") == "up 25.0% year on year"
