"""Builders: a snapshot of the tree each one makes, in each language.

Snapshots live in tests/sections/snapshots/. After an intended change, regenerate them
with ``UPDATE_SNAPSHOTS=1 pytest tests/sections`` and review the diff.
"""

import os
from pathlib import Path

import pytest

from ipdocs.doc import (
    Bilingual,
    Contents,
    Cover,
    Heading,
    KeyFigures,
    PageBreak,
    Paragraph,
    Table,
    to_json,
)
from ipdocs.model import Glossary, Report, Term
from ipdocs.sections import (
    BUILDERS,
    ChapterBuilder,
    ChartBuilder,
    ContentsBuilder,
    Context,
    CoverBuilder,
    FigureTableBuilder,
    GlossaryBuilder,
    HighlightsBuilder,
    KeyFiguresBuilder,
    LeadBuilder,
    SourcesBuilder,
    YearOverYearBuilder,
)

SNAPSHOTS = Path(__file__).parent / "snapshots"
GLOSSARY = Glossary(terms=[Term(zh="专利授权量", en="patents granted")])

CASES = {
    "cover": CoverBuilder(),
    "lead": LeadBuilder(),
    "key_figures": KeyFiguresBuilder(),
    "key_figures_chosen": KeyFiguresBuilder(("pledge.amount",)),
    "chapters": ChapterBuilder(),
    "chapter_protection": ChapterBuilder("protection"),
    "figure_table": FigureTableBuilder("creation"),
    "contents": ContentsBuilder(),
    "glossary": GlossaryBuilder(),
    "sources": SourcesBuilder(),
    "chart_growth": ChartBuilder("growth"),
    "chart_bar": ChartBuilder("bar", section="protection"),
    "highlights": HighlightsBuilder(),
    "year_over_year": YearOverYearBuilder(),
}


def snapshot(name: str, text: str) -> None:
    """Compare ``text`` with the stored snapshot ``name``; write it when asked to."""
    path = SNAPSHOTS / f"{name}.json"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing snapshot {path.name}: run with UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_builder_snapshot(sample: Report, name: str, lang: str) -> None:
    blocks = CASES[name].build(sample, Context(lang, GLOSSARY))  # type: ignore[arg-type]
    snapshot(f"{name}.{lang}", to_json(list(blocks)))


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_number_of_blocks_in_both_languages(sample: Report, name: str) -> None:
    builder = CASES[name]
    zh = builder.build(sample, Context("zh", GLOSSARY))
    en = builder.build(sample, Context("en", GLOSSARY))
    assert [type(b) for b in zh] == [type(b) for b in en]


def test_every_builder_is_registered() -> None:
    assert {type(b).name for b in CASES.values()} | {"page_break"} == set(BUILDERS)


def test_chapter_numbering(sample: Report) -> None:
    zh = [b for b in ChapterBuilder().build(sample, Context("zh")) if isinstance(b, Heading)]
    en = [b for b in ChapterBuilder().build(sample, Context("en")) if isinstance(b, Heading)]
    assert [h.number for h in zh] == ["一、", "（一）", "二、"]
    assert [h.number for h in en] == ["1.", "1.1", "2."]
    assert [h.level for h in zh] == [1, 2, 1]


def test_single_chapter_keeps_its_number(sample: Report) -> None:
    blocks = ChapterBuilder("protection").build(sample, Context("zh"))
    assert isinstance(blocks[0], Heading) and blocks[0].number == "二、"


def test_paragraph_runs_carry_figures_and_review(sample: Report) -> None:
    blocks = ChapterBuilder("protection").build(sample, Context("en"))
    para = next(b for b in blocks if isinstance(b, Paragraph))
    assert para.review
    figures = [s.figure for s in para.inlines if getattr(s, "figure", None)]
    assert figures[:2] == ["courts.cases", "courts.cases"]


def test_figure_table_cells(sample: Report) -> None:
    table = FigureTableBuilder("protection").build(sample, Context("en"))[0]
    assert isinstance(table, Table)
    assert [c.text for c in table.header[0]] == ["Indicator", "Value", "Change"]
    rows = {r[0].text: r for r in table.rows}
    assert [c.text for c in rows["IP pledge financing"]] == [
        "IP pledge financing", "RMB 61.093 billion", "+55.02%"]
    closed = rows["Cases closed"]
    assert closed[2].text == "\u221233.33%" and closed[2].direction == "down"
    assert [c.align for c in table.columns] == ["left", "right", "right"]


