"""Safe, bounded YAML: the one way ipdocs reads YAML (specs, figures, briefs, themes, words).

libyaml's parser is used where PyYAML was built with it (about ten times faster than the
pure-Python one); ``parse_either`` asks the pure parser again where libyaml refuses a
text, so what is refused and how the error reads do not depend on how PyYAML was built.

What is read, whatever the file says:

- only plain YAML: mappings, lists, strings, numbers, booleans and null. ``!!binary``,
  ``!!set`` (unordered: its order would follow the hash seed), ``!!omap`` and ``!!pairs``
  are refused with their line; a date (``2024-04-26``, or a ``!!timestamp``) is read as
  its text, which the model reads as a date;
- numbers as written, in decimal: an integer or a decimal in digits 0-9 is a number;
  the forms YAML 1.1 reads otherwise (``017`` octal, ``0x1F`` hex, ``0b11``, ``1:20``
  base 60, ``1_000``, ``.inf``, ``.nan``) are kept as the text they are, which the model
  refuses where it wants a number and keeps where it wants text;
- at most ``MAX_DEPTH`` collections inside each other, aliases included;
- aliases (``*name``) repeating at most ``MAX_ALIAS_VALUES`` values in all, and none
  inside its own anchor: an alias bomb is refused before anything is built from it.

Every refusal is a ``yaml.MarkedYAMLError`` with its line (``Refused``); ``read_yaml``
turns them into located problems. It knows only the base modules below it (problems,
deferred patterns, line folding, what a process keeps).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from ipdocs.base.folding import fold_wide
from ipdocs.base.kept import keep_afresh
from ipdocs.base.patterns import YAML_NON_PRINTABLE, YAML_TIMESTAMP, compiled_on_first_use
from ipdocs.base.problems import Mark, Marks, MarkTable, PathElement, Problem, error

with compiled_on_first_use(YAML_NON_PRINTABLE, YAML_TIMESTAMP):  # ipdocs' loaders use neither
    import yaml
    from yaml.composer import Composer, ComposerError

T = TypeVar("T")

MAX_DEPTH = 32
"""Collections inside each other, at most: a spec with sections six deep needs 17."""

MAX_ALIAS_VALUES = 10_000
"""Values that aliases may repeat in one file, in all."""

_INTEGER = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,39})")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,39})?\.[0-9]{0,40}(?:[eE][-+]?[0-9]{1,10})?")
_REFUSED_TAGS = {
    "binary": "binary data has no place in a report",
    "set": "a set has no order (the output would change from run to run): write a list",
    "omap": "write a mapping",
    "pairs": "write a mapping",
}


class Refused(ComposerError):
    """YAML that is well formed but refused: beyond a limit, or a tag that is not plain."""


def _scalar(loader: Any, node: yaml.Node) -> str:
    """The text of a scalar node, as written."""
    return str(loader.construct_scalar(node))


def _text(node: yaml.ScalarNode, source: str | None) -> str:
    """A string scalar's text, its folded line breaks beside a wide character joined
    without a space (``folding.fold_wide``; ``source`` is the whole file's text, where
    the loader knows it)."""
    value: str = node.value
    if source is None or node.start_mark.line == node.end_mark.line:
        return value
    return fold_wide(value, source[node.start_mark.index:node.end_mark.index], node.style)


def indexed_text(text: str, loader: Any) -> str:
    """``text`` as ``loader``'s marks count its characters: libyaml's skip a byte-order
    mark, PyYAML's own count it."""
    libyaml = getattr(yaml, "CSafeLoader", None)
    if text.startswith("\ufeff") and libyaml is not None and isinstance(loader, libyaml):
        return text[1:]
    return text


def _string(loader: Any, node: yaml.Node) -> str:
    """A string, as ``_text`` reads it (PyYAML's constructor, for documents ``_Plain``
    leaves to it)."""
    if not isinstance(node, yaml.ScalarNode):
        return str(loader.construct_scalar(node))  # refused by construct_scalar
    return _text(node, getattr(loader, "ipdocs_text", None))


def _integer(loader: Any, node: yaml.Node) -> int | str:
    """A decimal integer as an int; any other form YAML 1.1 calls an integer (017, 0x1F,
    1:20, 1_000) as its text."""
    text = _scalar(loader, node)
    return int(text) if _INTEGER.fullmatch(text) else text


