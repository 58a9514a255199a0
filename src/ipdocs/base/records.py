"""``datarecord``: a standard-library dataclass, made with less compiling.

Python 3.11's ``dataclasses`` writes each method it adds as source text and compiles it,
one ``exec`` a method: a frozen dataclass of five fields cost some 4.2 M instructions to
define, and a cold zh PDF build defines about a hundred of ipdocs' own. ``datarecord`` has
the standard library make the class (its fields, ``__init__``, a frozen class's
``__setattr__`` and ``__delattr__``, ``__match_args__``, ``dataclasses.fields``,
``replace`` and ``asdict`` as ever) but gives it ``__repr__``, ``__eq__`` and
``__hash__`` made from closures over the field names, with the standard library's
results: the same text (and ``...`` for a value that holds itself), equality of the same
class only and by the tuple of the compared fields, the hash of that tuple, and a
method the class defines itself kept, as ``dataclass`` keeps it. About a third less of
the cost of each class.

On Python 3.11 and 3.12, which compile each method apart, a documented record is made
by parts (``_parts``): the standard library makes the class without an ``__init__``; the
``__init__`` is made the first time it is looked up (a record a process never makes
never has one): for the common shape (every field a positional parameter without a
default factory, no ``__post_init__``), not compiled but made from the code of an
``__init__`` of as many fields (``base.recordinits``, compiled on install as any module,
made by ``python -m ipdocs.base.records``), with the record's field names put in its
parameters and assignments, its annotations and defaults given to the function after
(``_plain_init``: the same parameters, defaults, annotations, assignments and so
messages; a cold zh PDF makes 69 records' ``__init__``, 57 of this shape, from 17
templates: 6.9 ms of compiling became 1.4 ms of making); for any other, the standard
library's own (``dataclasses._init_fn``, the same arguments, so the same text). A frozen
record's ``__setattr__`` and ``__delattr__`` are closures with the standard library's
tests and messages. Python 3.13 compiles a class's methods in one go: there, and for a
class that defines one of these itself, has a dataclass base or no docstring,
``dataclass`` makes the class as ever.
"""

from __future__ import annotations

import dataclasses
import sys
import types
from _thread import get_ident
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

from ipdocs.base import recordinits  # imported everywhere: the kept results name it

T = TypeVar("T")


def tuple_getter(names: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the tuple of an object's ``names`` (``()`` for none)."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    many: Callable[[Any], tuple[Any, ...]] = attrgetter(*names)
    return many


def _repr(names: Sequence[str]) -> Callable[[Any], str]:
    """``Name(a=1, b='x')`` over ``names``, ``...`` for an object inside its own repr in
    the same thread (as the standard library's ``_recursive_repr``)."""
    running: set[tuple[int, int]] = set()

    def __repr__(self: Any) -> str:
        key = id(self), get_ident()
        if key in running:
            return "..."
        running.add(key)
        try:
            inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
            return f"{self.__class__.__qualname__}({inner})"
        finally:
            running.discard(key)

    return __repr__


def _eq(names: Sequence[str]) -> Callable[[Any, Any], Any]:
    """Equality of two objects of the same class by the tuples of ``names``."""
    values = tuple_getter(names)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(names: Sequence[str]) -> Callable[[Any], int]:
    """The hash of the tuple of ``names``."""
    values = tuple_getter(names)

    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


_INIT_FN: Callable[..., Callable[..., None]] | None = (
    getattr(dataclasses, "_init_fn", None) if sys.version_info[:2] in ((3, 11), (3, 12))
    else None)
"""The standard library's maker of a dataclass's ``__init__`` where it compiles each
method apart (3.11, 3.12), else None: frozen records are then made by ``dataclass``."""


def _by_parts(cls: type[Any], frozen: bool) -> bool:
    """Whether the record ``cls`` gets its methods from ``_parts`` (else from
    ``dataclass``): not where the class defines one of them itself, has a dataclass base
    (whose frozenness ``dataclass`` checks) or no docstring (which ``dataclass`` writes
    from the ``__init__``'s signature)."""
    own = cls.__dict__
    mine = ("__init__", "__setattr__", "__delattr__") if frozen else ("__init__",)
    return (_INIT_FN is not None and bool(cls.__doc__)
            and not any(name in own for name in mine)
            and not any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]))


