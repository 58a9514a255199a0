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


def test_increment_needs_an_increment_or_a_previous_value() -> None:
    def lacks(change: dict[str, Any]) -> bool:
        data = {"lead": [{"zh": "{a:increment}", "en": "{a:increment}"}],
                "figures": {"a": {**FIG, "change": change}}}
        return any("has no change.increment (or change.previous)" in m for m in messages(data))

    assert lacks({"percent": 63})
    assert not lacks({"percent": 63, "increment": 1231})
    assert not lacks({"previous": 1945})


def test_an_increment_is_not_worked_out_from_an_approximate_value() -> None:
    """{a:increment} of 超60万件 from 50万件 would say 增加10万件, where the rise is more
    than that (was printed): refused, as a computed change from an approximate value is;
    a stated increment stands."""
    def found(figure: dict[str, Any]) -> list[str]:
        data = {"lead": [{"zh": "{a:increment}", "en": "{a:increment}"}],
                "figures": {"a": {**FIG, **figure}}}
        return [m for m in messages(data) if "approximate" in m]

    assert found({"qualifier": "超", "change": {"previous": 50}}) == [
        "lead.0.zh: {a:increment}: figure 'a' has no change.increment (it is not worked "
        "out from an approximate value: 超)",
        "lead.0.en: {a:increment}: figure 'a' has no change.increment (it is not worked "
        "out from an approximate value: 超)"]
    assert found({"change": {"previous": 50, "previous_qualifier": "近"}})
    assert not found({"qualifier": "超", "change": {"previous": 50, "increment": 10}})
    assert not found({"qualifier": "超", "change": {"percent": 3, "increment": 10}})
    # a draft's new approximate value, marked for review: built highlighted, refused final
    assert not found({"qualifier": "超", "change": {"previous": 50}, "review": True})


def test_malformed_brace_is_located() -> None:
    data = {"lead": [{"zh": "ok", "en": "broken {a"}], "figures": {"a": FIG}}
    assert messages(data) == ["lead.0.en: unmatched '{'; write {{ for a literal brace "
                              "(at character 8)"]


def test_unknown_parts_ids() -> None:
    data = {"figures": {"a": {**FIG, "parts": ["nope"]}}}
    assert messages(data) == ["figures.a.parts.0: unknown figure id 'nope' among the parts"]


def test_every_problem_of_a_text_at_once() -> None:
    data = {"lead": [{"zh": "{a:colour}{b}{Bad} {a", "en": "{a}"}], "figures": {"a": FIG}}
    found = messages(data)
    assert "lead.0.zh: unknown placeholder part 'colour' in {a:colour}; expected one of " \
           "value, change, number, words, previous, increment, rank, label, quantity, per, " \
           "period, list (at character 1)" in found
    assert any("unknown figure id 'b'" in m for m in found)
    assert any("malformed placeholder {Bad}" in m for m in found)
    assert any("unmatched '{'" in m for m in found)


def test_several_figures_each_checked() -> None:
    data = {"lead": [{"zh": "{a,b:change}", "en": "{a,b:change}"}],
            "figures": {"a": {**FIG, "change": {"percent": 1}}, "b": FIG}}
    assert messages(data) == ["lead.0.zh: {a,b:change}: figure 'b' has no change",
                              "lead.0.en: {a,b:change}: figure 'b' has no change"]


def test_several_changes_share_a_basis() -> None:
    other = {"percent": 2, "basis": {"zh": "较上半年", "en": "on the first half"}}
    data = {"lead": [{"zh": "{a,b:change}", "en": "{a,b:change}"}],
            "figures": {"a": {**FIG, "change": {"percent": 1}}, "b": {**FIG, "change": other}}}
    assert all("different bases" in m for m in messages(data)) and messages(data)


def test_period_needs_a_partial_year_flow() -> None:
    data = {"lead": [{"zh": "{a:period}", "en": "{a:period}"}], "figures": {"a": FIG}}
    assert any("has no period (a flow with as_of or since)" in m for m in messages(data))


def test_a_base_and_a_basis_may_refer_to_figures_and_years() -> None:
    base = {"zh": "全国平均水平（{n:quantity}）", "en": "the national average ({n:quantity})"}
    basis = {"zh": "较{year-1}年", "en": "on {year-1}"}
    data = {"figures": {"n": FIG, "m": {**FIG, "unit": "倍", "base": base},
                        "c": {**FIG, "change": {"percent": 1, "basis": basis}}}}
    assert messages(data) == []


def test_a_base_refers_in_both_languages_and_one_step_only() -> None:
    onwards = {"zh": "（{m}）", "en": "({m})"}
    data = {"figures": {"n": FIG, "m": {**FIG, "unit": "倍", "base": {"zh": "（{n}）",
                                                                    "en": "()"}},
                        "k": {**FIG, "unit": "倍", "base": onwards}}}
    found = messages(data)
    assert any("only the Chinese refers to n" in m for m in found)
    assert any("whose own base or basis refers to figures" in m for m in found)


def test_a_figure_among_its_own_parts_is_refused() -> None:
    """It was accepted: the figure's parts then counted it in its own total."""
    data = {"figures": {"a": {**FIG, "parts": ["b", "a"]}, "b": FIG}}
    assert messages(data) == ["figures.a.parts.1: a figure cannot be one of its own parts"]


def test_every_text_is_found_whatever_holds_it() -> None:
    """Texts under mappings of any kind and lists, beside numbers, decimals, flags and
    nothing, are each found with their path; scalars hold none."""
    from collections import UserDict
    from decimal import Decimal

    from ipdocs.model.references import iter_texts

    text = {"zh": "甲", "en": "a"}
    data = {"n": 1, "d": Decimal("1.5"), "f": 0.5, "b": True, "none": None, "s": "x",
            "list": [3, text, [None, {"deep": text}]], "other": UserDict({"t": text})}
    assert [path for path, _ in iter_texts(data)] == [
        ("list", 1), ("list", 2, 1, "deep"), ("other", "t")]
    assert list(iter_texts("zh")) == [] and list(iter_texts(5)) == []
