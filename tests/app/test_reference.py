"""specs/README.md lists every unit, measure, change form, placeholder part and builder
the code knows: regenerating its lists changes nothing."""

from ipdocs.app.reference import LISTS, marked, refresh
from tests.conftest import ROOT

README = ROOT / "specs" / "README.md"


def test_every_list_is_marked_in_the_spec_readme() -> None:
    assert marked(README.read_text(encoding="utf-8")) == set(LISTS)


def test_lists_match_the_code() -> None:
    text = README.read_text(encoding="utf-8")
    assert refresh(text) == text, "run: python -m ipdocs.app.reference specs/README.md"


def test_lists_name_what_the_code_knows() -> None:
    text = README.read_text(encoding="utf-8")
    for needle in ("`个百分点`", "`件/万人`", "| rank |", "`from_to`", "`{ID:period}`",
                   "`year_over_year`", "首位", "前列", "回落"):
        assert needle in text
