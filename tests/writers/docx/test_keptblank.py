"""Styled blanks kept between runs (``writers/docx/keptblank.py``): a later process opens
the blank an earlier one made and kept, with the style ids it found, never one made of
other inputs."""

from __future__ import annotations

import dataclasses
import io
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import ipdocs.writers.docx as writer
from ipdocs.doc import Document, Heading, Metadata, Paragraph, Span
from ipdocs.model import Report
from ipdocs.sections import full_brief
from ipdocs.themes import Theme, load_theme
from ipdocs.writers.docx import adapter, blocks, charts, keptblank, render_docx, styled_blank
from ipdocs.writers.subsets import code_digest
from tests.spying import PACKAGE, calls, code_run, module_files

TAGS = ("zh-CN", "zh-CN")


def _doc(heading: bool = True) -> Document:
    """A short Chinese document: a paragraph, after a heading with ``heading``."""
    body = Paragraph((Span("全市专利授权量71425件，同比增长11.4%。"),), "zh")
    return Document(Metadata("宁波", "zh-CN"),
                    (Heading(1, "知识产权创造", "zh"), body) if heading else (body,))


def _forget() -> None:
    """What a new process knows: no styled blank made, read or kept, no style id found,
    no styles part known as python-docx's own serialisation."""
    for kept in (writer._STYLED, writer._STYLE_IDS, writer._PARAGRAPH_STYLES,
                 writer._ON_DISK, adapter._SERIALISED):
        kept.clear()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A font cache of the test's own; nothing of a styled blank known before or after."""
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    _forget()
    yield tmp_path / "cache"
    _forget()


