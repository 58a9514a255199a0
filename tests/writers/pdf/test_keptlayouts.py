"""Text layouts kept between runs (``writers/pdf/keptlayouts.py``): a later process reads
the lines an earlier one broke a document's texts into, never lines made of other inputs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipdocs.doc import Cell, Column, Document, Heading, Metadata, Paragraph, Span
from ipdocs.doc import Table as TableNode
from ipdocs.themes import load_theme
from ipdocs.writers import RenderWarning
from ipdocs.writers.pdf import blocks, keptlayouts, linebreak, render_pdf
from ipdocs.writers.pdf import text as pdf_text
from ipdocs.writers.subsets import code_digest
from tests.spying import calls

ZH = ("2024年，全市专利授权量71425件，同比增长11.4%；其中发明专利授权量14232件，"
      "同比增长25.6%，每万人口高价值发明专利拥有量达到28.5件。") * 3
EN = ("In 2024, Ningbo granted 71,425 patents, up 11.4% year on year; invention patents "
      "numbered 14,232, and high-value invention patents per ten thousand people reached "
      "28.5, an extraordinarily characteristic internationalisation.") * 3


def _doc(zh: str = ZH, en: str = EN, title: str = "宁波") -> Document:
    """A short document of Chinese and English paragraphs (English hyphenates)."""
    return Document(Metadata(title, "zh-CN"), (
        Heading(1, "知识产权创造", "zh"),
        Paragraph((Span(zh),), "zh"),
        Paragraph((Span(en),), "en"),
    ))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A font cache of the test's own; nothing remembered or followed before or after."""
    monkeypatch.setenv("IPDOCS_CACHE", str(tmp_path / "cache"))
    _forget()
    yield tmp_path / "cache"
    _forget()


def _forget() -> None:
    """What a new process knows: no layout or fit remembered, no document followed."""
    pdf_text.forget_layouts()
    blocks.forget_fits()
    keptlayouts._FOLLOWED.clear()


def _tabled(value: str = "14,232") -> Document:
    """A document of a paragraph and a two-column Chinese table whose one number is
    ``value``."""
    table = TableNode((Column("left", 3.0), Column("right", 1.0)),
                      ((Cell("指标"), Cell("数值")),),
                      ((Cell("发明专利授权量（件）"), Cell(value)),
                       (Cell("商标注册量（件）"), Cell("1,234"))), "zh")
    return Document(Metadata("表", "zh-CN"), (Paragraph((Span(ZH),), "zh"), table))