class _LazyInit:
    """A record's ``__init__`` until it is first looked up (the first instance made, or
    ``Record.__init__`` read): then ``_plain_init``'s or, for a record of another shape,
    the standard library's, compiled by its own ``_init_fn`` from the same arguments as
    ``dataclass`` gives it, replaces this in the class. A record a process never makes
    is never compiled."""

    __slots__ = ("_args", "_made")

    def __init__(self, made: type[Any], args: tuple[Any, ...]) -> None:
        self._made = made
        self._args = args

    def __get__(self, obj: Any, owner: type[Any] | None = None) -> Any:
        assert _INIT_FN is not None
        init = _plain_init(*self._args) or _INIT_FN(*self._args)
        init.__qualname__ = f"{self._made.__qualname__}.__init__"
        self._made.__init__ = init
        return init.__get__(obj, owner)


_SETTER = "__record_setattr__"
"""The name a frozen record's plain ``__init__`` (``_plain_init``) gives ``object.__setattr__``."""


def _plain_init(fields: Sequence[Any], positional: Sequence[Any],
                kw_only: Sequence[Any], frozen: bool, post_init: bool, self_name: str,
                module: dict[str, Any], slots: bool) -> Callable[..., None] | None:
    """The ``__init__`` of a record of the common shape (every field a positional
    parameter, without a default factory; no ``__post_init__``, no ``InitVar``, no field
    named ``self``), made from the code of one of its number of fields (``_template``)
    with the field names put in, not compiled: the same parameters, defaults,
    annotations, assignments and globals. None for any other shape (the arguments are
    ``_init_fn``'s)."""
    if (post_init or kw_only or slots or self_name != "self" or len(positional) != len(fields)
            or any(f._field_type is not _FIELD or not f.init or f.kw_only
                   or f.default_factory is not dataclasses.MISSING or f.name == _SETTER
                   for f in fields)):
        return None
    names = tuple(f.name for f in fields)
    template = _template(len(names), frozen)
    named = dict(zip(template.co_varnames[1:], names, strict=True))
    code = template.replace(
        co_varnames=("self", *names),
        co_names=tuple(named.get(name, name) for name in template.co_names),
        co_consts=tuple(named.get(c, c) if isinstance(c, str) else c
                        for c in template.co_consts))
    init: Callable[..., None] = types.FunctionType(  # a frozen one's setter a free name
        code, module, "__init__", None,
        tuple(types.CellType(object.__setattr__) for _ in code.co_freevars) or None)
    defaults = tuple(f.default for f in fields if f.default is not dataclasses.MISSING)
    init.__defaults__ = defaults or None
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    return init


_TEMPLATES: dict[tuple[int, bool], types.CodeType] = {}
"""The code of a plain record's ``__init__`` by its number of fields and frozenness,
found once a process (``_template``)."""

TEMPLATED = 24
"""Up to how many fields ``base.recordinits`` holds the templates compiled (on install,
as any module), so that a process compiles none of them."""


def _template(count: int, frozen: bool) -> types.CodeType:
    """The code of the ``__init__`` of a plain record of ``count`` fields, frozen or not,
    the fields' names placeholders (``__record_field_0__``…, each a parameter, and in
    the assignments an attribute's name, or for a frozen record the name given to
    ``object.__setattr__``): ``_plain_init`` puts a record's names in their places.
    Taken from ``base.recordinits`` (``_template_source``'s functions, made by
    ``python -m ipdocs.base.records``), compiled for a record of more fields: a cold zh
    PDF build used to compile 17 of them, some 3 ms."""
    code = _TEMPLATES.get((count, frozen))
    if code is None:
        make = getattr(recordinits, _template_name(count, frozen), None)
        if make is None:
            namespace: dict[str, Any] = {}
            exec(_template_source(count, frozen), {}, namespace)  # placeholders alone
            make = namespace[_template_name(count, frozen)]
        code = make(object.__setattr__).__code__
        _TEMPLATES[count, frozen] = code
    return code


def _template_name(count: int, frozen: bool) -> str:
    """The name of the function that makes the template of ``count`` fields."""
    return f"_{'frozen' if frozen else 'plain'}_{count}"


def _template_source(count: int, frozen: bool) -> str:
    """The source of the function that makes the ``__init__`` of a plain record of
    ``count`` fields, frozen or not (``_template``): the frozen one's setter a free
    name."""
    names = [f"__record_field_{index}__" for index in range(count)]
    body = ([f"{_SETTER}(self, {name!r}, {name})" for name in names] if frozen
            else [f"self.{name} = {name}" for name in names]) or ["pass"]
    return (f"def {_template_name(count, frozen)}({_SETTER}):\n"
            f"    def __init__(\n"
            + "".join(f"            {name},\n" for name in ["self", *names])
            + "    ):\n"
            + "".join(f"        {line}\n" for line in body) + "    return __init__\n")


