"""Safe YAML loading through libyaml: the same data as PyYAML's pure parser."""

import time
from decimal import Decimal
from importlib import resources

import pytest
import yaml

from ipdocs.base import fastyaml
from ipdocs.base.fastyaml import safe_load

BUNDLED = [("ipdocs.i18n", "data/words.zh.yaml"), ("ipdocs.i18n", "data/words.en.yaml"),
           ("ipdocs.themes", "briefing.yaml"), ("ipdocs.themes", "official.yaml")]


@pytest.mark.parametrize(("package", "name"), BUNDLED)
def test_bundled_data_reads_as_the_pure_parser_reads_it(package: str, name: str) -> None:
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    assert safe_load(text) == yaml.load(text, Loader=yaml.SafeLoader)


def test_libyaml_is_used_when_pyyaml_has_it(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = yaml.CSafeLoader if getattr(yaml, "CSafeLoader", None) else None
    assert (fastyaml.FastFloatLoader is None) == (expected is None)
    calls: list[object] = []
    real = fastyaml.compose

    def spy(text: str, loader: type) -> object:
        calls.append(loader)
        return real(text, loader)

    monkeypatch.setattr(fastyaml, "compose", spy)
    assert safe_load("a: 1") == {"a": 1}
    assert calls == [fastyaml.FastFloatLoader or fastyaml.PureFloatLoader]


def test_only_plain_types_are_built() -> None:
    with pytest.raises(yaml.YAMLError):
        safe_load("!!python/object/apply:os.system ['true']")


def test_malformed_yaml_raises_with_its_position_and_the_line_shown() -> None:
    with pytest.raises(yaml.YAMLError) as caught:
        safe_load("a: 1\nb: [c, d\n")
    message = str(caught.value)
    assert "line 3" in message and "^" in message  # the pure parser's snippet and caret


@pytest.mark.skipif(fastyaml.FastLoader is None, reason="PyYAML without libyaml")
def test_what_libyaml_refuses_the_pure_parser_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    class Refusing:
        def __init__(self, _text: str) -> None:
            raise yaml.YAMLError("libyaml says no")

    monkeypatch.setattr(fastyaml, "FastFloatLoader", Refusing)
    assert safe_load("a: [1, 2]") == {"a": [1, 2]}


def _bomb(levels: int = 9) -> str:
    """A YAML alias bomb: each level repeats the one before nine times."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("loader", [fastyaml.PureLoader, fastyaml.FastLoader])
def test_an_alias_bomb_is_refused_at_once(loader: type | None) -> None:
    if loader is None:
        pytest.skip("PyYAML without libyaml")
    started = time.perf_counter()
    with pytest.raises(fastyaml.Refused) as caught:
        fastyaml.compose(_bomb(), loader)
    assert time.perf_counter() - started < 1
    assert "aliases repeat more than 10,000 values" in str(caught.value)
    assert caught.value.problem_mark is not None and caught.value.problem_mark.line == 4


def test_aliases_within_the_budget_are_read() -> None:
    data = safe_load("scope: &cn {zh: 全国, en: in China}\na: *cn\nb: *cn\n")
    assert data["a"] == data["b"] == {"zh": "全国", "en": "in China"}


def test_a_recursive_alias_is_refused() -> None:
    with pytest.raises(fastyaml.Refused, match="contains it"):
        safe_load("a: &a [1, *a]\n")


@pytest.mark.parametrize("text", ["[" * 40 + "]" * 40, "- " * 40 + "x",
                                  "".join(f"{' ' * i}k{i}:\n" for i in range(40)) + " " * 40
                                  + "v: 1\n", "[" * 100_000 + "]" * 100_000])
def test_nesting_is_bounded(text: str) -> None:
    with pytest.raises(fastyaml.Refused, match="nested more than 32 deep"):
        fastyaml.compose(text, fastyaml.PureLoader)
    with pytest.raises(yaml.YAMLError):
        safe_load(text)


def test_nesting_through_aliases_is_bounded() -> None:
    deep = "[" * 20 + "1" + "]" * 20
    text = f"a: &a {deep}\nb: &b [[[[[[[[[[[[[[[*a]]]]]]]]]]]]]]]\n"
    with pytest.raises(fastyaml.Refused, match="nested more than 32 deep"):
        safe_load(text)


def test_nesting_within_the_bound_is_read() -> None:
    assert safe_load("[" * 32 + "]" * 32) is not None


@pytest.mark.parametrize(("text", "tag"), [
    ("a: !!binary aGVsbG8=\n", "binary"), ("a: !!set {x: null}\n", "set"),
    ("a: !!omap [{x: 1}]\n", "omap"), ("a: !!pairs [{x: 1}]\n", "pairs"),
])
def test_tags_that_are_not_plain_are_refused_with_their_line(text: str, tag: str) -> None:
    with pytest.raises(fastyaml.Refused, match=f"!!{tag} is not allowed") as caught:
        safe_load(text)
    assert caught.value.problem_mark is not None and caught.value.problem_mark.line == 0


@pytest.mark.parametrize(("text", "value"), [
    ("2024-04-26", "2024-04-26"), ("2023-02-29", "2023-02-29"),
    ("!!timestamp 2024-04-26", "2024-04-26"), ("2024-04-26T10:00:00Z", "2024-04-26T10:00:00Z"),
    ("017", "017"), ("0x1F", "0x1F"), ("0b11", "0b11"), ("1:20", "1:20"), ("1_000", "1_000"),
    ("1:20.5", "1:20.5"), (".inf", ".inf"), (".nan", ".nan"), ("017.5", "017.5"),
    ("17", 17), ("-3", -3), ("0", 0), ("1" * 41, "1" * 41),
])
def test_dates_and_numbers_other_than_decimal_are_read_as_text(text: str,
                                                               value: object) -> None:
    assert safe_load(f"a: {text}\n") == {"a": value}


@pytest.mark.parametrize("loader", [fastyaml.PureLoader, fastyaml.FastLoader])
def test_decimal_fractions_are_exact_for_specs(loader: type | None) -> None:
    if loader is None:
        pytest.skip("PyYAML without libyaml")
    data, _ = fastyaml.compose("a: 610.930\nb: .5\nc: 1.0e+3\n", loader)
    assert data == {"a": Decimal("610.930"), "b": Decimal("0.5"), "c": Decimal("1.0e+3")}
    assert str(data["a"]) == "610.930"


def test_fractions_are_floats_for_themes() -> None:
    assert safe_load("size: 10.5\n") == {"size": 10.5}


def _many_aliases(count: int, size: int = 1, keys: int = 0) -> str:
    """``count`` aliases of one anchor of ``size`` values, in a list under a key no model
    knows, beside ``keys`` keys of their own."""
    anchor = "v" if size == 1 else "{" + ", ".join(f"k{i}: v" for i in range(size - 1)) + "}"
    return (f"junk:\n  anchor: &x {anchor}\n  list: [" + ", ".join(["*x"] * count) + "]\n"
            + "".join(f"  key{i}: {i}\n" for i in range(keys)))


def test_the_alias_check_lists_each_collections_children_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """It listed a collection's children again for each child: a list of 40,000 aliases
    took 27 s (quadratic); now linear in the number of nodes."""
    node = yaml.compose(_many_aliases(3000, keys=3000), Loader=yaml.SafeLoader)
    listed = fastyaml._children
    calls: list[int] = []
    monkeypatch.setattr(fastyaml, "_children",
                        lambda n: calls.append(1) or listed(n))  # type: ignore[func-returns-value]
    fastyaml.check_graph(node)
    nodes = 2 * 3000 + 7  # each key and value once; the anchor's value once, not per alias
    assert len(calls) <= nodes


@pytest.mark.parametrize("loader", [fastyaml.PureLoader, fastyaml.FastLoader])
@pytest.mark.parametrize(("count", "size"), [(40_000, 1), (12_000, 3), (9_000, 1)])
def test_many_aliases_under_unknown_keys_are_read_or_refused_in_time(
        loader: type | None, count: int, size: int) -> None:
    """40,000 aliases ran 27 s, 12,000 aliased mappings past a minute (under a second
    here on an idle machine; the bound leaves room for a loaded one)."""
    if loader is None:
        pytest.skip("PyYAML without libyaml")
    text = _many_aliases(count, size)
    started = time.perf_counter()
    if count * size > fastyaml.MAX_ALIAS_VALUES:
        with pytest.raises(fastyaml.Refused, match="aliases repeat more than 10,000"):
            fastyaml.compose(text, loader)
    else:
        data, _ = fastyaml.compose(text, loader)
        assert len(data["junk"]["list"]) == count
    assert time.perf_counter() - started < 8


def test_a_refusal_by_libyaml_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """A limit found with libyaml was parsed again by the pure parser, ten times slower."""
    if fastyaml.FastLoader is None:
        pytest.skip("PyYAML without libyaml")

    class Pure:
        def __init__(self, _text: str) -> None:
            raise AssertionError("parsed again")

    with pytest.raises(fastyaml.Refused):
        fastyaml.parse_either(lambda loader: fastyaml.compose(_bomb(), loader),
                              fastyaml.FastLoader, Pure)


def test_an_escape_beyond_the_last_character_is_refused_at_its_line() -> None:
    """"\\U00110000" made PyYAML's scanner raise ValueError (exit 70)."""
    from ipdocs.loading.yamlmarks import read_yaml

    _, _, problems = read_yaml('a: 1\nb: "x\\U00110000"\n')
    assert [(p.line, p.message) for p in problems] == [
        (2, "malformed YAML: an escape names no character: \\U escapes go up to \\U0010FFFF")]


def test_a_next_line_character_is_refused_not_read_as_a_line_break() -> None:
    """YAML reads U+0085 as a line break: "测\\x85试" silently became "测 试"."""
    from ipdocs.loading.yamlmarks import read_yaml

    _, _, problems = read_yaml('a: 1\nb: "测\x85试"\n')
    assert [(p.line, p.column) for p in problems] == [(2, 6)]
    assert "U+0085 NEXT LINE (NEL) is not allowed" in problems[0].message


def _pyyaml_way(text: str, loader_class: type) -> tuple[str, dict, list]:
    """What PyYAML's own constructor reads ``text`` as, with ``_walk_once``, ``check_graph``
    and ``_walk``: the way every document was read before the one-pass reading, and still
    is where that pass finds anything unusual. The data as its repr (types told apart)."""
    loader = loader_class(text)
    loader.ipdocs_text = fastyaml.indexed_text(text, loader)  # as ``compose`` gives it
    try:
        node = loader.get_single_node()
        if node is None:
            return repr(None), {}, []
        if fastyaml._walk_once(node):
            fastyaml.check_graph(node)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    marks: dict = {}
    problems: list = []
    fastyaml._walk(node, (), marks, problems)
    return repr(data), marks, problems


def _one_pass(text: str, loader_class: type) -> tuple[str, dict, list]:
    """What ``compose`` reads ``text`` as, its marks and duplicate keys taken as it goes."""
    marks: dict = {}
    problems: list = []
    data, _ = fastyaml.compose(text, loader_class, marks, problems)
    return repr(data), marks, problems


_WRAPPED = ["a: 佳绩，\n  连续四年\n", "a: >-\n  佳绩，\n  连续\n", 'a: "佳绩，\n  连续"\n',
            "a: Ningbo\n  宁波\n", "a: |\n  佳绩\n  连续\n"]

_LOADERS = [loader for loader in (fastyaml.PureLoader, fastyaml.FastLoader,
                                  fastyaml.PureFloatLoader, fastyaml.FastFloatLoader)
            if loader is not None]
_PLAIN_SCALARS = ["yes", "No", "on", "OFF", "~", "null", "", "2024-04-26", "0x1F", "017",
                  "1_000", "1:20", ".inf", ".NaN", "1.50", "-0.0", "+12", "12", "1e3",
                  "3.", "true", "!!str 12", "!!int '12'", "!!float '1.5'", "!!bool 'yes'",
                  "!!null ''", "'quoted'", '"a\\tb"', "中文", "R&D", "|\n  block\n"]


@pytest.mark.parametrize("loader", _LOADERS)
@pytest.mark.parametrize("text", [
    *(f"a: {scalar}\n" for scalar in _PLAIN_SCALARS),
    *(f"- {scalar}\n" for scalar in _PLAIN_SCALARS if "\n" not in scalar),
    *(f"{scalar}: v\n" for scalar in _PLAIN_SCALARS if "\n" not in scalar and scalar),
    "a: 1\nb: 2\na: 3\n",                     # a duplicate key
    "1: a\n'1': b\n",                          # the same key as text, another as data
    "x:\n  - {a: 1, a: 2}\n  - [1, [2, [3]]]\n",
    "a: &x [1, 2]\nb: *x\n",                  # an alias
    "a: &x 1\nb: *x\nc: *x\n",
    "base: &b {k: 1}\nmore:\n  <<: *b\n  j: 2\n",  # a merge key
    "= : 1\n",                                # the value key
    "? [1, 2]\n: a\n",                         # a collection as a key
    "? {a: 1}\n: a\n",
    "a: !!binary aGVsbG8=\n",
    "a: !!set {x, y}\n",
    "a: !!omap [{x: 1}]\n",
    "a: !custom 1\n",
    "a: !!str [1]\n",
    "a: !!bool maybe\n",
    "[" * 33 + "]" * 33,                      # nested as deep as allowed
    "[" * 34 + "]" * 34,                      # one deeper
    "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 34)) + "  " * 34 + "v\n",
    "",
    "# only a comment\n",
    "just text\n",
    *_WRAPPED,                                # Chinese wrapped over lines
    "a: &x 佳绩，\n  连续\nb: *x\n",            # wrapped, then read through an alias
])
def test_one_pass_reads_as_pyyaml_reads(text: str, loader: type) -> None:
    """The one-pass reading gives PyYAML's data (types and all), marks and duplicate-key
    problems, or the same error, for plain and unusual documents alike."""
    try:
        expected = _pyyaml_way(text, loader)
    except Exception as exc:  # any error must be the same one
        with pytest.raises(type(exc)) as caught:
            _one_pass(text, loader)
        assert str(caught.value) == str(exc)
        return
    assert _one_pass(text, loader) == expected


@pytest.mark.parametrize("loader", _LOADERS)
@pytest.mark.parametrize("path", ["specs/ningbo-2024.yaml", "specs/guangzhou-2023.yaml",
                                  "specs/hubei-2018.yaml", "specs/shanghai-2022.yaml",
                                  "specs/spc-ip-court-2020.yaml", "specs/glossary.yaml"])
def test_specs_read_in_one_pass_as_pyyaml_reads_them(path: str, loader: type) -> None:
    from pathlib import Path

    text = (Path(__file__).parents[2] / path).read_text(encoding="utf-8")
    assert _one_pass(text, loader) == _pyyaml_way(text, loader)


@pytest.mark.parametrize("loader", _LOADERS)
@pytest.mark.parametrize(("text", "expected"), [
    ("a: 佳绩，\n  连续四年\n", "佳绩，连续四年"),                   # plain
    ("a: >-\n  佳绩，\n  连续四年\n", "佳绩，连续四年"),             # folded block
    ("a: >\n  佳绩，\n  连续四年\n", "佳绩，连续四年\n"),           # its clipped line end kept
    ('a: "佳绩，\n    连续四年"\n', "佳绩，连续四年"),                # double-quoted
    ("a: '佳绩，\n    连续四年'\n", "佳绩，连续四年"),                # single-quoted
    ("a: 佳绩，\r\n  连续四年\r\n", "佳绩，连续四年"),               # Windows line ends
    ("- 全市专利\n  授权量  \n   增长\n", "全市专利授权量增长"),      # trailing blanks
    ("a: 宁波市\n  2024年\n", "宁波市2024年"),                      # Han, then a digit
    ("a: 增长\n  11.4%，\n  2024年\n", "增长11.4%，2024年"),         # a digit, then Han
    ("a: In 2024\n  宁波\n", "In 2024宁波"),                        # Latin, then Han
    ("a: one\n  two\n", "one two"),                                # English as YAML reads it
    ("a: 한국\n  서울\n", "한국 서울"),                               # Hangul keeps its space
    ("a: 佳绩，\n\n  连续\n", "佳绩，\n连续"),                        # a blank line: a line end
    ("a: |\n  佳绩，\n  连续\n", "佳绩，\n连续\n"),                   # literal: line ends kept
    ('a: "佳绩\\t，\n  连续"\n', "佳绩\t， 连续"),                    # an escape: left as read
    ("a: '它''好\n  连续'\n", "它'好 连续"),                           # a quote doubled: the same
    ("a: >-\n  佳绩，\n    连续\n", "佳绩，\n  连续"),                 # more indented: kept
    ("a: [佳绩，\n  连续, 二]\n", ["佳绩，连续", "二"]),                # inside a flow list
    ("\ufeffa: 佳绩，\n  连续\n", "佳绩，连续"),                        # after a byte-order mark
])
def test_a_folded_line_break_between_wide_characters_is_joined(loader: type, text: str,
                                                                expected: object) -> None:
    """A line break YAML folds into a space is removed where both its neighbours are
    wide (Chinese wrapped over lines of a spec); elsewhere YAML's reading stands."""
    data, _ = fastyaml.compose(text, loader)
    assert data == ({"a": expected} if text.lstrip("\ufeff").startswith("a:")
                    else [expected])


def _tags(node: yaml.Node | None) -> list[str]:
    """The tag of every node below ``node``, in document order."""
    if node is None:
        return []
    if isinstance(node, yaml.MappingNode):
        return [node.tag, *(tag for pair in node.value for child in pair for tag in _tags(child))]
    if isinstance(node, yaml.SequenceNode):
        return [node.tag, *(tag for child in node.value for tag in _tags(child))]
    return [node.tag]


def _composed(text: str, loader_class: type) -> yaml.Node | None:
    """The node tree ``loader_class`` composes of ``text``."""
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


@pytest.mark.parametrize("loader", _LOADERS)
@pytest.mark.parametrize("text", [
    *(f"a: {scalar}\n" for scalar in _PLAIN_SCALARS),
    "[yes, 'yes', 12, '12', ~, 2024-04-26, {a: 1.5}, [!!str 1, ! 2]]\n",
    "- !!seq [1]\n- !!map {a: 1}\n- ! [x]\n",
])
def test_tags_resolve_as_the_safe_loader_resolves_them(text: str, loader: type) -> None:
    """ipdocs' loaders tag every node as PyYAML's safe loader does, the second time a text
    is read (its plain scalars' tags remembered) as the first."""
    expected = _tags(_composed(text, yaml.SafeLoader))
    assert _tags(_composed(text, loader)) == expected
    assert _tags(_composed(text, loader)) == expected


def test_a_spec_is_tagged_as_the_safe_loader_tags_it() -> None:
    from pathlib import Path

    text = (Path(__file__).parents[2] / "specs/ningbo-2024.yaml").read_text(encoding="utf-8")
    for loader in _LOADERS:
        assert _tags(_composed(text, loader)) == _tags(_composed(text, yaml.SafeLoader))


def test_the_loaders_resolve_no_tag_by_path() -> None:
    """A path resolver added to PyYAML's own loader classes does not reach ipdocs'."""
    for loader in _LOADERS:
        assert loader.yaml_path_resolvers == {}
        assert loader.yaml_path_resolvers is not yaml.SafeLoader.yaml_path_resolvers
