"""The English of the Ningbo 2024 spec as an editor leaves it: the glossary's renderings in
the paragraphs that use its terms, names in one form after first use, British spelling,
and the number style of specs/README.md ("English style")."""

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache

from ipdocs import load_report
from ipdocs.base.problems import format_path
from ipdocs.base.vocab import UnitKind
from ipdocs.loading import load_glossary
from ipdocs.model import Glossary, Report, Term, Text
from ipdocs.model.placeholders import FigureRef, parse
from ipdocs.model.references import iter_texts
from ipdocs.sections.narrative import plain_text, render
from tests.conftest import SPECS

QUOTES = str.maketrans("", "", "“”")
"""Quotation marks inside a term (行业“链主型”企业, “chain leader” enterprises) do not hide it."""

TERM_EXCEPTIONS = {
    ("sections[0].paragraphs[0]", "知识产权强市"):
        "inside the name 质量标准和知识产权强市工作联席会议, translated as a whole",
}
"""Where a paragraph translates a glossary term otherwise, and why."""


@cache
def ningbo() -> Report:
    """The Ningbo spec, loaded once."""
    return load_report(SPECS / "ningbo-2024.yaml")


@cache
def glossary() -> Glossary:
    """The termbase beside the spec."""
    return load_glossary(SPECS / "glossary.yaml")


def english_forms(term: Term) -> list[re.Pattern[str]]:
    """What a term's English may appear as, case aside: its rendering, its short form and
    the rendering's singular; "…" stands for what a placeholder supplies (up … year on year)."""
    forms = [term.en, *([term.short] if term.short else [])]
    if term.en.endswith("s"):
        forms.append(term.en[:-1])
    return [re.compile(r".+?".join(map(re.escape, form.split("…"))), re.IGNORECASE)
            for form in forms]


def terms_used(zh: str, terms: Iterable[Term]) -> list[Term]:
    """The terms a Chinese text uses, longest first: a term found inside a longer one
    (知识产权 in 知识产权质押融资) is rendered by the longer one's English."""
    text = zh.translate(QUOTES)
    found = []
    for term in sorted(terms, key=lambda t: len(t.zh), reverse=True):
        if term.zh in text:
            found.append(term)
            text = text.replace(term.zh, "\0")
    return found


def glossary_misses(report: Report, terms: Iterable[Term]) -> set[tuple[str, str]]:
    """(text path, term) for each term a text's Chinese uses and its English does not say."""
    terms = list(terms)
    misses = set()
    for path, data in iter_texts(report.model_dump(exclude={"figures"})):
        text = Text(zh=data["zh"], en=data["en"])
        english = render(text, report, "en").translate(QUOTES)
        for term in terms_used(render(text, report, "zh"), terms):
            if not any(form.search(english) for form in english_forms(term)):
                misses.add((format_path(path), term.zh))
    return misses


def test_terms_used_takes_the_longest_term_first() -> None:
    terms = [Term(zh="知识产权", en="intellectual property", short="IP"),
             Term(zh="质押融资", en="pledge financing"),
             Term(zh="知识产权质押融资", en="IP pledge financing")]
    assert [t.zh for t in terms_used("知识产权质押融资", terms)] == ["知识产权质押融资"]
    assert [t.zh for t in terms_used("“知识产权”质押融资", terms)] == ["知识产权质押融资"]
    assert {t.zh for t in terms_used("知识产权保护和质押融资", terms)} == {"质押融资", "知识产权"}


def test_english_forms_take_short_forms_singulars_and_placeholders() -> None:
    def says(term: Term, english: str) -> bool:
        return any(form.search(english) for form in english_forms(term))

    assert says(Term(zh="发明专利", en="invention patents"), "to grant an invention patent")
    assert says(Term(zh="知识产权", en="intellectual property", short="IP"), "IP work")
    assert says(Term(zh="同比增长", en="up … year on year"), "up 11.4% year on year")
    assert not says(Term(zh="专利授权量", en="patents granted"), "patents were granted")


def test_glossary_misses_finds_a_paragraph_that_renders_a_term_otherwise() -> None:
    report = ningbo()
    term = Term(zh="宁波知识产权法庭", en="Ningbo Intellectual Property Court")
    assert ("sections[2].sections[0].paragraphs[0]", "宁波知识产权法庭") in \
        glossary_misses(report, [term])


def test_paragraphs_say_the_glossary_terms_they_use() -> None:
    misses = glossary_misses(ningbo(), glossary().terms)
    terms = {t.zh: t.en for t in glossary().terms}
    unexplained = sorted(f"{path}: {zh} → {terms[zh]!r}"
                         for path, zh in misses - TERM_EXCEPTIONS.keys())
    assert unexplained == []
    assert TERM_EXCEPTIONS.keys() - misses == set(), "an exception no longer needed"


def test_names_keep_one_form_after_first_use() -> None:
    english = plain_text(ningbo(), "en")
    assert english.count("intellectual property") == 1
    assert english.index("intellectual property (IP)") < english.index(" IP ")
    for term in glossary().terms:
        if not (term.short and term.en[0].isupper() and term.en in english):
            continue
        assert english.count(term.en) == 1, term.en
        assert english.find(term.short) in (-1, *range(english.index(term.en), len(english)))


def test_the_tribunal_has_one_name_in_prose_labels_and_notes() -> None:
    names = re.findall(r"(?:Ningbo (?:\w+ )+?|[Tt]he )?[Tt]ribunal", all_english(ningbo()))
    assert "Ningbo IP Tribunal" in names
    assert set(names) <= {"Ningbo IP Tribunal", "The Tribunal", "the Tribunal"}


