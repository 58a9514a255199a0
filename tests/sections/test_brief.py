"""Briefs: composition, languages and layouts, brief files."""

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipdocs.doc import (
    Bilingual,
    Chart,
    Contents,
    Cover,
    Heading,
    KeyFigures,
    PageBreak,
    Paragraph,
    Table,
)
from ipdocs.model import Report
from ipdocs.sections import (
    Brief,
    BriefError,
    ChapterBuilder,
    CoverBuilder,
    full_brief,
    load_brief,
    summary_brief,
)
from tests.conftest import ROOT


def test_full_brief_in_one_language(sample: Report) -> None:
    doc = full_brief().document(sample, "en")
    kinds = [type(b).__name__ for b in doc.blocks]
    # the sample has a paragraph marked for review: a draft, its legend after the cover
    assert kinds[:5] == ["Cover", "Paragraph", "Contents", "PageBreak", "Paragraph"]
    assert doc.metadata.title.startswith("DRAFT: Intellectual Property")
    assert doc.metadata.draft == "DRAFT"
    assert doc.metadata.lang == "en-GB"
    assert doc.metadata.author == "Jin Yan, Zhao Yu"


def test_interleaved_pairs_each_block(sample: Report) -> None:
    doc = Brief([ChapterBuilder()]).document(sample, "zh-en")
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [(h.lang, h.number) for h in headings[:2]] == [("zh", "一、"), ("en", "1.")]


def test_parallel_pairs_side_by_side(sample: Report) -> None:
    doc = full_brief().document(sample, "zh-en", layout="parallel")
    pairs = [b for b in doc.blocks if isinstance(b, Bilingual)]
    assert pairs and all(len(p.left) == len(p.right) == 1 for p in pairs)
    assert all(p.left[0].lang == "zh" and p.right[0].lang == "en" for p in pairs)  # type: ignore[union-attr]
    assert sum(isinstance(b, PageBreak) for b in doc.blocks) == 1
    contents = [b for b in doc.blocks if isinstance(b, Contents)]
    assert len(contents) == 1 and contents[0].title == "目录 Contents"


def test_summary_brief(sample: Report) -> None:
    doc = summary_brief().document(sample, "zh")
    assert [type(b) for b in doc.blocks] == [Cover, Paragraph, Paragraph, KeyFigures, Paragraph,
                                             Chart]


def test_unknown_language_and_layout(sample: Report) -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        full_brief().document(sample, "fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown layout"):
        full_brief().document(sample, "zh-en", layout="diagonal")  # type: ignore[arg-type]


def test_brief_files_in_specs_load() -> None:
    files = sorted((ROOT / "specs" / "briefs").glob("*.yaml"))
    assert files
    for path in files:
        assert load_brief(path).builders


def test_brief_file(tmp_path: Path, sample: Report) -> None:
    path = tmp_path / "two.yaml"
    path.write_text("name: two\nbuilders:\n  - cover\n  - key_figures: {figures: "
                    "[pledge.amount]}\n  - chapters: {section: protection}\n", encoding="utf-8")
    brief = load_brief(path)
    assert brief.name == "two"
    doc = brief.document(sample, "zh")
    panel = next(b for b in doc.blocks if isinstance(b, KeyFigures))
    assert [i.label for i in panel.items] == ["知识产权质押融资额"]


@pytest.mark.parametrize(("text", "message"), [
    ("builders: [nonsense]\n", "unknown builder 'nonsense'"),
    ("builders: [{chapters: {colour: red}}]\n",
     "1:32: error: builders[0].chapters.colour: unknown field"),
    ("builders: [[1, 2]]\n", "expected a builder name"),
    ("nope: 1\n", "a 'builders' list"),
    ("builders: [\n", "malformed YAML"),
])
def test_bad_brief_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefError, match=re.escape(message)):
        load_brief(path)


def test_unknown_brief_name() -> None:
    with pytest.raises(BriefError, match="unknown brief 'weekly'"):
        load_brief("weekly")


