"""Inline markup in spec prose: reading it into pieces, and every malformed mark refused
with its place, the two languages of a text alike in structure."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipdocs import SpecError, load_report
from ipdocs.model.markup import _READS, Markup, blanked, read, strip
from ipdocs.model.references import check_references
from tests.conftest import ROOT

MARKUP_SPEC = ROOT / "tests" / "data" / "markup.yaml"


def _looks(text: str, blocks: bool = True) -> list[list[tuple[str, bool, bool, str | None]]]:
    """Each item's pieces as (source text, strong, emphasis, link)."""
    markup, errors = read(text, blocks)
    assert errors == []
    return [[(text[p.start:p.end], p.strong, p.emphasis, p.link) for p in item.pieces]
            for item in markup.items]


def _errors(text: str, blocks: bool = True) -> list[str]:
    return [str(e) for e in read(text, blocks)[1]]


def test_strong_and_emphasis() -> None:
    assert _looks("a **b** *c* d") == [[("a ", False, False, None), ("b", True, False, None),
                                        (" ", False, False, None), ("c", False, True, None),
                                        (" d", False, False, None)]]


def test_strong_across_a_chinese_sentence_end() -> None:
    assert _looks("**突出高位引领。**市委") == [[("突出高位引领。", True, False, None),
                                              ("市委", False, False, None)]]


def test_a_link_keeps_its_placeholder_whole() -> None:
    text = "see [the {a.b:change} site](https://x.org/a_b), end"
    assert _looks(text) == [[("see ", False, False, None),
                             ("the {a.b:change} site", False, False, "https://x.org/a_b"),
                             (", end", False, False, None)]]
    assert read(text)[0].links == ("https://x.org/a_b",)


def test_stars_inside_a_placeholder_are_not_markup() -> None:
    assert _looks("{a.b} * 2") == [[("{a.b} * 2", False, False, None)]]


@pytest.mark.parametrize("text", ["5 * 3", "[1] a note", "a ] b", "x*", "2 ** 3",
                                  "\\*literal\\*", "a [b] (c)"])
def test_literal_marks_stay_literal(text: str) -> None:
    assert _looks(text) == [[(text, False, False, None)]]
    assert strip(text) == text.replace("\\*", "*")


def test_lists() -> None:
    bullets, _ = read("- a\n- **b**")
    assert bullets.kind == "bullets" and len(bullets.items) == 2
    numbers, _ = read("1. a\n2. b\n3. c")
    assert numbers.kind == "numbers" and len(numbers.items) == 3
    assert read("2. a\n3. b")[0].kind == ""  # a number starts a list only at 1
    assert read("- a\n- b", blocks=False)[0].kind == ""  # a title is never a list


@pytest.mark.parametrize(("text", "message"), [
    ("a **b", "unclosed **"),
    ("a *b", "unclosed *"),
    ("2*3 a", "* between two digits would split a number"),
    ("[text]()", "a link without a URL"),
    ("[text](ftp://x.org)", "a link to 'ftp://x.org'"),
    ("[text](https://x.org/{a})", "a link to 'https://x.org/{a}'"),
    ("[text](https://x.org", "a link's URL is not closed"),
    ("[](https://x.org)", "a link without text"),
    ("1. a\n3. b", "line 2 of a list is not its next item: start it with '2. '"),
    ("- a\nb", "line 2 of a list is not its next item: start it with '- '"),
])
def test_malformed_markup(text: str, message: str) -> None:
    found = _errors(text)
    assert len(found) == 1 and found[0].startswith(message), found


def test_a_problem_says_where_it_is() -> None:
    assert _errors("a **b")[0].endswith("(at character 3)")
    assert _errors("ab [c](ftp://x)")[0].endswith("(at character 4)")


def test_strip_and_blanked() -> None:
    assert strip("x [a](https://a.org) **b** *c*") == "x a b c"
    text = "1. 见[说明](https://a.org/2024)\n2. 完善"
    assert blanked(text) == "   见 说明" + " " * 21 + "\n   完善"
    assert len(blanked(text)) == len(text)