def _exact(loader: Any, node: yaml.Node) -> Decimal | str:
    """A decimal fraction as the exact Decimal it spells (610.93 stays 610.93); other
    forms (1_000.5, 1:20.5, .inf, .nan, 017.5) as their text."""
    text = _scalar(loader, node)
    return Decimal(text) if _DECIMAL.fullmatch(text) and text.strip("+-.") else text


def _float(loader: Any, node: yaml.Node) -> float | str:
    """A decimal fraction as a float (themes and word tables); other forms as their text."""
    text = _scalar(loader, node)
    return float(text) if _DECIMAL.fullmatch(text) and text.strip("+-.") else text


def _refuse(loader: Any, node: yaml.Node) -> Any:
    """Refuse a tag that is not plain, at its line."""
    tag = str(node.tag).rsplit(":", 1)[-1]
    raise Refused(None, None, f"the YAML tag !!{tag} is not allowed: {_REFUSED_TAGS[tag]}",
                  node.start_mark)


PLAIN_TAGS_KEPT = 4096
"""Plain scalars whose tag a loader class remembers (``_TagsByText``), then forgets all."""


class _TagsByText:
    """PyYAML's resolving of tags, as its safe loader does it, at less cost: libyaml's
    composer calls ``resolve`` for every node and ``descend_resolver`` and
    ``ascend_resolver`` around it, in Python (some 2,400 nodes of three calls each in
    Ningbo's spec).

    ipdocs' loaders resolve no tag by a node's path (``_configure`` gives each its own
    ``yaml_path_resolvers``, empty), so the two calls around each node have nothing to
    do: they are built-ins that take the same arguments and do nothing of note (no Python
    frame for either). A plain scalar's tag then depends on its text alone: the one the
    safe loader's implicit resolvers give is remembered by the text, in a mapping of each
    loader class; a quoted scalar's and a collection's are the defaults."""

    plain_tags: dict[str, str]

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: Any) -> str:
        """The tag of a node of ``kind`` without one (``BaseResolver.resolve``)."""
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return self.DEFAULT_SCALAR_TAG  # type: ignore[attr-defined,no-any-return]
            assert value is not None
            tag = self.plain_tags.get(value)
            if tag is None:
                tag = keep_afresh(self.plain_tags, value,
                                  super().resolve(kind, value, implicit),  # type: ignore[misc]
                                  PLAIN_TAGS_KEPT)
            return tag
        if kind is yaml.SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG  # type: ignore[attr-defined,no-any-return]
        return self.DEFAULT_MAPPING_TAG  # type: ignore[attr-defined,no-any-return]


class _DepthGuard:
    """A composer that refuses collections nested more than MAX_DEPTH deep, so that the
    pure parser's recursive composer never runs out of stack."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Compose one node, counting how deep it stands."""
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH + 1:
                mark = self.peek_event().start_mark  # type: ignore[attr-defined]
                raise Refused(None, None, f"nested more than {MAX_DEPTH} deep", mark)
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1


def _configure(cls: type[Any], number: Callable[[Any, yaml.Node], Any]) -> type[Any]:
    """Give a loader class ipdocs' tags: numbers as written, dates as text, the rest
    refused; and its own memory of plain scalars' tags (``_TagsByText``)."""
    cls.plain_tags = {}
    cls.yaml_path_resolvers = {}  # no tag by a node's path (so no bookkeeping around nodes)
    cls.descend_resolver = staticmethod(operator.is_)  # (node, index): nothing kept
    cls.ascend_resolver = staticmethod(tuple)  # (): nothing kept
    cls.add_constructor("tag:yaml.org,2002:int", _integer)
    cls.add_constructor("tag:yaml.org,2002:float", number)
    cls.add_constructor("tag:yaml.org,2002:timestamp", _scalar)
    cls.add_constructor("tag:yaml.org,2002:str", _string)
    for tag in _REFUSED_TAGS:
        cls.add_constructor(f"tag:yaml.org,2002:{tag}", _refuse)
    return cls