def test_built_in_names() -> None:
    assert load_brief("full").name == "full"
    assert isinstance(load_brief("summary").builders[0], CoverBuilder)


def test_interleaved_merges_cover_key_figures_and_charts(sample: Report) -> None:
    doc = summary_brief().document(sample, "zh-en")
    covers = [b for b in doc.blocks if isinstance(b, Cover)]
    panels = [b for b in doc.blocks if isinstance(b, KeyFigures)]
    charts = [b for b in doc.blocks if isinstance(b, Chart)]
    assert len(covers) == len(panels) == len(charts) == 1
    assert covers[0].subtitle.startswith("Intellectual Property Development")
    assert panels[0].items[0].label == "专利授权量\nPatents granted"  # a line each
    assert charts[0].categories[0] == "知识产权质押融资额 IP pledge financing"


def _brief_problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        load_brief(path)
    return [p.format("F").removeprefix("F:") for p in caught.value.problems]


def test_every_brief_problem_at_once_with_line_and_step(tmp_path: Path) -> None:
    text = ("builders:\n  - cover\n  - chart: {kind: pie, limit: 0}\n  - contents: {depth: '2'}\n"
            "  - nonsense\n  - page_break: {x: 1}\n")
    assert _brief_problems(tmp_path, text) == [
        "3:19: error: builders[1].chart.kind: Input should be 'growth', 'bar' or 'years'",
        "3:31: error: builders[1].chart.limit: Input should be greater than or equal to 1",
        "4:23: error: builders[2].contents.depth: Input should be a valid integer",
        "5:5: error: builders[3]: unknown builder 'nonsense'; known: cover, lead, contents, "
        "page_break, sources, chart, key_figures, figure_table, chapters, glossary, "
        "highlights, year_over_year, or a builder class by module path (package.module:Name)",
        "6:21: error: builders[4].page_break.x: unknown field (check its spelling)",
    ]


@pytest.mark.parametrize(("text", "message"), [
    ("builders: []\n", "1:11: error: builders: a brief has 1 to 200 steps"),
    ("builders: [cover]\ncolour: red\n", "2:9: error: colour: unknown field (check its spelling)"),
    ("builders: [figure_table]\n", "1:12: error: builders[0].figure_table.section: "
                                   "missing: a required field"),
    ("builders: [{key_figures: {figures: patents.grants}}]\n",
     "1:36: error: builders[0].key_figures.figures: Input should be a valid list"),
    ('name: "pr\\0ess"\nbuilders: [cover]\n',
     "1:7: error: name: a brief's name: character U+0000 at character 3 is not allowed: a "
     "control character"),
])
def test_more_bad_brief_files(tmp_path: Path, text: str, message: str) -> None:
    assert message in _brief_problems(tmp_path, text)