@given(st.text(alphabet=st.characters(blacklist_characters="*[]\\{}-", max_codepoint=0x9fff)))
def test_text_without_marks_reads_as_itself(text: str) -> None:
    markup, errors = read(text)
    assert errors == []
    assert markup.kind == "" or text.lstrip("0123456789")[:2] == ". "
    if markup.kind == "":
        assert "".join(text[p.start:p.end] for p in markup.items[0].pieces) == text


def _paragraph_problems(zh: str, en: str) -> list[str]:
    data = {"lead": [{"zh": zh, "en": en}], "figures": {}}
    return [f"{'.'.join(map(str, p.path))}: {p.message}" for p in check_references(data)]


def test_both_languages_need_the_same_structure() -> None:
    assert _paragraph_problems("- 甲\n- 乙", "- a\n- b") == []
    assert _paragraph_problems("- 甲\n- 乙", "- a\n- b\n- c") == [
        "lead.0: the Chinese text is a bulleted list of 2 items and the English text a "
        "bulleted list of 3 items: both languages must have the same structure"]
    assert "running text" in _paragraph_problems("甲", "1. a")[0]
    assert "link to the same addresses" in _paragraph_problems(
        "[甲](https://a.org)", "[a](https://b.org)")[0]


def test_check_locates_markup_problems(tmp_path: Path) -> None:
    text = MARKUP_SPEC.read_text(encoding="utf-8").replace(
        "](https://www.cnipa.gov.cn/)，", "](ftp://x)，").replace("*Key* work", "**Key work")
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_report(path)
    found = [p.format(str(path)) for p in caught.value.problems]
    assert any(":21:17: error: sections[0].sections[0].paragraphs[0].zh: a link to 'ftp://x'"
               in line for line in found), found
    assert any(":22:17: error: sections[0].sections[0].paragraphs[0].en: unclosed **" in line
               for line in found), found


def test_shipped_specs_use_no_markup_but_strong() -> None:
    """The shipped specs' prose printed before markup was read: it must read the same
    (only ``**…**``, no list, no link, no emphasis), so their outputs are unchanged."""
    for spec in sorted((ROOT / "specs").glob("*.yaml")):
        if spec.name == "glossary.yaml":
            continue
        report = load_report(spec)
        texts = [*report.lead, *(p for s in report.walk() for p in s.paragraphs)]
        for text in texts:
            for lang in ("zh", "en"):
                markup: Markup = read(text.get(lang))[0]
                assert markup.kind == ""
                assert not any(p.emphasis or p.link for i in markup.items for p in i.pieces)


def test_markup_remembered_is_the_same_and_errors_are_found_each_time() -> None:
    """A text read again gives the same markup (remembered by the text and whether it
    may be a list); a text with problems is read, and its problems said, every time."""
    text = "- **一** 项\n- 二 [链接](https://example.org)"
    first = read(text)
    assert read(text) == first and (text, True) in _READS
    assert read(text, blocks=False) != first
    broken = "**unclosed"
    assert read(broken)[1] and read(broken)[1] and (broken, True) not in _READS


def _blanked_char_by_char(text: str) -> str:
    """``blanked`` as it was first written: every character blanked, then the prose of
    every piece put back."""
    markup, errors = read(text)
    if errors:
        return text
    out = [" " if char != "\n" else char for char in text]
    for item in markup.items:
        for piece in item.pieces:
            out[piece.start:piece.end] = text[piece.start:piece.end]
    return "".join(out)


@given(st.lists(st.sampled_from(["**", "*", "[a](https://x.cn)", "[b]", "- ", "1. ", "2. ",
                                 "\n", "共12件", "text ", "{a.b}", "\\*", "](", " "]),
                max_size=10).map("".join))
def test_blanked_is_the_text_char_by_char_blanked(text: str) -> None:
    assert blanked(text) == _blanked_char_by_char(text)
