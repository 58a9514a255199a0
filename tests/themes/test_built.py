"""The built-in themes kept as Python (``themes.built``): the same themes as validating
their files gives, made afresh each load, taken without the theme schema, and a theme
file changed since validated as any theme is."""

import subprocess
import sys
from pathlib import Path

import pytest

import ipdocs.themes as themes
from ipdocs.base.inputs import text_digest
from ipdocs.themes import BUILT_IN, ThemeError, load_theme, theme_from_text
from ipdocs.themes.built import BUILT


@pytest.mark.parametrize("name", BUILT_IN)
def test_a_built_in_theme_is_the_theme_its_file_validates_to(name: str) -> None:
    source, text, base = themes._read(name)
    validated = theme_from_text(text, source, base)
    loaded = load_theme(name)
    assert loaded == validated
    assert repr(loaded) == repr(validated)  # every field, compared or not
    assert BUILT[source][0] == text_digest(text)


def test_each_load_makes_its_theme_afresh() -> None:
    first, second = load_theme("briefing"), load_theme("briefing")
    assert first == second
    assert first is not second
    assert first.styles is not second.styles and first.fonts is not second.fonts


def test_a_built_in_theme_file_changed_since_is_validated(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    source, text, base = themes._read("briefing")
    recoloured = text.replace('accent: "1F5C7A"', 'accent: "123456"', 1)
    spoiled = text.replace('accent: "1F5C7A"', 'accent: "1F5C7A"\ncolour: red', 1)
    assert text != recoloured != spoiled != text
    monkeypatch.setattr(themes, "_read", lambda name: (source, recoloured, base))
    assert load_theme("briefing").accent == "123456"
    monkeypatch.setattr(themes, "_read", lambda name: (source, spoiled, base))
    with pytest.raises(ThemeError, match="colour"):
        load_theme("briefing")


def test_a_built_in_theme_takes_no_schema_and_a_file_of_ones_own_does(tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    own.write_text(themes._read("briefing")[1], encoding="utf-8")
    script = ("import sys\n"
              "from ipdocs.themes import load_theme\n"
              "load_theme(sys.argv[1])\n"
              "print('ipdocs.themes.schema' in sys.modules, 'pydantic' in sys.modules)\n")
    taken = [subprocess.run([sys.executable, "-c", script, theme], capture_output=True,
                            text=True, check=True).stdout for theme in ("briefing", str(own))]
    assert taken == ["False False\n", "True True\n"]