AMERICAN = re.compile(r"\b(?:\w+iz(?:e|es|ed|ing|ation|ations)|\w*(?:center|centers|"
                      r"specialty|specialties|catalog|catalogs|color|labor|favor|honor|"
                      r"program|programs)|reexamination|analyz\w*|fulfill|enroll\w*)\b",
                      re.IGNORECASE)
NOT_AMERICAN = {"size", "sizes", "prize", "prizes", "seize", "seized", "seizing", "seizes"}
OFFICIAL_NAMES = ("Ningbo IP Protection Center", "Technology and Innovation Support Centers",
                  "World Intellectual Property Organization")
"""Proper names keep their owners' spelling (CNIPA's protection centres, WIPO and its TISCs)."""


def all_english(report: Report) -> str:
    """The narrative, titles, notes, sources and figure labels in English."""
    texts = [render(Text(zh=data["zh"], en=data["en"]), report, "en")
             for _, data in iter_texts(report.model_dump())]
    return "\n".join(texts)


def test_english_is_british_but_for_official_names() -> None:
    english = all_english(ningbo())
    for name in OFFICIAL_NAMES:
        english = english.replace(name, "")
    found = {m.group(0) for m in AMERICAN.finditer(english)} - NOT_AMERICAN
    assert found == set()
    assert "Center" in all_english(ningbo())  # the official names are there


SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z“(0-9])")
"""Where a sentence ends: a full stop before the next sentence's first character."""

UNLIKE_COUNTS = {
    frozenset({"overseas.experts", "overseas.countries"}): "specialists, and the countries "
                                                           "they cover",
    frozenset({"services.prereview_industries", "services.fast_track_firms"}): "industries, "
                                                                               "and enterprises",
}
"""Counts of unlike things that share a sentence: each follows the rule on its own."""


def sentences(text: str) -> list[str]:
    """The sentences of a plain text, one paragraph a line (headings left out)."""
    return [s for line in text.splitlines() if not line.startswith("#")
            for s in SENTENCE_END.split(line) if s]


SOURCE_END = re.compile(r"[.?!](?:\s+|$)")
"""A sentence's end in a spec text's words between placeholders."""


def source_sentences(text: str) -> list[list[FigureRef]]:
    """The figure references of each sentence of a spec text, placeholders unrendered."""
    found: list[list[FigureRef]] = [[]]
    for segment in parse(text):
        if isinstance(segment, FigureRef):
            found[-1].append(segment)
        elif isinstance(segment, str):
            found.extend([] for _ in SOURCE_END.findall(segment))
    return found


def count_value(report: Report, ref: FigureRef) -> Decimal | None:
    """The count a reference writes out (its value, with magnitude), or None: not a count
    (money, rates, durations, ranks, per-capita figures) or a part that is no number."""
    figure = report.figure(ref.figure)
    if ref.others or ref.part not in ("value", "number", "quantity", "words") or \
            figure.kind == "rank" or figure.per is not None or \
            figure.unit_def.kind != UnitKind.COUNT:
        return None
    return Decimal(figure.value).scaleb(figure.unit_def.exponent)


def small(report: Report, ref: FigureRef, value: Decimal) -> bool:
    """Whether a count is one to nine, whole and unqualified: English may spell it."""
    return value < 10 and value == value.to_integral_value() and \
        report.figure(ref.figure).qualifier is None


def number_style_problems(report: Report, text: str) -> list[str]:
    """Sentences of ``text`` that break the rule: counts one to nine in words, 10 and above
    in figures, all figures where like counts in one sentence reach 10."""
    problems = []
    for refs in source_sentences(text):
        counts = [(ref, v) for ref in refs if (v := count_value(report, ref)) is not None]
        spelled = [r.figure for r, v in counts if r.part == "words" and small(report, r, v)]
        figures = [r.figure for r, v in counts if r.figure not in spelled]
        large = any(not small(report, r, v) for r, v in counts)
        for word in spelled:
            problems += [f"{word} in words beside {other} in figures" for other in figures
                         if frozenset({word, other}) not in UNLIKE_COUNTS]
        if not large:
            problems += [f"{fid} in figures, though no count in its sentence reaches 10"
                         for fid in figures]
    return problems


def test_number_style_finds_mixed_and_needless_figures() -> None:
    report = ningbo()
    assert number_style_problems(report, "{courts.closed} cases, and {courts.long_pending:words}"
                                         " cases pending.") == \
        ["courts.long_pending in words beside courts.closed in figures"]
    assert number_style_problems(report, "{courts.closed} cases. {courts.long_pending:words} "
                                         "pending.") == []
    assert number_style_problems(report, "{courts.long_pending:number} pending.") == \
        ["courts.long_pending in figures, though no count in its sentence reaches 10"]
    assert number_style_problems(report, "{overseas.experts} in {overseas.countries:words}.") \
        == []


def test_counts_follow_the_number_style() -> None:
    report = ningbo()
    problems = [f"{format_path(path)}: {problem}"
                for path, data in iter_texts(report.model_dump(exclude={"figures"}))
                for problem in number_style_problems(report, data["en"])]
    assert problems == []


def test_no_sentence_begins_with_a_figure() -> None:
    opening = [s for s in sentences(plain_text(ningbo(), "en")) if s[0].isdigit()]
    assert opening == []