def _making(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The blanks made (not read or opened) from now on: their tags."""
    return calls(monkeypatch, writer, "blank", lambda theme, tags, *rest: tags)


def _looking_up(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The style ids looked up in a document's styles (not known) from now on."""
    return calls(monkeypatch, blocks, "style_id", lambda document, name, by_name: name)


def _kept(cache: Path) -> set[Path]:
    """What the font cache keeps beside the subsets."""
    return set(cache.rglob("*.face"))


def _blank_kept(theme: Theme, tags: tuple[str, str] = TAGS, hyphenate: bool = False) -> None:
    """A process's first styled blank of ``theme``, ``tags`` and ``hyphenate``, kept as
    a document's rendering keeps it."""
    styled_blank(theme, tags, hyphenate)
    writer.keep_blank(theme, tags, hyphenate)


def test_a_later_process_opens_the_blank_the_first_kept(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first document's styled blank is kept in the font cache with the style ids it
    found; a later process (nothing known) opens it instead of making it, looks no style
    id up, and writes the same bytes."""
    theme = load_theme("briefing")
    made, looked = _making(monkeypatch), _looking_up(monkeypatch)
    first = render_docx(_doc(), theme)
    assert made == [TAGS] and looked and len(_kept(cache)) == 1
    _forget()
    del looked[:]
    later = render_docx(_doc(), theme)
    assert made == [TAGS] and looked == []  # opened, its ids known
    assert later == first
    parts = [part for part in writer._STYLED.values() if part]
    assert len(parts) == 1 and len(adapter._SERIALISED) == 1  # its styles read when needed


def test_a_blank_kept_gains_the_style_ids_later_documents_find(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A document that finds style ids the kept file lacks (a heading's, after a document
    of a paragraph alone) keeps them too; one that finds none new writes nothing; a later
    process knows them all and writes the document with a heading as it was written."""
    theme = load_theme("briefing")
    written: list[dict[str, str]] = []
    write = writer.write_blank

    def counted(source: bytes, kept: keptblank.Kept) -> None:
        written.append(kept[2])
        write(source, kept)

    monkeypatch.setattr(writer, "write_blank", counted)
    made = [render_docx(_doc(heading), theme) for heading in (False, True, False, True)]
    assert [len(ids) for ids in written] == [1, 2]
    assert "Heading 1" in written[1] and "Heading 1" not in written[0]
    _forget()
    looked = _looking_up(monkeypatch)
    assert render_docx(_doc(), theme) == made[1] and looked == []


def _changed(theme: Theme, part: str, monkeypatch: pytest.MonkeyPatch
             ) -> tuple[Theme, tuple[str, str], bool]:
    """The blank's inputs with ``part`` changed."""
    tags, hyphenate = TAGS, False
    if part == "style":
        body = dataclasses.replace(theme.styles["body"], size=theme.styles["body"].size + 1)
        theme = dataclasses.replace(theme, styles={**theme.styles, "body": body})
    elif part == "colour":  # a field no style of the blank names today
        theme = dataclasses.replace(theme, review="ABCDEF")
    elif part == "font":
        fonts = dict(theme.fonts)
        name = theme.styles["body"].font
        fonts[name] = dataclasses.replace(fonts[name], latin="Other Latin")
        theme = dataclasses.replace(theme, fonts=fonts)
    elif part == "tags":
        tags = ("en-GB", "zh-CN")
    elif part == "hyphenate":
        hyphenate = True
    elif part == "code":
        monkeypatch.setattr(keptblank, "code_digest", lambda modules: b"other code")
    elif part == "template":
        monkeypatch.setattr(keptblank, "template_digest", lambda: b"another template")
    else:
        monkeypatch.setattr(keptblank, "BLANK_KIND", keptblank.BLANK_KIND + "-other")
    return theme, tags, hyphenate


@pytest.mark.parametrize("part", ["style", "colour", "font", "tags", "hyphenate", "code",
                                  "template", "version"])
def test_a_blank_is_kept_by_all_it_is_made_of(
        cache: Path, monkeypatch: pytest.MonkeyPatch, part: str) -> None:
    """A blank whose inputs differ in any part (a theme's field, the tags, hyphenation,
    the code that makes it, python-docx's template, the versions) is made, not read;
    and kept under its own inputs."""
    theme = load_theme("briefing")
    _blank_kept(theme)
    _forget()
    made = _making(monkeypatch)
    inputs = _changed(theme, part, monkeypatch)
    _blank_kept(*inputs)
    assert len(made) == 1
    _forget()
    _blank_kept(*inputs)
    assert len(made) == 1


def test_a_damaged_kept_blank_is_made_again(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept blank whose seal does not hold is not read: the blank is made again, and
    the document is the same."""
    theme = load_theme("briefing")
    alone = render_docx(_doc(), theme)
    [kept] = _kept(cache)
    stored = kept.read_bytes()
    kept.write_bytes(stored[:-40] + bytes(8) + stored[-32:])
    _forget()
    made = _making(monkeypatch)
    assert render_docx(_doc(), theme) == alone and made == [TAGS]


def test_a_kept_blank_that_cannot_be_read_back_is_made_again(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file sealed as ours that does not hold a blank (of an earlier format under the
    same kind, say) is not read: the blank is made again."""
    theme = load_theme("briefing")
    _blank_kept(theme)
    _forget()
    source = keptblank.blank_source(theme, TAGS, False)
    assert source is not None
    keptblank.write_kept(keptblank.BLANK_KIND, source, b"not a blank")
    made = _making(monkeypatch)
    _blank_kept(theme)
    assert made == [TAGS]


def test_nothing_is_kept_with_the_cache_off(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache turned off keeps nothing: each process makes its blank, and a blank made
    once is not saved (``styled_blank``)."""
    monkeypatch.setenv("IPDOCS_CACHE", "off")
    theme = load_theme("briefing")
    made = _making(monkeypatch)
    for _ in range(2):
        _forget()
        render_docx(_doc(), theme)
        assert writer._STYLED[(repr(theme), TAGS, False)] is None
    assert len(made) == 2 and not _kept(cache)


def test_nothing_is_kept_where_the_code_that_makes_it_cannot_be_read(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module of ``MADE_BY`` whose source cannot be read (run from a zip archive, a
    zipapp) leaves nothing to tell its code by: no blank is kept or read."""
    zipped = str(cache.parent / "app.pyz" / "ipdocs" / "writers" / "docx" / "styles.py")
    (cache.parent / "app.pyz").write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.setattr(sys.modules["ipdocs.writers.docx.styles"], "__file__", zipped)
    code_digest.cache_clear()
    try:
        theme = load_theme("briefing")
        made = _making(monkeypatch)
        for _ in range(2):
            _forget()
            render_docx(_doc(), theme)
        assert len(made) == 2 and not _kept(cache)
    finally:
        monkeypatch.undo()
        code_digest.cache_clear()


def test_nothing_is_kept_where_the_template_cannot_be_read(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx's template without a file to read (its digest cannot be told) keeps
    nothing."""
    monkeypatch.setattr(keptblank, "default_template", lambda: str(cache / "missing.docx"))
    keptblank.template_digest.cache_clear()
    try:
        theme = load_theme("briefing")
        made = _making(monkeypatch)
        for _ in range(2):
            _forget()
            _blank_kept(theme)
        assert len(made) == 2 and not _kept(cache)
    finally:
        monkeypatch.undo()
        keptblank.template_digest.cache_clear()


MAKES_NOTHING = {"ipdocs.writers.subsets": "finds and reads the cache: a blank's bytes"
                 " are sealed and found by what MADE_BY holds",
                 "ipdocs.base.files": "writes a cache file whole"}
"""Modules whose code runs while a blank is made and kept but cannot change it."""


def test_a_blank_runs_only_code_it_is_kept_by(cache: Path) -> None:
    """No ipdocs code runs while a styled blank is made, saved and kept, and its style
    ids looked up, but that of ``MADE_BY`` (whose source is part of the key) and of
    modules that cannot change it. A blank that came to depend on another module fails
    here until ``MADE_BY`` holds it."""
    from ipdocs.writers.docx import page
    from ipdocs.writers.docx.styles import WORD_STYLES, style_id, styles_by_name

    theme = load_theme("official")
    latin = blocks.Writer(theme)

    def make_and_keep() -> None:
        document = styled_blank(theme, TAGS, True)
        index = styles_by_name(document)
        for name in WORD_STYLES.values():
            style_id(document, name, index)
        paragraph = document.add_paragraph()
        page._styled_as(paragraph, "Header", document, {}, add=True)
        latin.document = document
        blocks._word("body.latin", latin)  # a Latin variant's style added
        writer.keep_blank(theme, TAGS, True)

    ours = code_run(make_and_keep)
    allowed = module_files((*keptblank.MADE_BY, *MAKES_NOTHING))
    assert Path(keptblank.__file__).resolve() in ours  # the trace saw it kept
    assert ours <= allowed, sorted(str(p.relative_to(PACKAGE)) for p in ours - allowed)
    assert len(_kept(cache)) == 1


def _fresh_render(doc: Document, theme: Theme) -> bytes:
    """``doc`` rendered by a process that knows nothing yet (no blank, style id or
    chart's parts of its own), from what the font cache holds, if anything."""
    _forget()
    charts._CHARTS.clear()
    return render_docx(doc, theme)


@pytest.mark.parametrize(("theme_name", "lang"), [("official", "zh-en"), ("briefing", "en")])
def test_a_report_written_from_a_filled_cache_is_the_one_written_with_it_off(
        sample: Report, cache: Path, monkeypatch: pytest.MonkeyPatch, theme_name: str,
        lang: str) -> None:
    """A report's Word file written by a process that reads its styled blank, the style
    ids and the charts' parts from the font cache is byte for byte the file a process
    writes with the cache off, which makes all of them (and saves no blank it makes
    once)."""
    theme = load_theme(theme_name)
    doc = full_brief().document(sample, lang)
    _fresh_render(doc, theme)  # fills the cache
    made, looked = _making(monkeypatch), _looking_up(monkeypatch)
    read = charts.chart_parts
    drawn: list[object] = []
    monkeypatch.setattr(charts, "chart_parts",
                        lambda *args: drawn.append(args) or read(*args))
    filled = _fresh_render(doc, theme)
    assert made == [] and looked == [] and drawn == []  # all read from the cache
    monkeypatch.setenv("IPDOCS_CACHE", "off")
    off = _fresh_render(doc, theme)
    assert len(made) == 1 and drawn  # made afresh
    with zipfile.ZipFile(io.BytesIO(off)) as package:
        assert any(name.startswith("word/charts/") for name in package.namelist())
    assert filled == off


@pytest.mark.filterwarnings("ignore:cannot read the font-cache key")
def test_nothing_is_saved_to_keep_where_the_cache_has_no_key(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache without a key to seal with (none given, and none can be read or made where it
    belongs) keeps nothing, so a blank made once is not saved to keep it, nor is a chart's
    parts' place worked out: the process does what it does with the cache off."""
    home = tmp_path / "not-a-folder"
    home.write_text("a file where the key's folder would be")
    monkeypatch.delenv("IPDOCS_CACHE_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    theme = load_theme("briefing")
    render_docx(_doc(), theme)
    assert writer._STYLED[(repr(theme), TAGS, False)] is None  # made once: not saved
    assert not writer._ON_DISK and not _kept(cache)