def _fitting(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The tables fitted (not read or remembered) from now on: their cells' texts."""
    return calls(monkeypatch, blocks, "fit_table")


def _kept(cache: Path) -> set[Path]:
    """What the font cache keeps beside the subsets."""
    return set(cache.rglob("*.face"))


def _writing(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The documents (what their files are found by) whose layouts are written from now
    on."""
    return calls(monkeypatch, keptlayouts, "write_kept", lambda kind, source, data: source)


def _breaking(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts broken into lines from now on (not read or remembered)."""
    return calls(monkeypatch, pdf_text, "break_lines",
                 lambda runs, *rest, **options: "".join(run.text for run in runs))


def test_a_later_process_reads_the_layouts_the_first_kept(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first render keeps its layouts in the font cache; a later process breaks no
    text again and makes the same PDF."""
    theme = load_theme("briefing")
    broken, written = _breaking(monkeypatch), _writing(monkeypatch)
    first = render_pdf(_doc(), theme)
    assert ZH in broken and EN in broken and len(written) == 1
    _forget()
    broken.clear()
    assert render_pdf(_doc(), theme) == first
    assert broken == [] and len(written) == 1  # read, nothing written again


def test_a_changed_text_is_broken_again_and_the_rest_read(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A value edited in one paragraph: that paragraph alone is broken again, and the
    PDF is the one a process that kept nothing makes."""
    theme = load_theme("briefing")
    render_pdf(_doc(), theme)
    _forget()
    broken = _breaking(monkeypatch)
    edited = ZH.replace("71425", "71426", 1)
    later = render_pdf(_doc(zh=edited), theme)
    assert broken == [edited]
    monkeypatch.setenv("IPDOCS_CACHE", "off")
    _forget()
    assert render_pdf(_doc(zh=edited), theme) == later


@pytest.mark.parametrize("other", ["face", "dictionary", "code", "version"])
def test_layouts_are_not_read_once_what_made_them_changed(
        cache: Path, monkeypatch: pytest.MonkeyPatch, other: str) -> None:
    """A face's file changed under its name (its widths), the hyphenation dictionary's
    file, the code that breaks lines or the versions it runs on: every text is broken
    again."""
    theme = load_theme("briefing")
    first = render_pdf(_doc(), theme)
    _forget()
    if other == "face":
        monkeypatch.setattr(keptlayouts, "face_directory", lambda name: b"another version")
    elif other == "dictionary":
        monkeypatch.setattr(keptlayouts, "_dictionary_now", lambda name: b"other patterns")
    elif other == "code":
        monkeypatch.setattr(keptlayouts, "code_digest", lambda modules: b"other code")
    else:
        monkeypatch.setattr(keptlayouts, "LAYOUT_KIND", keptlayouts.LAYOUT_KIND + "+")
    broken = _breaking(monkeypatch)
    assert render_pdf(_doc(), theme) == first
    assert ZH in broken and EN in broken


def test_a_failed_render_keeps_nothing(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A render that fails after its texts were broken keeps none of them."""
    from ipdocs.writers.pdf import page

    def failing(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("no room")

    written = _writing(monkeypatch)
    monkeypatch.setattr(page.FormCanvas, "save", failing)  # once every page is laid out
    with pytest.raises(RuntimeError, match="no room"):
        render_pdf(_doc(), load_theme("briefing"))
    assert written == [] and any(f.used for f in keptlayouts._FOLLOWED.values())


def test_a_damaged_file_is_not_read(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept file whose seal does not hold is not read: the texts are broken again."""
    theme = load_theme("briefing")
    first = render_pdf(_doc(), theme)
    for kept in _kept(cache):
        stored = kept.read_bytes()
        kept.write_bytes(stored[:-40] + bytes(8) + stored[-32:])
    _forget()
    broken = _breaking(monkeypatch)
    assert render_pdf(_doc(), theme) == first
    assert ZH in broken


def test_nothing_is_kept_with_the_cache_off(
        tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache turned off keeps nothing and reads nothing."""
    monkeypatch.setenv("IPDOCS_CACHE", "off")
    written = _writing(monkeypatch)
    theme = load_theme("briefing")
    render_pdf(_doc(), theme)
    assert not cache.exists() and written == []


def test_another_document_keeps_its_own_layouts(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents of other names are kept apart: each later finds its own."""
    theme = load_theme("briefing")
    render_pdf(_doc(), theme)
    render_pdf(_doc(zh=ZH[:40], title="杭州"), theme)
    _forget()
    broken = _breaking(monkeypatch)
    render_pdf(_doc(), theme)
    render_pdf(_doc(zh=ZH[:40], title="杭州"), theme)
    assert broken == []


def test_nothing_is_kept_where_the_code_that_lays_text_out_cannot_be_read(
        tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module of ``LAID_BY`` whose source cannot be read (run from a zipapp) leaves
    nothing to tell its code by: no layout is kept or read."""
    import sys

    zipped = str(tmp_path / "app.pyz" / "ipdocs" / "writers" / "pdf" / "linebreak.py")
    monkeypatch.setattr(sys.modules["ipdocs.writers.pdf.linebreak"], "__file__", zipped)
    code_digest.cache_clear()
    try:
        broken, written = _breaking(monkeypatch), _writing(monkeypatch)
        render_pdf(_doc(), load_theme("briefing"))
        _forget()
        render_pdf(_doc(), load_theme("briefing"))
        assert broken.count(ZH) == 2 and written == []
    finally:
        monkeypatch.undo()
        code_digest.cache_clear()


def test_a_document_too_large_keeps_nothing(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A document with more layouts than a file keeps (a very large report) keeps none
    (and holds none in memory for it)."""
    monkeypatch.setattr(keptlayouts, "LAYOUTS_KEPT_ON_DISK", 2)
    written = _writing(monkeypatch)
    render_pdf(_doc(), load_theme("briefing"))
    assert written == [] and keptlayouts._FOLLOWED
    assert all(f.too_many and not f.used for f in keptlayouts._FOLLOWED.values())


def test_layouts_set_in_a_face_registered_whole_are_not_kept(cache: Path) -> None:
    """A layout measured in a face the cache cannot tell (registered whole: a theme's or
    the machine's own file, known by its name alone) is left out of what is kept; one
    in a bundled face is kept."""
    lines = [linebreak.Line([linebreak.Unit([(0, "宁")], True, width=10.0)], True)]
    runs = (linebreak.Run("宁"),)
    bundled = (runs, (("NotoSansCJKsc-Regular.ttf", 10.0, 0.0),), "natural")
    whole = (runs, (("F0123456789", 10.0, 0.0),), "natural")
    followed = keptlayouts._Followed()
    followed.used = [(bundled, lines), (whole, lines)]
    keptlayouts._write(b"a document", followed)
    assert followed.on_disk == {bundled, whole}  # not written again for the one left out
    pdf_text.forget_layouts()
    later = keptlayouts._Followed()
    pdf_text.remember_layouts(keptlayouts._read(b"a document", later))
    assert later.on_disk == {bundled}
    assert pdf_text._LAYOUTS[bundled] == lines and whole not in pdf_text._LAYOUTS


def test_lines_read_back_equal_the_lines_made() -> None:
    """Every field of a line and its units (a hyphenated head's whole word too) comes
    back as it was."""
    word = linebreak.Unit([(0, "interna")], False, width=30.0, x=1.5)
    head = linebreak.Unit([(0, "inter"), (1, "-")], False, True, False, 20.25, 3.0,
                          "close", 0.5, True, True, True, word)
    lines = [linebreak.Line([head, linebreak.Unit([(0, "，")], True, mark="close")], True)]
    back = keptlayouts._lines_in(keptlayouts._lines_out(lines))
    assert back == lines
    assert back[0].units[0].whole == word and back[0].last


def test_a_line_drawn_comes_back_with_the_stretches_it_was_drawn_in() -> None:
    """A drawn line's stretches are kept with it and read back as ``_stretches`` makes
    them (a unit alone with its own pieces, an even run as one piece); a line never
    drawn comes back without them, and works them out when drawn."""
    units = [linebreak.Unit([(0, "知")], True, width=10.0, x=0.0),
             linebreak.Unit([(0, "识")], True, width=10.0, x=10.5),
             linebreak.Unit([(0, "产")], True, width=10.0, x=21.0),
             linebreak.Unit([(1, "IP")], False, True, width=12.0, x=33.0)]
    drawn, plain = linebreak.Line(list(units), True), linebreak.Line(list(units), True)
    made = pdf_text._stretches(drawn)
    assert made == [(0, 3, 0.5, [(0, "知识产")]), (3, 4, 0.0, [(1, "IP")])]
    back = keptlayouts._lines_in(keptlayouts._lines_out([drawn, plain]))
    assert back == [drawn, plain]
    assert type(back[0].drawn) is list and back[1].drawn is None
    assert pdf_text._stretches(back[0]) == made == pdf_text._stretches(back[1])
    assert back[0].drawn.stretches[1][3] is back[0].units[3].pieces  # its own, as made
    again = keptlayouts._lines_in(keptlayouts._lines_out(back))  # drawn once read back
    assert pdf_text._stretches(again[0]) == made


def test_equal_pieces_and_widths_are_kept_once_and_read_back_shared() -> None:
    """Units of the same character in the same look share their pieces and width in
    the file (one object, marshal writes it once) and after it; a zero width keeps its
    sign."""
    import marshal

    def unit(char: str, x: float, width: float = 10.0) -> linebreak.Unit:
        return linebreak.Unit([(0, char)], True, width=width, x=x)

    lines = [linebreak.Line([unit("的", 0.0), unit("的", 10.0), unit("了", 20.0)], False),
             linebreak.Line([unit("的", 0.0), unit("，", 10.0, -0.0)], True)]
    back = keptlayouts._lines_in(marshal.loads(marshal.dumps(
        keptlayouts._lines_out(lines))))
    assert back == lines
    first, second = back[0].units, back[1].units
    assert first[0].pieces is first[1].pieces is second[0].pieces
    assert first[0].pieces is not first[2].pieces
    assert first[0].width is first[2].width
    assert str(second[1].width) == "-0.0"


def test_a_later_process_draws_the_stretches_kept_and_makes_the_same_pdf(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every line of the first render was drawn: a later process works no line's
    stretches out again (``_single`` looks at a unit only when it does)."""
    theme = load_theme("briefing")
    looked_at = calls(monkeypatch, pdf_text, "_single")
    first = render_pdf(_doc(), theme)
    assert looked_at
    _forget()
    looked_at.clear()
    assert render_pdf(_doc(), theme) == first
    assert looked_at == []


def test_a_later_process_reads_a_table_s_fit(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table fitted by the first process is not fitted again by a later one, which
    makes the same PDF; a table whose cell changed is fitted again, as a process that
    kept nothing fits it."""
    theme = load_theme("briefing")
    fitted = _fitting(monkeypatch)
    first = render_pdf(_tabled(), theme)
    assert len(fitted) == 1
    _forget()
    assert render_pdf(_tabled(), theme) == first and len(fitted) == 1
    _forget()
    edited = render_pdf(_tabled("14,233"), theme)
    assert len(fitted) == 2 and fitted[-1][1][1] == "14,233"
    monkeypatch.setenv("IPDOCS_CACHE", "off")
    _forget()
    assert render_pdf(_tabled("14,233"), theme) == edited


def test_a_fit_is_found_by_all_its_key_spells(cache: Path) -> None:
    """A fit's digest follows every part of its key, and a key holding a face the cache
    cannot tell (registered whole) has none."""
    from ipdocs.writers.pdf.fonts import Face

    bundled = Face("Sabc", frozenset({0x5B81}), source="NotoSansCJKsc-Regular.ttf")
    whole = Face("F0123456789", frozenset({0x5B81}))
    followed = keptlayouts._Followed()
    token = keptlayouts._USING.set(followed)
    try:
        found = keptlayouts.fit_found(("zh", 453.5, ((bundled,),), "宁波"))
        assert found is not None and found[1] == {"NotoSansCJKsc-Regular.ttf"}
        assert keptlayouts.fit_found(("zh", 453.5, ((bundled,),), "杭州"))[0] != found[0]
        assert keptlayouts.fit_found(("zh", 453.6, ((bundled,),), "宁波"))[0] != found[0]
        assert keptlayouts.fit_found(("zh", 453.5, ((bundled, whole),), "宁波")) is None
    finally:
        keptlayouts._USING.reset(token)
    assert keptlayouts.fit_found(("zh", 453.5, ((bundled,),), "宁波")) is None  # no render


def test_a_unit_s_plain_values_are_its_fields_in_order() -> None:
    """Plain values name every field of a unit, ``whole`` last (a unit is made again by
    its fields in order)."""
    import dataclasses

    names = [f.name for f in dataclasses.fields(linebreak.Unit)]
    assert list(keptlayouts.UNIT_FIELDS) == names and names[-1] == "whole"
    unit = linebreak.Unit([(0, "宁")], True, width=10.0, x=2.0, mark="open", trim=5.0)
    assert keptlayouts._unit_out(unit) == tuple(getattr(unit, n) for n in names)


def test_deferred_layouts_are_kept_when_flushed(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under ``deferred``, a render keeps nothing as it ends; ``flush`` keeps what the
    renders since used (once a document), and the end of ``deferred`` what is left."""
    theme = load_theme("briefing")
    written = _writing(monkeypatch)
    with keptlayouts.deferred():
        render_pdf(_doc(), theme)
        render_pdf(_doc(zh=ZH[:30]), theme)
        assert written == []
        keptlayouts.flush()
        assert len(written) == 1
        keptlayouts.flush()
        render_pdf(_doc(zh=ZH[:20]), theme)
        assert len(written) == 1
    assert len(written) == 2 and not keptlayouts._pending
    _forget()
    broken = _breaking(monkeypatch)
    render_pdf(_doc(zh=ZH[:20]), theme)
    assert broken == []


def test_threads_rendering_one_document_at_once_each_make_the_same_pdf(
        cache: Path) -> None:
    """Threads of a library's pool rendering documents of one name at once (each noting
    the layouts it uses, the first reading the file, each keeping what it made) make
    the PDFs one thread alone makes, and leave a file a later process reads."""
    from concurrent.futures import ThreadPoolExecutor

    theme = load_theme("briefing")
    docs = [_doc(zh=ZH[: 20 + 7 * i]) for i in range(6)]
    alone = [render_pdf(doc, theme) for doc in docs]
    _forget()
    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(lambda i: render_pdf(docs[i % 6], theme), range(24)))
    assert made == alone * 4
    _forget()
    assert [render_pdf(doc, theme) for doc in docs] == alone


def test_a_fit_with_a_cell_in_a_machine_s_face_is_not_kept(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cell with a character no bundled face has is set in a face found on the machine,
    which the fit's key does not name (a face installed or removed since would leave the
    fit stale): a later process fits that table again. A cell that fell back to another
    bundled face keeps its fit, that face's file checked with the style's."""
    from ipdocs.typefaces.bundled import face_path
    from ipdocs.writers.pdf.fonts import Face, Fonts, register

    whole = register(face_path("NotoSans-Regular.ttf"))
    machine = Face(whole.name, frozenset({0x561}))  # as Fonts.system registers one
    monkeypatch.setattr(Fonts, "system", lambda self: (machine,))
    theme = load_theme("briefing")
    fitted = _fitting(monkeypatch)
    render_pdf(_tabled("14,232 ա"), theme)
    _forget()
    render_pdf(_tabled("14,232 ա"), theme)
    assert len(fitted) == 2  # fitted again, not read
    written = _writing(monkeypatch)
    _forget()
    render_pdf(_tabled("14,232"), theme)  # no machine face: kept, and read back
    _forget()
    render_pdf(_tabled("14,232"), theme)
    assert len(fitted) == 3 and len(written) == 1


def test_a_fit_is_kept_with_the_faces_its_cells_were_set_in(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A fit is kept with the sources of the faces its cells were set in beside its key's
    (a bundled face a cell fell back to: checked on reading); not kept where one of them
    is a face the cache cannot tell ("")."""
    from ipdocs.writers.typeset import TableFit

    followed = keptlayouts._Followed()
    token = keptlayouts._USING.set(followed)
    try:
        found = (b"digest", frozenset({"NotoSansCJKsc-Regular.ttf"}))
        fit = TableFit([1.0, 2.0], 1.0, {})
        keptlayouts.fit_used(found, fit, {"NotoSansCJKsc-Regular.ttf", ""})
        assert followed.fits_used == {}
        keptlayouts.fit_used(found, fit, {"NotoSans-Regular.ttf"})
        assert followed.fits_used[b"digest"][1] == {"NotoSansCJKsc-Regular.ttf",
                                                    "NotoSans-Regular.ttf"}
    finally:
        keptlayouts._USING.reset(token)


def test_a_document_another_thread_let_go_is_followed_still(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Renders in threads: a document's entry let go by another thread (beyond
    ``DOCUMENTS_FOLLOWED``) between finding it and touching it fails no render."""
    from collections import OrderedDict

    class LetGo(OrderedDict[bytes, Any]):
        """Followed documents from which another thread lets each go once found."""

        def get(self, key: bytes, default: Any = None) -> Any:
            found = super().get(key, default)
            self.pop(key, None)
            return found

    theme = load_theme("briefing")
    first = render_pdf(_doc(), theme)
    monkeypatch.setattr(keptlayouts, "_FOLLOWED", LetGo(keptlayouts._FOLLOWED))
    assert render_pdf(_doc(), theme) == first


def test_the_code_that_chooses_a_cell_s_fallback_face_finds_the_file() -> None:
    """The faces a character the style's face lacks falls back to (along its role's
    chain, by the bundled faces' coverage) are not in a fit's key: the code that chooses
    them is part of what a kept file is found by."""
    from ipdocs.writers.pdf import fonts

    assert {fonts.chain.__module__, fonts.coverage.__module__} <= set(keptlayouts.LAID_BY)


def test_a_table_fitted_for_another_document_in_the_process_is_kept_for_this_one(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fit this process remembers from another document's render (the Chinese tables of
    a bilingual PDF after the Chinese one) is kept in this document's file too: a later
    process fits none of its tables."""
    theme = load_theme("briefing")
    render_pdf(_tabled(), theme)
    other = Document(Metadata("表 2", "zh-CN"), _tabled().blocks)  # the same characters
    render_pdf(other, theme)  # its table remembered from the first
    _forget()
    fitted = _fitting(monkeypatch)
    render_pdf(other, theme)
    assert fitted == []


def test_after_a_flush_a_file_holds_what_renders_used_since(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``ipdocs watch`` restarts what it follows after each rebuild: the file then holds
    the layouts of the last rebuild, not of every edit before it."""
    theme = load_theme("briefing")
    edited = ZH.replace("71425", "71426", 1)
    with keptlayouts.deferred():
        render_pdf(_doc(), theme)
        keptlayouts.flush()
        render_pdf(_doc(zh=edited), theme)
        keptlayouts.flush()
    [followed] = keptlayouts._FOLLOWED.values()
    texts = {"".join(run.text for run in key[0]) for key in followed.on_disk}
    assert edited in texts and ZH not in texts
    _forget()
    broken = _breaking(monkeypatch)
    render_pdf(_doc(zh=edited), theme)
    assert broken == []


def test_a_layout_marshal_cannot_write_fails_no_render(cache: Path) -> None:
    """A value marshal cannot write (a subclass of ``str``) keeps nothing and fails
    nothing: a cache that cannot be written only costs time."""
    class Text(str):
        """A string of a class of its own."""

    lines = [linebreak.Line([linebreak.Unit([(0, "宁")], True, width=10.0)], True)]
    key = ((linebreak.Run(Text("宁")),), (("NotoSansCJKsc-Regular.ttf", 10.0, 0.0),),
           "natural")
    followed = keptlayouts._Followed()
    followed.used, followed.dirty = [(key, lines)], True
    keptlayouts._write(b"a document", followed)
    assert not followed.on_disk and followed.changed()


def test_nothing_is_followed_where_the_cache_has_no_key(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache without a key to seal with keeps nothing: a render notes no layout and
    writes nothing, as with the cache off."""
    home = tmp_path / "not-a-folder"
    home.write_text("a file where the key's folder would be")
    monkeypatch.delenv("IPDOCS_CACHE_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    written = _writing(monkeypatch)
    with pytest.warns(RenderWarning, match="cannot read the font-cache key"):
        render_pdf(_doc(), load_theme("briefing"))
    assert written == [] and not keptlayouts._FOLLOWED


def test_a_layout_the_process_remembers_is_not_decoded_again(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A document read in a process that remembers some of its layouts (a batch's
    worker: the same headings and labels in the document before) takes the lines it
    remembers, the very lists, and decodes only the others; the PDF is the same, and
    nothing is written again."""
    theme = load_theme("briefing")
    first = render_pdf(_doc(), theme)
    _forget()
    render_pdf(_doc(title="另一份"), theme)  # the heading and paragraphs remembered
    remembered = dict(pdf_text._LAYOUTS)
    assert remembered
    decoded = calls(monkeypatch, keptlayouts, "_lines_in")
    written = _writing(monkeypatch)
    assert render_pdf(_doc(), theme) == first
    assert decoded == [] and written == []
    followed = list(keptlayouts._FOLLOWED.values())[-1]  # this document's, read last
    assert followed.on_disk_lines
    held = {id(lines) for lines in followed.on_disk_lines.values()}
    assert held <= {id(lines) for lines in remembered.values()}
    _forget()
    assert render_pdf(_doc(), theme) == first  # nothing remembered: every layout decoded
    assert len(decoded) == len(remembered)
