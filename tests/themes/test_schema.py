"""A theme file's schema: every problem with its field path — unknown fields and font
roles, a theme without body text, margins that leave no room, type too large for its
page — and the shipped themes clean."""

import copy
from typing import Any

import pytest

from ipdocs.base.fastyaml import safe_load
from ipdocs.themes.schema import check_theme
from tests.conftest import ROOT

THEMES = ROOT / "src" / "ipdocs" / "themes"


def briefing() -> dict[str, Any]:
    """The briefing theme's data, a copy to spoil."""
    data: dict[str, Any] = safe_load((THEMES / "briefing.yaml").read_text("utf-8"))
    return copy.deepcopy(data)


def problems(data: Any) -> list[tuple[tuple[object, ...], str]]:
    """Each problem's path and message."""
    spec, found = check_theme(data)
    assert (spec is None) == bool(found)
    return [(p.path, p.message) for p in found]


@pytest.mark.parametrize("name", ["briefing", "official"])
def test_the_shipped_themes_are_clean(name: str) -> None:
    assert problems(safe_load((THEMES / f"{name}.yaml").read_text("utf-8"))) == []


def test_a_theme_is_a_mapping() -> None:
    assert problems([1]) == [((), "a theme is a mapping of name, page, fonts and styles")]


def test_unknown_fields_and_font_roles() -> None:
    data = briefing()
    data["styles"]["body"]["colour"] = "red"
    assert problems(data) == [(("styles", "body", "colour"),
                               "unknown field (check its spelling)")]
    data = briefing()
    data["styles"]["body"]["font"] = "nope"
    [(path, message)] = problems(data)
    assert path == ("styles", "body", "font") and "unknown font role 'nope'" in message


def test_body_text_and_strict_numbers() -> None:
    data = briefing()
    del data["styles"]["body"]
    assert problems(data) == [(("styles",), "a theme needs a 'body' style")]
    data = briefing()
    data["styles"]["body"]["size"] = "12"
    assert problems(data) == [(("styles", "body", "size"), "Input should be a valid number")]


def test_room_on_the_page() -> None:
    data = briefing()
    data["page"].update(inside=100.0, outside=100.0)
    assert problems(data) == [(("page",), "the margins leave less than 20 mm for the text")]
    data = briefing()
    data["page"].update(width=100.0, inside=20.0, outside=20.0)
    data["styles"]["body"]["size"] = 200.0
    assert problems(data) == [(("styles", "body", "size"), "200 pt is 71 mm a character: "
                               "more than the type area (60 × 247 mm) holds")]