class PureLoader(_DepthGuard, _TagsByText, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, bounded; fractions read as exact Decimals."""


class PureFloatLoader(_DepthGuard, _TagsByText, yaml.SafeLoader):
    """The same, with fractions read as floats (themes, word tables)."""


_configure(PureLoader, _exact)
_configure(PureFloatLoader, _float)

def _libyaml_bounds_nesting() -> bool:
    """Whether libyaml refuses deep nesting itself: its composer recurses in C, so one
    that does not (libyaml before its nesting limit, in old PyYAML wheels) would crash
    on a deep document instead of raising."""
    try:
        yaml.CSafeLoader("[" * 1100 + "]" * 1100).get_single_node()
    except yaml.YAMLError:
        return True
    return False


class _EventsComposer(_DepthGuard, Composer):
    """libyaml's parser with PyYAML's composer (guarded): where libyaml has no nesting
    limit, its events are composed in Python, where depth is bounded."""


FastLoader: type[Any] | None = None
"""libyaml's safe loader with the same rules, if PyYAML has it (fractions as Decimals)."""
FastFloatLoader: type[Any] | None = None
"""libyaml's safe loader with fractions as floats, if PyYAML has it."""

if getattr(yaml, "CSafeLoader", None) is not None:
    if _libyaml_bounds_nesting():
        class _CLoader(_TagsByText, yaml.CSafeLoader):
            """libyaml's safe loader (libyaml bounds nesting itself, at 1000)."""

        class _CFloatLoader(_TagsByText, yaml.CSafeLoader):
            """libyaml's safe loader, fractions as floats."""
    else:
        class _CLoader(_EventsComposer, _TagsByText,  # type: ignore[no-redef]
                       yaml.CSafeLoader):
            """libyaml's parser, composed in Python with its depth bounded."""

            def __init__(self, stream: str) -> None:
                yaml.CSafeLoader.__init__(self, stream)
                Composer.__init__(self)

        class _CFloatLoader(_CLoader):  # type: ignore[no-redef]
            """The same, fractions as floats."""

    FastLoader = _configure(_CLoader, _exact)
    FastFloatLoader = _configure(_CFloatLoader, _float)


def parse_either(parse: Callable[[type[Any]], T], fast: type[Any] | None,
                 pure: type[Any]) -> T:
    """``parse`` run with the libyaml loader ``fast`` where there is one, and with the
    pure-Python loader ``pure`` where there is none or libyaml rejects the text.

    So what is refused, and how the error reads (the line, with a caret under the
    place), does not depend on how PyYAML was built; ``yaml.YAMLError`` if the pure
    parser rejects the text too. A ``Refused`` (a limit, a tag) is raised from the first
    parser: it reads the same from either, and the pure one would take ten times as long.
    """
    if fast is not None:
        try:
            return parse(fast)
        except Refused:
            raise  # ipdocs' own refusal reads the same from either parser
        except yaml.YAMLError:
            pass
    return parse(pure)


def _children(node: yaml.Node) -> list[tuple[yaml.Node, yaml.Node]]:
    """A collection's children, each with the node that marks where it is used (for a
    mapping's value, its key)."""
    if isinstance(node, yaml.MappingNode):
        return [pair for key, value in node.value for pair in ((key, key), (value, key))]
    if isinstance(node, yaml.SequenceNode):
        return [(child, node) for child in node.value]
    return []


class _Expansion:
    """What a node graph expands to: each node's size and depth, counted once per node
    (so an alias bomb is measured in time linear in the file, not in its expansion)."""

    def __init__(self) -> None:
        self.size: dict[int, int] = {}
        self.depth: dict[int, int] = {}
        self.repeated = 0

    def use(self, child: yaml.Node, where: yaml.Node) -> None:
        """Count a use of ``child`` already measured: an alias, repeating its values."""
        self.repeated += self.size[id(child)]
        if self.repeated > MAX_ALIAS_VALUES:
            raise Refused(None, None, f"YAML aliases repeat more than {MAX_ALIAS_VALUES:,} "
                          "values in all", where.start_mark)

    def finish(self, node: yaml.Node, children: list[yaml.Node]) -> None:
        """Measure ``node`` once its ``children`` are measured."""
        self.size[id(node)] = 1 + sum(self.size[id(c)] for c in children)
        depth = 1 + max((self.depth[id(c)] for c in children), default=0)
        if depth > MAX_DEPTH + 1:
            raise Refused(None, None, f"nested more than {MAX_DEPTH} deep (aliases "
                          "included)", node.start_mark)
        self.depth[id(node)] = depth


def check_graph(root: yaml.Node) -> None:
    """Refuse a composed document whose aliases repeat too much, recur, or nest too deep
    (``Refused``); iterative, so no document can exhaust the stack, and linear in the
    number of nodes: each collection's children are listed once, when it is entered."""
    seen = _Expansion()
    open_nodes: set[int] = {id(root)}
    stack: list[tuple[yaml.Node, list[tuple[yaml.Node, yaml.Node]], int]] = [
        (root, _children(root), 0)]
    while stack:
        node, children, index = stack.pop()
        if index == len(children):
            open_nodes.discard(id(node))
            seen.finish(node, [child for child, _ in children])
            continue
        stack.append((node, children, index + 1))
        child, where = children[index]
        if id(child) in open_nodes:
            raise Refused(None, None, "an alias refers to a value that contains it",
                          where.start_mark)
        if id(child) in seen.size:
            seen.use(child, where)
        else:
            open_nodes.add(id(child))
            stack.append((child, _children(child), 0))


def _walk_once(root: yaml.Node) -> bool:
    """Refuse a tree nested more than MAX_DEPTH deep (``Refused``); whether any node is
    reached twice (an alias). Each node is entered once, so this is linear in the file."""
    seen: set[int] = set()
    shared = False
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            shared = True
            continue
        seen.add(id(node))
        if depth > MAX_DEPTH + 1:
            raise Refused(None, None, f"nested more than {MAX_DEPTH} deep", node.start_mark)
        if isinstance(node, yaml.MappingNode):
            stack += [(child, depth + 1) for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
    return shared


def _refuse_next_line(text: str) -> None:
    """Refuse U+0085, the one C1 control YAML reads (as a line break, so a text holding
    it would silently become another): ``Refused`` at its line and column."""
    index = text.find("\x85")
    if index < 0:
        return
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    raise Refused(None, None, "character U+0085 NEXT LINE (NEL) is not allowed: a control "
                  "character, which YAML would read as a line break",
                  yaml.Mark("<text>", index, line, column, "", 0))


def _scanner_problem(exc: Exception) -> str:
    """What a scanner's ValueError means to the author of the text."""
    if "chr()" in str(exc):
        return "an escape names no character: \\U escapes go up to \\U0010FFFF"
    return f"cannot be read: {exc}"


def compose(text: str, loader_class: type[Any], marks: MarkTable | None = None,
            problems: list[Problem] | None = None) -> tuple[Any, yaml.Node | None]:
    """The data and the node tree of a YAML text, checked (YAMLError when refused): the
    tree's depth always, what aliases repeat where there are aliases. Where ``marks`` and
    ``problems`` are given (empty), the marks of the values and the duplicate keys are
    added to them (``_walk``)."""
    _refuse_next_line(text)
    loader = loader_class(text)
    loader.ipdocs_text = indexed_text(text, loader)
    try:
        try:
            node = loader.get_single_node()
        except (ValueError, OverflowError) as exc:  # PyYAML's scanner: chr(0x110000)
            raise yaml.MarkedYAMLError(None, None, _scanner_problem(exc),
                                       loader.get_mark()) from None
        if node is None:
            return None, None
        try:
            return _Plain(loader, marks, problems).value(node, (), 1), node
        except _Unusual:
            if marks is not None:
                marks.clear()
            if problems is not None:
                problems.clear()
        if _walk_once(node):
            check_graph(node)
        data = loader.construct_document(node)
        if marks is not None:
            _walk(node, (), marks, [] if problems is None else problems)
        return data, node
    finally:
        loader.dispose()


class _Unusual(Exception):
    """A document ``_Plain`` leaves to PyYAML's constructor and ``_walk_once``: an alias, a
    tag other than the plain ones, a merge key, a collection as a key, nesting too deep."""


_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{tag}" for tag in
                         ("null", "bool", "int", "float", "timestamp"))
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _Plain:
    """A plain document's data (and, where asked, the marks of its values and its
    duplicate keys) in one pass over its nodes, each entered once: what PyYAML's
    constructor, ``_walk_once`` and ``_walk`` give it, from the same constructors, with
    none of their bookkeeping. Anything else raises ``_Unusual`` before the document's
    data is returned, and is read as before."""

    def __init__(self, loader: Any, marks: MarkTable | None, problems: list[Problem] | None
                 ) -> None:
        self.loader = loader
        self.constructors = loader.yaml_constructors
        self.marks = marks
        self.problems = problems
        self.seen: set[int] = set()

    def value(self, node: yaml.Node, path: tuple[str, ...], depth: int) -> Any:
        """The data of ``node``, at ``path`` and ``depth`` (the root at 1)."""
        if id(node) in self.seen or depth > MAX_DEPTH + 1:
            raise _Unusual
        self.seen.add(id(node))
        if self.marks is not None:
            mark = node.start_mark
            self.marks[path] = mark.line + 1, mark.column + 1
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        tag = node.tag
        if isinstance(node, yaml.SequenceNode) and tag == _SEQ:
            if self.marks is None:
                return [self.value(item, path, depth + 1) for item in node.value]
            return [self.value(item, (*path, str(index)), depth + 1)
                    for index, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode) and tag == _MAP:
            return self.mapping(node, path, depth)
        raise _Unusual

    def scalar(self, node: yaml.ScalarNode) -> Any:
        """The data of a scalar node of a plain tag, by the loader's own constructor."""
        tag = node.tag
        if tag == _STR:
            return _text(node, self.loader.ipdocs_text)
        if tag not in _SCALAR_TAGS or (tag == _BOOL and
                                       node.value.lower() not in self.loader.bool_values):
            raise _Unusual
        return self.constructors[tag](self.loader, node)

    def mapping(self, node: yaml.MappingNode, path: tuple[str, ...], depth: int
                ) -> dict[Any, Any]:
        """The data of a mapping node (``value``); a duplicate key reported as ``_walk``
        reports it."""
        out: dict[Any, Any] = {}
        seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Unusual
            if id(key_node) in self.seen:
                raise _Unusual
            self.seen.add(id(key_node))
            key = self.scalar(key_node)
            if self.marks is not None:
                name = str(key_node.value)
                start = key_node.start_mark
                if name in seen and self.problems is not None:
                    self.problems.append(error(
                        (*_typed(path), name),
                        f"duplicate key {name!r} (first at line {seen[name][0]})")
                        .at(start.line + 1, start.column + 1))
                seen[name] = start.line + 1, start.column + 1
                out[key] = self.value(value_node, (*path, name), depth + 1)
            else:
                out[key] = self.value(value_node, path, depth + 1)
        return out


def safe_load(text: str) -> Any:
    """The data of one YAML document, with only plain types, fractions as floats
    (see ``parse_either``)."""
    data, _ = parse_either(lambda loader: compose(text, loader), FastFloatLoader,
                           PureFloatLoader)
    return data




def _mark(node: yaml.Node) -> Mark:
    """The 1-based line and column where ``node`` starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(node: yaml.Node, path: tuple[str, ...], marks: MarkTable,
          problems: list[Problem]) -> None:
    """Record the mark of every value below ``node``; report duplicate keys."""
    marks[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                line, column = _mark(key_node)
                problems.append(error((*_typed(path), key),
                                      f"duplicate key {key!r} (first at line {seen[key][0]})")
                                .at(line, column))
            seen[key] = _mark(key_node)
            _walk(value_node, (*path, key), marks, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, str(index)), marks, problems)


def _typed(path: tuple[str, ...]) -> tuple[PathElement, ...]:
    """A path with list indexes as ints, for display."""
    return tuple(int(step) if step.isdigit() else step for step in path)


def _reader_problem(exc: yaml.reader.ReaderError, text: str) -> Problem:
    """A located error for a character YAML does not allow (a control character)."""
    before = text[:exc.position]
    line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, int) else ord(exc.character)
    return error((), f"malformed YAML: character U+{char:04X} is not allowed "
                     f"({exc.reason})").at(line, column)


def _syntax_problem(exc: yaml.YAMLError, text: str) -> Problem:
    """A located error from YAML that is malformed or refused."""
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(exc, text)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    prefix = "" if isinstance(exc, Refused) else "malformed YAML: "
    message = prefix + problem + (f" ({context})" if context else "")
    located = error((), message)
    return located.at(mark.line + 1, mark.column + 1) if mark else located


def read_yaml(text: str, *, exact: bool = True) -> tuple[Any, Marks, list[Problem]]:
    """Parse YAML safely: the data, the marks of its values, and any problems, each
    located. Fractions are exact Decimals, or floats where ``exact`` is false."""
    fast, pure = (FastLoader, PureLoader) if exact else (FastFloatLoader, PureFloatLoader)
    marks: MarkTable = {}
    problems: list[Problem] = []

    def parse(loader: type[Any]) -> tuple[Any, yaml.Node | None]:
        marks.clear()
        problems.clear()
        return compose(text, loader, marks, problems)

    try:
        data, node = parse_either(parse, fast, pure)
    except yaml.YAMLError as exc:
        return None, {}, [_syntax_problem(exc, text)]
    if node is None:
        return None, {}, []
    return data, marks, problems
