"""The locale registry: languages from data files, an unknown one an error, and a test
language (Traditional Chinese) added with a locale file and a words file alone, which
builds every output."""

import hashlib
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from ipdocs.doc import SHIPPED_LANGUAGES
from ipdocs.i18n import (
    UnknownLanguageError,
    codes,
    forget_locale,
    format_number,
    format_quantity,
    languages_of,
    locale,
    locales,
    register_locale,
    word,
)
from ipdocs.sections.brief import resolved_languages
from tests.conftest import ROOT, fresh_python

TEST_LOCALE = ROOT / "tests" / "data" / "locales" / "zh-Hant.yaml"


@pytest.fixture
def traditional() -> Iterator[str]:
    """The test language registered for one test, and forgotten after it."""
    registered = register_locale(TEST_LOCALE)
    yield registered.code
    forget_locale(registered.code)


def test_the_shipped_languages_come_from_data() -> None:
    assert codes() == ("zh", "en")
    zh, en = locale("zh"), locale("en")
    assert (zh.tag, zh.babel, zh.han, zh.grammar.name) == ("zh-CN", "zh_Hans_CN", True, "zh")
    assert (en.tag, en.babel, en.han, en.grammar.name) == ("en-GB", "en_GB", False, "en")
    assert zh.fallbacks == ("en",) and en.fallbacks == ()
    # the tree's description of the shipped languages (for trees made by hand) matches
    assert resolved_languages(("zh", "en")) == SHIPPED_LANGUAGES


def test_the_shipped_records_are_the_checked_ones_while_their_file_is_as_shipped() -> None:
    text = locales._shipped_text()
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == locales.SHIPPED_DIGEST, (
        "data/locales.yaml changed: check its records pass spec_model, then set "
        "SHIPPED_DIGEST to its SHA-256")
    for data in locales._shipped().values():
        assert locales._checked(dict(data)) == locales.Record(**data)


def test_shipped_records_changed_since_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import ValidationError

    text = locales._shipped_text().replace("babel: en_GB", "babel: e", 1)
    monkeypatch.setattr(locales, "_shipped_text", lambda: text)
    monkeypatch.setattr(locales, "_REGISTERED", {})
    with pytest.raises(ValidationError, match="babel"):
        locales._load_shipped()


def test_the_shipped_languages_make_no_locale_model() -> None:
    code = ("from ipdocs.i18n import locales\n"
            "print(locales.locale('zh').babel, locales.locale('en').hyphenation,\n"
            "      locales.spec_model.cache_info().currsize)\n")
    assert fresh_python(code) == "zh_Hans_CN en_US 0\n"


def test_a_locale_names_its_hyphenation_dictionary(tmp_path: Path) -> None:
    assert (locale("zh").hyphenation, locale("en").hyphenation) == (None, "en_US")
    assert not locale("zh").hyphenates and locale("en").hyphenates
    (tmp_path / "words.xx.yaml").write_text("{}\n", encoding="utf-8")
    record = "code: xx\ntag: xx-XX\nbabel: en_GB\ngrammar: en\nhan: false\nwords: words.xx.yaml\n"
    for given, resolved in (("", "en_US"), ("hyphenation: de_DE\n", "de_DE"),
                            ("hyphenation: none\n", None)):
        (tmp_path / "xx.yaml").write_text(record + given, encoding="utf-8")
        try:
            assert register_locale(tmp_path / "xx.yaml").hyphenation == resolved
            assert resolved_languages(("xx",))[0].dictionary == resolved
        finally:
            forget_locale("xx")


@pytest.mark.parametrize("option", ["fr", "zh-fr", "zh-zh", "", "ZH"])
def test_an_unknown_language_is_an_error(option: str) -> None:
    with pytest.raises(UnknownLanguageError, match="unknown language"):
        languages_of(option)


def test_a_document_names_one_language_or_two() -> None:
    assert languages_of("zh") == ("zh",)
    assert languages_of("zh-en") == ("zh", "en")
    assert languages_of("en-zh") == ("en", "zh")