def templates_source() -> str:
    """The text of ``base.recordinits``: every template up to ``TEMPLATED`` fields."""
    functions = [_template_source(count, frozen) for count in range(TEMPLATED + 1)
                 for frozen in (False, True)]
    return ('"""The code of plain records\' ``__init__``, by number of fields and '
            'frozenness\n(``records._template``). Made by ``python -m '
            'ipdocs.base.records``: do not edit."""\n\n'
            "# mypy: ignore-errors\n# (templates: their parameters are named when a record "
            "takes them)\n\n\n" + "\n\n".join(functions))


_FIELD = vars(dataclasses)["_FIELD"]
"""The standard library's mark of a field proper (not an ``InitVar`` or ``ClassVar``)."""


def _in_order(fields: Sequence[dataclasses.Field[Any]]) -> None:
    """TypeError as ``dataclass`` raises it where a field without a default follows one
    with a default among the ``__init__``'s positional parameters."""
    seen_default = False
    for f in fields:
        if not (f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING):
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")


def _parts(made: type[Any], frozen: bool) -> None:
    """Give ``made`` (a dataclass made with ``init=False``, not frozen) what
    ``dataclass(frozen=frozen)`` would have: the same ``__init__`` from the standard
    library (compiled on first use, ``_LazyInit``) and, frozen, ``__setattr__`` and
    ``__delattr__`` that refuse as the standard library's."""
    every = made.__dataclass_fields__
    field_kinds = (vars(dataclasses)["_FIELD"], vars(dataclasses)["_FIELD_INITVAR"])
    in_init = [f for f in every.values() if f._field_type in field_kinds]
    positional = tuple(f for f in in_init if f.init and not f.kw_only)
    _in_order(positional)
    module = sys.modules.get(made.__module__)
    made.__init__ = _LazyInit(made, (
        in_init, positional, tuple(f for f in in_init if f.init and f.kw_only), frozen,
        hasattr(made, "__post_init__"), "__dataclass_self__" if "self" in every else "self",
        module.__dict__ if module is not None else {}, False))
    params = made.__dataclass_params__
    params.init = True
    if not frozen:
        return
    names = tuple(f.name for f in dataclasses.fields(made))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is made or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(made, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is made or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(made, self).__delattr__(name)

    for method in (__setattr__, __delattr__):
        method.__qualname__ = f"{made.__qualname__}.{method.__name__}"
        setattr(made, method.__name__, method)
    params.frozen = True


def _made(cls: type[T], frozen: bool) -> type[T]:
    """``cls`` as ``dataclasses.dataclass(cls, frozen=frozen)`` makes it (``eq`` and
    ``repr`` true, the rest as their defaults)."""
    own = cls.__dict__
    own_repr, own_eq = "__repr__" in own, "__eq__" in own
    own_hash = own.get("__hash__", dataclasses.MISSING)
    explicit_hash = not (own_hash is dataclasses.MISSING or (own_hash is None and own_eq))
    if _by_parts(cls, frozen):
        made = dataclasses.dataclass(cls, init=False, repr=False, eq=False)
        _parts(made, frozen)
    else:
        made = dataclasses.dataclass(cls, frozen=frozen, repr=False, eq=False)
    fields = dataclasses.fields(made)  # type: ignore[arg-type]
    if not own_repr:
        made.__repr__ = _repr([f.name for f in fields if f.repr])  # type: ignore[method-assign]
    if not own_eq:
        made.__eq__ = _eq([f.name for f in fields if f.compare])  # type: ignore[method-assign]
    if not explicit_hash:
        # what dataclass does with eq=True: a frozen class hashes its compared fields,
        # any other is unhashable
        made.__hash__ = _hash([f.name for f in fields  # type: ignore[assignment,method-assign]
                               if (f.compare if f.hash is None else f.hash)]) \
            if frozen else None
    params = made.__dataclass_params__  # type: ignore[attr-defined]
    params.repr = params.eq = True
    return made


@overload
def datarecord(cls: type[T], /) -> type[T]: ...


@overload
def datarecord(*, frozen: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def datarecord(cls: type[T] | None = None, /, *,
           frozen: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """``@datarecord`` or ``@datarecord(frozen=True)``: as ``@dataclass`` and
    ``@dataclass(frozen=True)``, with less compiling (see the module)."""
    if cls is None:
        return lambda c: _made(c, frozen)
    return _made(cls, frozen)


if __name__ == "__main__":
    from pathlib import Path

    target = Path(__file__).with_name("recordinits.py")
    target.write_text(templates_source(), encoding="utf-8")
    print(f"wrote {target}")
