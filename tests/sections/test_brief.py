"""Briefs: composition, languages and layouts, brief files."""

from pathlib import Path

import pytest

from ipdocs.doc import (
    Bilingual,
    Chart,
    Contents,
    Cover,
    Heading,
    KeyFigures,
    PageBreak,
    Paragraph,
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
    assert pairs and all(len(p.zh) == len(p.en) == 1 for p in pairs)
    assert all(p.zh[0].lang == "zh" and p.en[0].lang == "en" for p in pairs)  # type: ignore[union-attr]
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
    ("builders: [{chapters: {colour: red}}]\n", "unexpected keyword argument 'colour'"),
    ("builders: [[1, 2]]\n", "expected a builder name"),
    ("nope: 1\n", "a 'builders' list"),
    ("builders: [\n", "malformed YAML"),
])
def test_bad_brief_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefError, match=message):
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
    assert panels[0].items[0].label == "专利授权量 Patents granted"
    assert charts[0].categories[0] == "知识产权质押融资额 IP pledge financing"
