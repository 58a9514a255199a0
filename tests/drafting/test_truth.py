"""A draft says what happened (issue 24): no change is said where a value stayed the same,
a change against a basis of its own (较改革前) keeps its basis and figures and is marked for
review, and nothing a reviewer sees claims more than the figures file gave."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ipdocs import load_report
from ipdocs.doc import Table
from ipdocs.drafting import draft
from ipdocs.model import Report
from ipdocs.sections import Context, YearOverYearBuilder
from ipdocs.sections.figures import change_cell
from ipdocs.sections.narrative import figure_change
from tests.conftest import ROOT

NINGBO = ROOT / "specs" / "ningbo-2024.yaml"


def drafted(folder: Path, rows: str, spec: Path = NINGBO, name: str = "n2025") -> Path:
    """``spec`` drafted with the CSV ``rows`` (after its header), written to ``folder``."""
    figures = folder / f"{name}.csv"
    figures.write_text("id,value,unit,qualifier,note\n" + rows, encoding="utf-8")
    out = folder / f"{name}.yaml"
    out.write_text(draft(spec, figures).text, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Ningbo drafted to 2025 with durations unchanged and a change of its own basis."""
    folder = tmp_path_factory.mktemp("truth")
    rows = ("adjudication.online_days,7,,,\n"
            "pledge.processing_days,3,,,\n"
            "services.grant_cycle,3,,,\n"
            "transfer.stock_converted,900,,,\n")
    return load_report(drafted(folder, rows))


