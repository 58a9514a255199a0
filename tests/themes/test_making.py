"""Making ``themes.built`` (``themes.making``): from the theme files as they are, as
Python a line at most the project's line length wide."""

from ipdocs.themes.making import BUILT_FILE, _code, built_source


def test_the_built_themes_are_made_from_the_theme_files_as_they_are() -> None:
    assert BUILT_FILE.read_text(encoding="utf-8") == built_source(), (
        "a theme file or the code that builds a theme changed: run "
        "`python -m ipdocs.themes.making` and commit src/ipdocs/themes/built.py")


def test_a_long_value_is_written_one_part_a_line() -> None:
    names: set[str] = set()
    code = _code({"a" * 60: ("b" * 30, "c" * 30)}, 4, names)
    assert code.splitlines() == ["{", f"        {'a' * 60!r}: (", f"            {'b' * 30!r},",
                                 f"            {'c' * 30!r},", "        ),", "    }"]
    assert eval(code) == {"a" * 60: ("b" * 30, "c" * 30)}