def test_figure_table_drops_columns_no_figure_fills(sample: Report) -> None:
    from ipdocs.sections.figures import figure_table

    grants = sample.figure("patents.grants")
    bare = sample.model_copy(update={"figures": {
        **sample.figures,
        "patents.grants": grants.model_copy(update={"change": None})}})  # 件: no English unit
    table = figure_table(["patents.grants"], bare, "en")
    assert [c.text for c in table.header[0]] == ["Indicator", "Value"]
    assert [[c.text for c in row] for row in table.rows] == [["Patents granted", "71,425"]]
    assert [c.align for c in table.columns] == ["left", "right"]
    with_change = figure_table(["patents.grants", "courts.cases"], bare, "en")
    assert [c.text for c in with_change.header[0]] == ["Indicator", "Value", "Change"]
    assert with_change.rows[0][2].text == ""


def test_key_figures_panel(sample: Report) -> None:
    panel = KeyFiguresBuilder().build(sample, Context("zh"))[0]
    assert isinstance(panel, KeyFigures)
    first = panel.items[0]
    assert (first.value, first.label, first.change, first.direction) == (
        "71425件", "专利授权量", "同比增长11.4%", "up")


def test_glossary_needs_a_termbase(sample: Report) -> None:
    assert GlossaryBuilder().build(sample, Context("zh")) == ()


def test_kinds(sample: Report) -> None:
    assert isinstance(CoverBuilder().build(sample, Context("zh"))[0], Cover)
    assert isinstance(ContentsBuilder().build(sample, Context("en"))[0], Contents)
    assert not any(isinstance(b, (Bilingual, PageBreak))
                   for b in ChapterBuilder().build(sample, Context("zh")))


@pytest.mark.parametrize(("lang", "label", "value"), [
    ("zh", "每万人高价值发明专利拥有量", "22.93件"),
    ("en", "High-value invention patents per 10,000 people", "22.93"),
    ("en", "High-value invention patents", "22.93 per 10,000 people"),
])
def test_key_figure_does_not_repeat_the_basis_its_label_states(
        sample: Report, lang: str, label: str, value: str) -> None:
    from ipdocs.model import Text
    from ipdocs.sections.figures import key_figure

    figure = sample.figure("patents.per_capita")
    texts = {"zh": "每万人高价值发明专利拥有量",
             "en": "High-value invention patents per 10,000 people", lang: label}
    item = key_figure(figure.model_copy(update={"label": Text(**texts)}), lang)  # type: ignore[arg-type]
    assert (item.label, item.value) == (label, value)


@pytest.mark.parametrize(("unit", "qualifier", "value", "zh", "en"), [
    ("斤", None, "5600", ("5600", "斤"), "5,600 jin (2,800 kg)"),
    ("个月", "左右", "3", ("3", "个月左右"), "about 3 months"),
    ("天", None, "1", ("1", "天"), "1 day"),
    ("万家", "余", "17.1", ("17.1", "万余家"), "more than 171,000"),
    ("件", "近", "9000", ("近9000", "件"), "nearly 9,000"),
    ("日", "以内", "3", ("3", "日以内"), "within 3 days"),
    ("亿元", None, "9", ("9", "亿元"), "RMB 900 million"),
])
def test_value_and_unit_cells_read_in_report_order(sample: Report, unit: str,
                                                   qualifier: str | None, value: str,
                                                   zh: tuple[str, str], en: str) -> None:
    from decimal import Decimal

    from ipdocs.sections.figures import value_cells

    figure = sample.figure("patents.grants").model_copy(
        update={"unit": unit, "qualifier": qualifier, "value": Decimal(value)})
    assert value_cells(figure, "zh") == zh
    assert value_cells(figure, "en") == (en, "")


def test_the_glossary_lists_terms_in_the_order_the_report_first_uses_them(
        sample: Report) -> None:
    """Not the termbase's order: the order of first use (a shorter term first where two
    start together), the same in every language."""
    from ipdocs.sections.glossary import used_terms
    from ipdocs.sections.narrative import plain_text

    text = plain_text(sample, "zh")
    words = sorted({text[i:i + n] for i in range(0, 40, 7) for n in (2, 4)
                    if text[i:i + n].strip() and "\n" not in text[i:i + n]}, reverse=True)
    glossary = Glossary(terms=[Term(zh=w, en=f"term {k}") for k, w in enumerate(words)])
    terms = [t.zh for t in used_terms(glossary, sample)]
    assert sorted(terms) == sorted(words)
    assert terms == sorted(words, key=lambda w: (text.index(w), len(w)))
    assert terms != words
