"""Brief files: every problem of every step at once, each with its path (and line and
column when read from a file); the steps that were read whole kept; steps checked against
a report's sections and figures."""

from typing import Any

from ipdocs.model import Report
from ipdocs.sections import ChapterBuilder, FigureTableBuilder, KeyFiguresBuilder
from ipdocs.sections.brieffile import builders_from_data, check_builders, read_brief_file


def paths(data: Any) -> list[tuple[object, ...]]:
    """Each problem's path."""
    return [p.path for p in builders_from_data(data)[1]]


def test_every_problem_of_every_step_at_once() -> None:
    described, problems = builders_from_data({
        "builders": ["cover", {"contents": {"depth": 3}}, {"chapters": None}, "nope",
                     {"contents": {"depth": 0}}, {"a": 1, "b": 2}, {"contents": [1]}],
        "name": "x", "pages": 2, "extra": 1})
    assert [b.name for b in described.builders] == ["cover", "contents", "chapters"]
    assert (described.name, described.pages, described.steps) == ("x", 2, (0, 1, 2))
    assert [p.path for p in problems] == [
        ("extra",), ("builders", 3), ("builders", 4, "contents", "depth"), ("builders", 5),
        ("builders", 6, "contents")]
    assert "unknown builder 'nope'; known: cover, lead, contents" in problems[1].message


def test_the_brief_s_own_fields() -> None:
    assert paths([1]) == [()]
    assert paths({"builders": []}) == [("builders",)]
    assert paths({"builders": ["cover"] * 201}) == [("builders",)]
    for pages in (True, 0, 501, "2"):
        assert paths({"builders": ["cover"], "pages": pages}) == [("pages",)]
    assert paths({"builders": ["cover"], "name": ""}) == [("name",)]
    assert paths({"builders": ["cover"], "name": "a\x07"}) == [("name",)]


def test_problems_in_a_file_have_their_line_and_column() -> None:
    _, _, problems = read_brief_file("builders:\n  - cover\n  - nope\n")
    assert [(p.path, p.line, p.column) for p in problems] == [(("builders", 1), 3, 5)]


def test_steps_checked_against_a_report(sample: Report) -> None:
    builders = [ChapterBuilder(section="patents"), FigureTableBuilder(),
                ChapterBuilder(section="creation"), KeyFiguresBuilder(figures=("nope",))]
    assert [(p.path, p.message) for p in check_builders(builders, sample, (0, 2, 3, 5))] == [
        (("builders", 0, "chapters", "section"), "no top-level section 'patents' in the "
         "report; its top-level sections: creation, protection"),
        (("builders", 2, "figure_table", "section"), "figure_table needs a section"),
        (("builders", 5, "key_figures", "figures", 0), "no figure 'nope' in the report")]
