"""Problems with their places: a readable field path, file:line:column, the nearest
enclosing mark, pydantic's errors in ipdocs' words, every problem in one SpecError."""

from ipdocs.base.problems import (
    Severity,
    SpecError,
    counted,
    error,
    format_path,
    locate,
    shown_name,
    validation_problems,
    warning,
)


def test_a_field_path_reads_as_written() -> None:
    assert format_path(("sections", 2, "paragraphs", 0, "zh")) == "sections[2].paragraphs[0].zh"
    assert format_path(("figures", "a.b", "value")) == "figures[a.b].value"
    assert format_path(("figures", "a", "history", 2023)) == "figures[a].history[2023]"
    assert format_path(()) == ""


def test_a_problem_on_one_line() -> None:
    problem = error(("figures", "a", "value"), "bad").at(12, 5)
    assert problem.is_error and problem.severity is Severity.ERROR
    assert problem.format("spec.yaml") == "spec.yaml:12:5: error: figures[a].value: bad"
    assert warning((), "meh").format() == "<spec>: warning: meh"
    assert error(("x",), "m").at(3, None).format("s") == "s:3: error: x: m"


def test_a_file_name_s_control_characters_are_escaped() -> None:
    assert shown_name("a\nb.yaml") == "a\\nb.yaml"
    assert shown_name("宁波.yaml") == "宁波.yaml"


def test_a_problem_takes_the_nearest_enclosing_mark() -> None:
    marks = {("figures",): (3, 1), ("figures", "a"): (4, 3)}
    assert (locate(error(("figures", "a", "value"), "m"), marks).line,
            locate(error(("figures", "a", "value"), "m"), marks).column) == (4, 3)
    assert locate(error(("title",), "m"), marks).line is None
    placed = error(("figures", "a"), "m").at(9, 9)
    assert locate(placed, marks) is placed


def test_pydantic_errors_in_ipdocs_words() -> None:
    problems = validation_problems([
        {"type": "extra_forbidden", "loc": ("figures", "a", "colour"), "msg": "x"},
        {"type": "missing", "loc": ("title",), "msg": "x"},
        {"type": "value_error", "loc": ("year", "function-after[check()]"),
         "msg": "Value error, too early"},
    ], prefix=("report",))
    assert [(p.path, p.message) for p in problems] == [
        (("report", "figures", "a", "colour"), "unknown field (check its spelling)"),
        (("report", "title"), "missing: a required field"),
        (("report", "year"), "too early")]


def test_every_problem_in_one_spec_error() -> None:
    exc = SpecError([error(("a",), "one"), warning(("b",), "two")], "s.yaml")
    assert str(exc) == "s.yaml: error: a: one\ns.yaml: warning: b: two"
    assert [p.message for p in exc.errors] == ["one"]
    assert isinstance(exc, ValueError)


def test_counted() -> None:
    assert (counted(1, "error"), counted(2, "error"), counted(0, "warning")) == (
        "1 error", "2 errors", "0 warnings")
    assert counted(2, "entry", "entries") == "2 entries"
