"""HTML as a tree of elements: attribute names written as HTML spells them, text escaped,
text appended after the last child."""

from ipdocs.writers.html.markup import serialise, tag, text


def test_attributes_lose_their_underscores_and_empty_ones_go() -> None:
    root = tag(None, "label", "x", class_="a", for_="b", aria_label="c", title="")
    assert serialise(root) == (b'<!DOCTYPE html>\n'
                               b'<label class="a" for="b" aria-label="c">x</label>\n')


def test_text_goes_after_the_last_child_and_is_escaped() -> None:
    root = tag(None, "p")
    text(root, "a&b")
    tag(root, "br")
    text(root, "<c>")
    text(root, "")
    text(root, "d")
    assert serialise(root) == b"<!DOCTYPE html>\n<p>a&amp;b<br>&lt;c&gt;d</p>\n"