@pytest.mark.parametrize(("content", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\xff", "not UTF-8 text"),
    (b"builders: !!set {cover: null}\n", "1:11: error: the YAML tag !!set is not allowed"),
])
def test_bad_brief_file_content(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(BriefError, match=re.escape(message)):
        load_brief(path)


def test_a_brief_is_checked_against_the_report_with_its_lines(tmp_path: Path,
                                                              sample: Report) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("builders:\n  - chapters: {section: nosuch}\n"
                    "  - key_figures: {figures: [patents.grants, nosuch.id]}\n"
                    "  - figure_table: {section: nosuch}\n  - chart: {section: nosuch}\n",
                    encoding="utf-8")
    brief = load_brief(path)
    found = [p.format("F").removeprefix("F:") for p in brief.check(sample)]
    assert found[0].startswith("2:25: error: builders[0].chapters.section: no top-level "
                               "section 'nosuch' in the report; its top-level sections: ")
    assert found[1] == "3:45: error: builders[1].key_figures.figures[1]: no figure 'nosuch.id' " \
                       "in the report"
    assert found[2].startswith("4:29: error: builders[2].figure_table.section: no section "
                               "'nosuch'")
    assert found[3].startswith("5:22: error: builders[3].chart.section: no section 'nosuch'")
    with pytest.raises(BriefError, match="no top-level section 'nosuch'"):
        brief.document(sample, "zh")


def test_a_brief_made_in_python_is_checked_too(sample: Report) -> None:
    brief = Brief([ChapterBuilder("nosuch")])
    with pytest.raises(BriefError, match=re.escape("<brief custom>: error: builders[0]."
                                                   "chapters.section: no top-level section")):
        brief.document(sample, "en")


def test_the_shipped_briefs_fit_ningbo_and_refuse_other_reports(sample: Report) -> None:
    from ipdocs import load_report

    ningbo = load_report(ROOT / "specs" / "ningbo-2024.yaml")
    files = sorted((ROOT / "specs" / "briefs").glob("*.yaml"))
    assert files, "no brief files found in specs/briefs"
    for path in files:
        brief = load_brief(path)
        assert brief.check(ningbo) == []
        if path.stem == "tables":
            found = brief.check(sample)
            assert found and all(p.line and "no section" in p.message for p in found)


def test_bilingual_documents_print_one_glossary(sample: Report) -> None:
    from ipdocs.model import Glossary

    glossary = Glossary.model_validate({"terms": [{"zh": "专利授权量", "en": "patents granted"},
                                                  {"zh": "未用术语", "en": "unused term"}]})
    for layout in ("interleaved", "parallel"):
        doc = full_brief().document(sample, "zh-en", layout=layout, glossary=glossary)  # type: ignore[arg-type]
        tables = [b for b in doc.blocks if isinstance(b, Table) and b.style == "glossary-table"]
        assert len(tables) == 1
        assert [[c.text for c in row] for row in tables[0].rows] == [["专利授权量",
                                                                     "patents granted"]]
        headings = [b for b in doc.blocks if isinstance(b, Heading) and b.anchor == "glossary"]
        assert [h.text for h in headings] == ["术语表 Glossary"]


def test_a_contents_with_nothing_to_list_is_left_out(sample: Report) -> None:
    from ipdocs.sections import ContentsBuilder, FigureTableBuilder

    doc = Brief([CoverBuilder(), ContentsBuilder(), FigureTableBuilder("protection")]
                ).document(sample, "zh")
    assert not any(isinstance(b, Contents) for b in doc.blocks)
    assert any(isinstance(b, Contents) for b in full_brief().document(sample, "zh").blocks)


def _shortened(level: int) -> list[object]:
    """Ningbo's summary in English, shortened to ``level``."""
    from ipdocs import load_report

    report = load_report(ROOT / "specs" / "ningbo-2024.yaml")
    return list(summary_brief().document(report, "en", compact=level).blocks)


def test_a_brief_is_shortened_step_by_step_to_fit_its_pages() -> None:
    assert summary_brief().pages == 1 and full_brief().pages is None
    whole = _shortened(0)
    chart = next(b for b in whole if isinstance(b, Chart))
    assert len(chart.categories) == 6  # the chart's eight at most; six figures change
    fewer = next(b for b in _shortened(1) if isinstance(b, Chart))
    assert len(fewer.categories) == 5
    fewest_bars = next(b for b in _shortened(2) if isinstance(b, Chart))
    assert len(fewest_bars.categories) == 3  # the chart shrinks before it is left out
    assert not any(isinstance(b, Chart) for b in _shortened(3))
    leads = [b for b in whole if isinstance(b, Paragraph) and b.style == "lead"]
    shorter = [b for b in _shortened(4) if isinstance(b, Paragraph) and b.style == "lead"]
    assert len(shorter) == len(leads) - 1  # the lead's second paragraph goes
    highlights = shorter[-1].text
    assert "and cases received by the Ningbo IP Tribunal" in highlights
    fewest = [b for b in _shortened(5) if isinstance(b, Paragraph) and b.style == "lead"]
    assert "received by the Ningbo IP Tribunal" not in fewest[-1].text  # two falls, not three
    panel = next(b for b in _shortened(6) if isinstance(b, KeyFigures))
    assert len(panel.items) == 3


def test_a_brief_file_may_set_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "one.yaml"
    path.write_text("pages: 1\nbuilders: [cover, lead]\n", encoding="utf-8")
    assert load_brief(path).pages == 1
    path.write_text("pages: 0\nbuilders: [cover]\n", encoding="utf-8")
    with pytest.raises(BriefError, match=r"1:8: error: pages: the pages a brief may fill"):
        load_brief(path)


def test_every_shipped_builder_registers_itself_with_its_options_declared_once() -> None:
    """A builder's options are its dataclass fields: the model a brief file's step is
    checked with is made from them, no second declaration."""
    import dataclasses

    from ipdocs.sections.registry import BUILDERS, OPTIONS

    assert len(BUILDERS) >= 12
    for name, cls in BUILDERS.items():
        assert cls.name == name
        fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        assert set(OPTIONS[name].model_fields) == fields, name


def test_merging_a_pair_is_a_table_keyed_by_node_type(sample: Report) -> None:
    from ipdocs.sections.brief import ONCE, combine

    assert set(ONCE) == {PageBreak, Contents, Cover, KeyFigures, Heading, Table, Chart}
    zh = full_brief().document(sample, "zh").blocks
    en = full_brief().document(sample, "en").blocks
    merged = combine(zh, en, "parallel")
    kinds = {type(b) for b in merged}
    assert {PageBreak, Contents, Cover, KeyFigures, Chart, Bilingual} <= kinds
    # a node type the table lacks stays a pair; so does a pair of two types
    heading = Heading(1, "一、概况", "zh")
    pair = combine([Paragraph((), "zh"), heading], [Paragraph((), "en"), PageBreak()],
                   "interleaved")
    assert pair == [Paragraph((), "zh"), Paragraph((), "en"), heading, PageBreak()]
    # a heading or a table merges only when it is the glossary's
    assert combine([heading], [Heading(1, "1. Overview", "en")], "parallel") == [
        Bilingual((heading,), (Heading(1, "1. Overview", "en"),))]


@given(lead=st.text(min_size=1, max_size=40))
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_reports_charset_is_every_character_it_and_the_fixed_words_hold(
        sample: Report, lead: str) -> None:
    """``report_charset`` (printable ASCII taken from the base range, the fixed words'
    characters kept) is the sorted set of every character of the report's JSON, the
    languages' fixed words (web words left out), the vocabularies and the base range,
    whatever the report's text holds."""
    from ipdocs.i18n import codes
    from ipdocs.i18n.words import table
    from ipdocs.sections.brief import _BASE_CHARSET, _VOCAB_CHARSET, report_charset

    report = sample.model_copy(update={"title": sample.title.model_copy(
        update={"zh": lead})})
    words = "".join(str({key: text for key, text in table(lang).items()
                         if not key.startswith("web.")}) for lang in codes())
    every = report.model_dump_json() + words + _BASE_CHARSET + _VOCAB_CHARSET
    assert report_charset(report) == "".join(sorted(set(every)))


def _forget_built() -> None:
    """Forget the builders' blocks and bound reports remembered in this process."""
    from ipdocs.sections import brief, narrative

    brief._BUILT.clear()
    narrative._BOUND.clear()


def test_the_document_of_both_languages_is_made_of_the_blocks_of_each(
        sample: Report) -> None:
    """Made after the Chinese and English documents, the zh-en one shares their blocks
    and equals the one made afresh; the same report made again shares them too."""
    _forget_built()
    zh = full_brief().document(sample, "zh")
    en = full_brief().document(sample, "en")
    both = full_brief().document(sample, "zh-en")
    shared = set(map(id, zh.blocks)) & set(map(id, both.blocks))
    assert len(shared) > len(zh.blocks) // 2  # all but the cover, key figures, charts …
    assert isinstance(zh.blocks[4], Paragraph)
    assert full_brief().document(sample, "zh").blocks[4] is zh.blocks[4]
    _forget_built()
    assert full_brief().document(sample, "zh-en") == both
    assert full_brief().document(sample, "en") == en


def test_blocks_are_remembered_by_the_objects_they_are_made_of(sample: Report) -> None:
    """Another report object, even one equal to the first, and another termbase, get
    blocks of their own; the registered languages changing forgets every block."""
    from ipdocs import load_report
    from ipdocs.i18n.locales import _forget_cached
    from ipdocs.model import Glossary
    from ipdocs.sections import brief
    from tests.conftest import SAMPLE

    _forget_built()
    first = full_brief().document(sample, "en")
    again = load_report(SAMPLE)
    assert again == sample
    other = full_brief().document(again, "en")
    assert other == first and other.blocks[4] is not first.blocks[4]
    term = {"zh": sample.sections[0].title.zh, "en": "a term"}
    with_terms = full_brief().document(sample, "en", glossary=Glossary.model_validate(
        {"terms": [term]}))
    assert with_terms != first and with_terms.blocks[4] is not first.blocks[4]
    assert brief._BUILT
    _forget_cached()
    assert not brief._BUILT
    assert full_brief().document(sample, "en") == first


def test_a_builder_whose_options_cannot_be_compared_is_built_each_time(
        sample: Report) -> None:
    from dataclasses import dataclass

    from ipdocs.doc import Block
    from ipdocs.sections import brief
    from ipdocs.sections.context import Builder, Context

    @dataclass(frozen=True)
    class Listed(Builder):
        options: list[str]

        def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
            return (Heading(1, " ".join(self.options), ctx.lang),)

    made = Brief([Listed(["a"])]).document(sample, "en")
    assert Heading(1, "a", "en") in made.blocks
    assert not any(isinstance(key[0], Listed) for key in brief._BUILT)


def test_the_words_of_a_charset_are_read_again_with_the_languages(sample: Report) -> None:
    from ipdocs.i18n.locales import _forget_cached
    from ipdocs.sections import brief

    charset = brief.report_charset(sample)
    assert brief._WORDS_CHARS and brief._CHARSETS
    _forget_cached()
    assert not brief._WORDS_CHARS and not brief._CHARSETS
    assert brief.report_charset(sample) == charset


def test_a_report_s_and_glossary_s_text_are_read_once_for_every_document(
        sample: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document of a brief (a fitted brief's tries among them) takes the report's
    characters and its glossary's: each object's JSON is made once, not a document."""
    from ipdocs.model import Glossary
    from ipdocs.sections import summary_brief

    dumped: list[str] = []
    real = Report.model_dump_json

    def counted(self: Report, **kwargs: object) -> str:
        dumped.append(type(self).__name__)
        return real(self, **kwargs)  # type: ignore[arg-type]

    glossary = Glossary.model_validate({"terms": [{"zh": "专利", "en": "patent"}]})
    monkeypatch.setattr(Report, "model_dump_json", counted)
    monkeypatch.setattr(Glossary, "model_dump_json", counted)
    report = sample.model_copy(update={"year": sample.year})  # objects of this test's own
    made = [summary_brief().document(report, lang, glossary=glossary, compact=level)
            for lang in ("zh", "en", "zh-en") for level in (0, 3)]
    assert sorted(dumped) == ["Glossary", "Report"]
    assert len({doc.charset for doc in made}) == 1 and "专" in made[0].charset


def test_a_charset_is_remembered_by_the_text_beyond_printable_ascii(sample: Report) -> None:
    """A report whose text differs in printable ASCII alone (a value edited) has the
    charset remembered; one with another character has its own."""
    from ipdocs.sections import brief

    charset = brief.report_charset(sample)
    year = sample.model_copy(update={"year": sample.year + 1})
    assert brief.report_charset(year) is charset
    other = sample.model_copy(update={"title": sample.title.model_copy(
        update={"zh": sample.title.zh + "龘"})})
    assert "龘" in brief.report_charset(other) and "龘" not in charset
