"""The writers' one error type: a document that cannot be built is a RenderError, which a
build reports; anything else a writer raises is a bug and is not dressed up as one."""

from pathlib import Path

import pytest

from ipdocs.app import recipes
from ipdocs.app.building import BuildError, Output, Recipe, build_all
from ipdocs.model import Report
from ipdocs.sections import summary_brief
from ipdocs.themes import load_theme
from ipdocs.writers import RenderError
from ipdocs.writers.pdf import PageLayoutError
from ipdocs.writers.pdf.fonts import FontError


def test_the_pdf_writers_errors_are_render_errors() -> None:
    assert issubclass(FontError, RenderError) and issubclass(PageLayoutError, RenderError)


def _failing(error: Exception) -> object:
    def render(*_: object) -> bytes:
        raise error
    return lambda fmt: render


def test_a_render_error_is_a_build_error(sample: Report, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recipes, "_renderer", _failing(RenderError("no face has 𠮷")))
    recipe = Recipe(summary_brief(), load_theme("briefing"))
    with pytest.raises(BuildError, match="no face has 𠮷"):
        build_all(sample, recipe, [Output(tmp_path / "a.zh.pdf", "zh")])


def test_any_other_value_error_is_a_bug_not_a_build_error(sample: Report, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recipes, "_renderer", _failing(ValueError("a bug")))
    recipe = Recipe(summary_brief(), load_theme("briefing"))
    with pytest.raises(ValueError, match="a bug") as caught:
        build_all(sample, recipe, [Output(tmp_path / "a.zh.pdf", "zh")])
    assert not isinstance(caught.value, BuildError)
    assert not list(tmp_path.iterdir())