def test_a_language_is_registered_from_its_files(traditional: str) -> None:
    assert traditional == "zh-Hant" and "zh-Hant" in codes()
    assert languages_of("zh-Hant") == ("zh-Hant",)
    assert languages_of("zh-Hant-en") == ("zh-Hant", "en")
    own = locale("zh-Hant")
    assert (own.tag, own.han, own.fallbacks) == ("zh-TW", True, ("zh", "en"))
    assert word("contents", "zh-Hant") == "目錄"
    assert word("as_of_year_end", "zh-Hant", year=2024) == "截至2024年底"  # from zh
    assert format_number(Decimal("71425"), "zh-Hant") == "71425"
    assert format_quantity(Decimal("17.1"), "万家", "zh-Hant", qualifier="余") == "17.1万余家"


def test_a_forgotten_language_is_unknown_again(traditional: str) -> None:
    forget_locale(traditional)
    with pytest.raises(UnknownLanguageError):
        word("contents", traditional)
    register_locale(TEST_LOCALE)  # for the fixture to forget
    with pytest.raises(ValueError, match="shipped language"):
        forget_locale("zh")


@pytest.mark.parametrize(("text", "message"), [
    ("code: xx\ntag: xx-XX\nbabel: xx\ngrammar: klingon\nhan: false\nwords: w.yaml\n",
     "grammar"),
    ("tag: xx-XX\nbabel: xx\ngrammar: en\nhan: false\nwords: w.yaml\n", "not a locale file"),
    ("code: xx\ntag: xx-XX\nbabel: xx\ngrammar: en\nhan: false\nwords: none.yaml\n",
     "no words file"),
    ("code: xx\ntag: xx-XX\nbabel: xx\ngrammar: en\nhan: false\nwords: w.yaml\n"
     "fallback: fr\n", "fallback 'fr' is not a registered language"),
])
def test_a_bad_locale_file_is_refused(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "w.yaml").write_text("contents: x\n", encoding="utf-8")
    path = tmp_path / "xx.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        register_locale(path)
    assert "xx" not in codes()


def _text(pdf: Path) -> str:
    """A PDF's text without whitespace."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return re.sub(r"\s+", "", out)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
@pytest.mark.parametrize(("lang", "layout", "brief", "theme"), [
    ("zh-Hant", "interleaved", "full", "briefing"),
    ("zh-Hant", "interleaved", "summary", "briefing"),
    ("zh-Hant", "interleaved", "full", "official"),
    ("zh-Hant-en", "interleaved", "full", "briefing"),
    ("zh-Hant-en", "parallel", "full", "briefing"),
])
def test_the_test_language_builds_every_output(traditional: str, tmp_path: Path, lang: str,
                                                layout: str, brief: str, theme: str) -> None:
    from ipdocs import build, load_report

    report = load_report(ROOT / "specs" / "ningbo-2024.yaml")
    pdf = build(report, tmp_path / "out.pdf", lang=lang, layout=layout,  # type: ignore[arg-type]
                brief=brief, theme=theme)
    docx = build(report, tmp_path / "out.docx", lang=lang, layout=layout,  # type: ignore[arg-type]
                 brief=brief, theme=theme)
    text = _text(pdf)
    assert "主要數據" in text  # its own words
    assert "全市知识产权系统坚持以习近平新时代" in text  # the spec's Chinese text, as written
    if brief == "full":
        assert "目錄" in text and "術語表" in text
    with zipfile.ZipFile(docx) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert 'w:lang w:val="zh-TW" w:eastAsia="zh-TW"' in body  # its own tag
    assert "主要數據" in re.sub(r"<[^>]+>", "", body)  # its runs' text


def test_registering_a_language_again_forgets_its_words_read(tmp_path: Path) -> None:
    shutil.copy(TEST_LOCALE, tmp_path / "zh-Hant.yaml")
    words = tmp_path / "words.zh-Hant.yaml"
    shutil.copy(TEST_LOCALE.parent / "words.zh-Hant.yaml", words)
    register_locale(tmp_path / "zh-Hant.yaml")
    try:
        assert word("contents", "zh-Hant") == "目錄"
        words.write_text(words.read_text("utf-8").replace("目錄", "目次"), "utf-8")
        assert word("contents", "zh-Hant") == "目錄"  # read once, kept
        register_locale(tmp_path / "zh-Hant.yaml")
        assert word("contents", "zh-Hant") == "目次"
    finally:
        forget_locale("zh-Hant")
