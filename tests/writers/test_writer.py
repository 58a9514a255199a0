"""The HTML writer's shared state and text: ids made unique, languages marked only where
they change, amounts kept in spans that never break, Han–Latin gaps marked."""

from ipdocs.doc import SHIPPED_LANGUAGES
from ipdocs.themes import load_theme
from ipdocs.writers.html.markup import serialise, tag
from ipdocs.writers.html.writer import Writer, kept, spaced


def html(build: object) -> str:
    """The element's markup without the doctype."""
    root = tag(None, "p")
    build(root)  # type: ignore[operator]
    return serialise(root).decode().split("\n", 1)[1].strip()


def test_ids_are_unique() -> None:
    w = Writer(load_theme("briefing"))
    assert [w.unique("fig"), w.unique("fig"), w.unique("fig"), w.unique("t")] == [
        "fig", "fig-2", "fig-3", "t"]


def test_a_language_is_marked_only_where_it_changes() -> None:
    w = Writer(load_theme("briefing"), SHIPPED_LANGUAGES, lang="zh-CN")
    assert w.lang_of("zh") == ""
    assert w.lang_of("en") == w.language("en").tag != ""


def test_an_amount_is_kept_whole_and_han_latin_gaps_are_marked() -> None:
    assert html(lambda p: kept(p, "授权量71425件，")) == (
        '<p>授权量<span class="n">71425<span class="as"></span>件</span>，</p>')
    assert html(lambda p: spaced(p, "共有PCT申请")) == (
        '<p>共有<span class="as"></span>PCT<span class="as"></span>申请</p>')
    assert html(lambda p: kept(p, "no number")) == "<p>no number</p>"