@pytest.mark.parametrize("fid", ["adjudication.online_days", "pledge.processing_days"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_unchanged_duration_is_not_said_to_be_cut(year: Report, fid: str, lang: str) -> None:
    figure = year.figure(fid)
    for text in (figure_change(figure, lang), change_cell(figure, lang).text):
        assert "缩短" not in text and "cut" not in text, text
    assert change_cell(figure, lang).text == {"zh": "持平", "en": "unchanged"}[lang]


def test_a_change_of_its_own_basis_keeps_basis_and_figures(year: Report) -> None:
    figure = year.figure("services.grant_cycle")
    assert figure.change is not None and figure.change.previous == 22
    assert figure.change.basis is not None and figure.change.basis.zh == "较改革前"
    assert figure.review
    assert figure_change(figure, "zh") == "较改革前由22个月缩短至3个月左右"
    assert "from 3 months" not in figure_change(figure, "en")
    converted = year.figure("transfer.stock_converted")
    assert converted.change is not None and converted.change.percent == Decimal("71.8")
    assert converted.review and figure_change(converted, "zh") == "比专项行动之前增长了71.8%"


OWN_BASIS = """\
region: {zh: 示例市, en: Exampleton}
year: 2024
title: {zh: 示例市2024年知识产权状况, en: "IP in Exampleton, 2024"}
figures:
  stock:
    label: {zh: 存量, en: Stock}
    value: 5.1
    unit: 万件
    change: {previous: 2.2, basis: {zh: 较改革前, en: since the reform}}
"""


def test_a_kept_change_follows_a_unit_change(tmp_path: Path) -> None:
    spec = tmp_path / "e2024.yaml"
    spec.write_text(OWN_BASIS, encoding="utf-8")
    figure = load_report(drafted(tmp_path, "stock,60000,件,,\n", spec)).figure("stock")
    assert figure.change is not None and figure.change.previous == 22000
    assert figure_change(figure, "zh") == "较改革前增长172.7%"


CLERK = ("patents.grants,80000,,,\n"
         "copyright.entries,320,,-,\n"
         "talent.high_level_recruited,1200,,,\n"
         "transfer.dormant_patents,9100,,约,\n"
         "services.grant_cycle,3,,,\n"
         "adjudication.online_days,7,,,\n")


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Report]:
    """Ningbo drafted to 2025 with qualified values given new ones, and on to 2026 with
    patents granted stale in 2025 given a value again."""
    folder = tmp_path_factory.mktemp("years")
    spec_2025 = drafted(folder, CLERK)
    spec_2026 = drafted(folder, "patents.invention_grants,14000,,,\n"
                                "copyright.entries,330,,,\n", spec_2025, "n2026")
    return load_report(spec_2025), load_report(spec_2026)


def two_year_rows(report: Report, lang: str) -> dict[str, tuple[str, ...]]:
    """The 同比对照 table's rows by indicator."""
    tables = YearOverYearBuilder().build(report, Context(lang))
    assert tables and isinstance(tables[0], Table)
    return {row[0].text: tuple(c.text for c in row[1:]) for row in tables[0].rows}


def test_the_two_year_table_keeps_last_years_qualifiers(years: tuple[Report, Report]) -> None:
    rows = two_year_rows(years[0], "zh")
    assert rows["报送“知识产权杯”创意设计大赛作品"] == ("300余件", "320件", "增长")
    assert rows["引进或认定知识产权领域高层次人才"] == ("超1100人", "超1200人", "增长")
    assert rows["盘点“沉睡专利”"] == ("近9000件", "约9100件", "增长")
    assert rows["线上电商专利纠纷平均办理周期"] == ("7天", "7天", "持平")
    assert "发明专利授权平均周期" not in rows  # last year's 3个月左右 is not in the history
    en = two_year_rows(years[0], "en")
    assert en["Works entered in the IP Cup Creative Design Competition"] == (
        "more than 300", "320", "up")
    assert all("由" not in cells[-1] for cells in rows.values())  # never 由300余件增长


def test_a_value_is_shown_under_the_year_it_is_of(years: tuple[Report, Report]) -> None:
    year_2026 = years[1]
    rows = two_year_rows(year_2026, "zh")
    assert "专利授权量" not in rows  # stale in 2026: not this year's
    assert "发明专利授权量" not in rows  # its last value is of 2024, not under 2025
    assert rows["报送“知识产权杯”创意设计大赛作品"][:2] == ("320件", "330件")
    for fid, figure in year_2026.figures.items():
        label = figure.label.zh
        if label in rows:
            assert not figure.stale, fid
            assert figure.of_year is None, fid


def test_check_says_nothing_of_a_kept_basis(year: Report) -> None:
    from ipdocs.checks import check_report

    assert not [p for p in check_report(year) if "services.grant_cycle" in str(p.path)]


RELATIVE = """\
region: {zh: 示例市, en: Exampleton}
year: 2024
title: {zh: 示例市2024年知识产权状况, en: "IP in Exampleton, 2024"}
lead:
  - zh: "每年发布报告。去年调整设立联席会议。"
    en: "The report is published every year. The joint conference was set up anew."
    recurring: true
  - zh: "每年发布报告。联席会议运转良好。"
    en: "The report is published every year. This year the joint conference worked well."
    recurring: true
figures:
  grants: {label: {zh: 专利授权量, en: Patents granted}, value: 1000, unit: 件}
"""


@pytest.fixture()
def relative(tmp_path: Path) -> Path:
    """A spec whose prose names years relatively, in one language only."""
    spec = tmp_path / "r2024.yaml"
    spec.write_text(RELATIVE, encoding="utf-8")
    return spec


def test_check_warns_of_relative_years_where_they_are(relative: Path) -> None:
    from ipdocs.checks import check_report

    found = {p.path: p.message for p in check_report(load_report(relative))}
    assert found[("lead", 0, "zh")].startswith("去年 in a report of 2024")
    assert found[("lead", 1, "en")].startswith("This year in a report of 2024")
    assert not [p for p in check_report(load_report(NINGBO)) if "report of" in p.message]


def test_final_refuses_relative_years(relative: Path) -> None:
    from ipdocs.drafting import final_problems

    assert {p.path for p in final_problems(load_report(relative))} >= {
        ("lead", 0, "zh"), ("lead", 1, "en")}


def test_a_relative_year_marks_its_sentence_in_both_languages(relative: Path) -> None:
    report = load_report(drafted(relative.parent, "grants,1100,,,\n", relative, "r2025"))
    assert report.lead[0].review == [2] and report.lead[1].review == [2]


def test_the_workbook_writes_qualifiers_in_place_and_says_what_was_stale(
        year: Report) -> None:
    import io

    from openpyxl import load_workbook

    from ipdocs.drafting import workbook_bytes

    sheet = load_workbook(io.BytesIO(workbook_bytes(year)))["figures"]
    header = [c.value for c in sheet[1]]
    rows = {r[0].value: r[header.index("上年数值 last value")].value
            for r in sheet.iter_rows(min_row=2)}
    assert rows["services.grant_cycle"] == "3个月左右"  # was 左右3
    assert rows["pledge.processing_days"] == "3日以内"
    assert rows["patents.grants"] == "71425件（2024年数据，沿用 / 2024 value, kept）"
    assert rows["adjudication.online_days"] == "7天"


def test_a_carried_note_is_marked_until_checked(year: Report) -> None:
    from ipdocs.drafting import final_problems
    from ipdocs.sections.figures import figure_table

    figure = year.figure("courts.cases")  # its parts changed: the acknowledgement may not hold
    assert figure.discrepancy is not None and figure.note_review
    assert ("figures", "courts.cases", "note_review") in {p.path for p in final_problems(year)}
    table = figure_table(["courts.cases", "courts.civil"], year, "zh")
    assert "原文如此" in table.note and table.note_review
    cleared = year.figure("patents.grants")
    assert cleared.note is None and not cleared.note_review


def test_the_new_publications_placeholder_is_marked(year: Report) -> None:
    from ipdocs.doc import Paragraph, Span
    from ipdocs.sections import SourcesBuilder

    notes = [b for b in SourcesBuilder().build(year, Context("zh")) if isinstance(b, Paragraph)]
    first, *rest = ([i for i in n.inlines if isinstance(i, Span)] for n in notes)
    assert first[0].text.startswith("《宁波市2025年") and first[0].review
    assert not any(s.review for spans in rest for s in spans)


def test_an_unchanged_count_reads_unchanged_in_its_table_too(tmp_path: Path) -> None:
    figure = load_report(drafted(tmp_path, "patents.grants,71425,,,\n")).figure("patents.grants")
    assert figure_change(figure, "zh") == "同比持平"
    assert change_cell(figure, "zh").text == "持平"  # was ±0.0%
    assert change_cell(figure, "en").text == "unchanged"
