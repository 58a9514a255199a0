"""Reference checks on plain spec data."""

from typing import Any

from ipdocs.model import check_references

FIG = {"label": {"zh": "x", "en": "x"}, "value": 1, "unit": "件"}


def messages(data: dict[str, Any]) -> list[str]:
    """The messages of every problem found, with their paths."""
    return [f"{'.'.join(map(str, p.path))}: {p.message}" for p in check_references(data)]


def test_clean() -> None:
    data = {"lead": [{"zh": "{a}", "en": "{a:number}"}], "figures": {"a": FIG}}
    assert messages(data) == []


def test_figure_in_one_language_only() -> None:
    data = {"lead": [{"zh": "{a}{b}", "en": "{a}"}], "figures": {"a": FIG, "b": FIG}}
    assert messages(data) == ["lead.0: only the Chinese refers to b"]


def test_unknown_and_missing_parts() -> None:
    data = {"sections": [{"paragraphs": [{"zh": "{a:change}{x}", "en": "{a:change}{x}"}]}],
            "figures": {"a": FIG}}
    found = messages(data)
    assert "sections.0.paragraphs.0.zh: {a:change}: figure 'a' has no change" in found
    assert "sections.0.paragraphs.0.en: unknown figure id 'x' in placeholder" in found


def test_previous_needs_change_previous() -> None:
    data = {"lead": [{"zh": "{a:previous}", "en": "{a:previous}"}],
            "figures": {"a": {**FIG, "change": {"percent": 1}}}}
    assert any("has no change.previous" in m for m in messages(data))


def test_malformed_brace_is_located() -> None:
    data = {"lead": [{"zh": "ok", "en": "broken {a"}], "figures": {"a": FIG}}
    assert messages(data) == ["lead.0.en: unmatched '{'; write {{ for a literal brace "
                              "(at character 8)"]


def test_unknown_parts_ids() -> None:
    data = {"figures": {"a": {**FIG, "parts": ["nope"]}}}
    assert messages(data) == ["figures.a.parts.0: unknown figure id 'nope' among the parts"]
