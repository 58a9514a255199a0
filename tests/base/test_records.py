"""``datarecord`` makes the classes ``dataclass`` makes (``ipdocs.base.records``)."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipdocs.base import records
from ipdocs.base.records import datarecord


def _pair(frozen: bool, body: dict[str, Any], annotations: dict[str, Any]) -> tuple[type, type]:
    """The same class made by ``dataclass`` and by ``datarecord``."""
    made = []
    for decorator in (dataclass(frozen=frozen), datarecord(frozen=frozen)):
        namespace = {"__annotations__": dict(annotations), "__module__": __name__,
                     "__qualname__": "Thing", **body}
        made.append(decorator(type("Thing", (), namespace)))
    return made[0], made[1]


_SHAPES = [
    ({}, {}),
    ({}, {"a": "int"}),
    ({"b": ""}, {"a": "int", "b": "str"}),
    ({"b": field(default=0, repr=False), "c": field(default=1.0, compare=False)},
     {"a": "Any", "b": "int", "c": "float"}),
    ({"b": field(default=0, hash=False), "c": field(default=(), hash=True, compare=False)},
     {"a": "Any", "b": "int", "c": "tuple"}),
]

_VALUES = st.one_of(st.integers(-3, 3), st.floats(allow_nan=True), st.text(max_size=3),
                    st.tuples(st.integers(0, 2)), st.none())


@pytest.mark.parametrize("frozen", [False, True])
@pytest.mark.parametrize(("body", "annotations"), _SHAPES)
@given(first=st.lists(_VALUES, min_size=3, max_size=3),
       second=st.lists(_VALUES, min_size=3, max_size=3))
def test_datarecord_answers_as_dataclass(frozen: bool, body: dict[str, Any],
                                     annotations: dict[str, Any], first: list[Any],
                                     second: list[Any]) -> None:
    plain, fast = _pair(frozen, body, annotations)
    names = list(annotations)
    a = [dict(zip(names, values, strict=False)) for values in (first, second)]
    p1, p2 = plain(**a[0]), plain(**a[1])
    f1, f2 = fast(**a[0]), fast(**a[1])
    assert repr(f1) == repr(p1)
    assert (f1 == f2) == (p1 == p2)
    assert (f1 == f1) == (p1 == p1)  # a NaN field: the tuple compares by identity first
    assert (f1 == p1) is False
    assert f1.__eq__(object()) is NotImplemented
    assert [f.name for f in dataclasses.fields(fast)] == names
    assert fast.__dataclass_params__.frozen == frozen
    assert fast.__dataclass_params__.eq and fast.__dataclass_params__.repr
    assert fast.__match_args__ == plain.__match_args__
    if frozen:
        assert hash(f1) == hash(p1)
        with pytest.raises(dataclasses.FrozenInstanceError):
            f1.x = 1
    else:
        assert fast.__hash__ is None
        with pytest.raises(TypeError):
            hash(f1)
    assert dataclasses.replace(f1) == f1
    assert dataclasses.asdict(f1) == dataclasses.asdict(p1)


def test_a_method_the_class_defines_is_kept() -> None:
    @datarecord(frozen=True)
    class Own:
        a: int

        def __repr__(self) -> str:
            return "own"

        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return 7

    assert repr(Own(1)) == "own" and Own(1) == Own(2) and hash(Own(3)) == 7


def test_an_eq_of_its_own_makes_a_frozen_record_hash_its_fields_as_dataclass() -> None:
    @datarecord(frozen=True)
    class Own:
        a: int

        def __eq__(self, other: object) -> bool:
            return False

    @dataclass(frozen=True)
    class Std:
        a: int

        def __eq__(self, other: object) -> bool:
            return False

    assert hash(Own(5)) == hash(Std(5))


def test_a_repr_that_holds_itself_stops() -> None:
    @datarecord
    class Box:
        item: Any = None

    box = Box()
    box.item = [box]
    assert repr(box) == f"{Box.__qualname__}(item=[...])"


def test_subclasses_and_bare_records_and_pickling() -> None:
    made = _Base(1), _Derived(1, "x")
    assert repr(made[1]) == "_Derived(a=1, b='x')"
    assert made[0] != made[1]
    assert pickle.loads(pickle.dumps(made[1])) == made[1]
    assert _Bare(2) == _Bare(2) and repr(_Bare(2)) == "_Bare(n=2)"


@datarecord(frozen=True)
class _Base:
    a: int


@datarecord(frozen=True)
class _Derived(_Base):
    b: str = ""


@datarecord
class _Bare:
    n: int


def _documented_pair(frozen: bool, body: dict[str, Any],
                     annotations: dict[str, Any]) -> tuple[type, type]:
    """The same documented class made by ``dataclass`` and by ``datarecord`` (which makes
    it by parts on Python 3.11 and 3.12)."""
    return _pair(frozen, {"__doc__": "A thing.", **body}, annotations)


_PARTS_SHAPES = [
    ({}, {}),
    ({}, {"self": "int"}),
    ({"b": field(default_factory=list), "c": field(default=3, init=False)},
     {"a": "int", "b": "list[int]", "c": "int"}),
    ({"c": field(default=2, kw_only=True)}, {"a": "int", "b": "str", "c": "int"}),
    ({"b": field(default_factory=dict, init=False)}, {"a": "Any", "b": "dict"}),
]


@pytest.mark.parametrize("frozen", [False, True])
@pytest.mark.parametrize(("body", "annotations"), _PARTS_SHAPES)
def test_a_record_made_by_parts_is_made_and_refuses_as_dataclass(
        frozen: bool, body: dict[str, Any], annotations: dict[str, Any]) -> None:
    import inspect

    plain, fast = _documented_pair(frozen, body, annotations)
    by_parts = records._INIT_FN is not None  # Python 3.11 and 3.12
    assert isinstance(vars(fast)["__init__"], records._LazyInit) == by_parts  # not compiled
    assert str(inspect.signature(fast)) == str(inspect.signature(plain))
    assert vars(fast)["__init__"] is fast.__init__  # looked up: the compiled one, kept
    assert fast.__init__.__annotations__ == plain.__init__.__annotations__
    assert fast.__init__.__defaults__ == plain.__init__.__defaults__
    assert fast.__init__.__kwdefaults__ == plain.__init__.__kwdefaults__
    assert fast.__init__.__globals__ is plain.__init__.__globals__
    methods = ("__init__", "__setattr__", "__delattr__") if frozen else ("__init__",)
    for name in methods:
        assert getattr(fast, name).__qualname__ == getattr(plain, name).__qualname__
    assert fast.__doc__ == plain.__doc__ and fast.__match_args__ == plain.__match_args__
    assert fast.__dataclass_params__.init
    assert fast.__dataclass_params__.frozen == frozen
    args = {name: 1 for name, parameter in inspect.signature(plain).parameters.items()
            if parameter.default is inspect.Parameter.empty}
    p, f = plain(**args), fast(**args)
    assert vars(f) == vars(p) and repr(f) == repr(p)
    messages = []  # the same refusals (a frozen record's), in the same words
    for obj in (p, f):
        said = []
        for act in (lambda o: setattr(o, "a", 2), lambda o: setattr(o, "other", 2),
                    lambda o: delattr(o, "a"), lambda o: delattr(o, "other")):
            try:
                act(obj)
                said.append("done")
            except (dataclasses.FrozenInstanceError, AttributeError) as exc:
                said.append(f"{type(exc).__name__}: {exc}")
        messages.append(said)
    assert messages[0] == messages[1]
    with pytest.raises(TypeError) as wrong_plain:
        plain(1, 2, 3, 4, 5)
    with pytest.raises(TypeError) as wrong_fast:
        fast(1, 2, 3, 4, 5)
    assert str(wrong_fast.value) == str(wrong_plain.value)


@pytest.mark.skipif(records._INIT_FN is None, reason="Python 3.13 makes records as ever")
def test_a_lazy_init_is_compiled_once_by_the_first_instance_even_of_a_subclass() -> None:
    _, fast = _documented_pair(True, {"b": 0}, {"a": "int", "b": "int"})
    sub = type("Sub", (fast,), {"__doc__": "A sub."})
    made = sub(1)
    init = vars(fast)["__init__"]
    assert not isinstance(init, records._LazyInit) and "__init__" not in vars(sub)
    assert (made.a, made.b) == (1, 0) and fast(2, 3).b == 3
    assert vars(fast)["__init__"] is init


def test_a_frozen_records_subclass_may_set_its_own_attributes_as_dataclasss() -> None:
    plain, fast = _documented_pair(True, {}, {"a": "int"})
    for made in (plain, fast):
        sub = type("Sub", (made,), {})(1)
        sub.extra = 2  # not a field, not the class itself: allowed, as dataclass allows
        del sub.extra
        with pytest.raises(dataclasses.FrozenInstanceError):
            sub.a = 3


def test_a_frozen_record_out_of_order_is_refused_as_dataclass() -> None:
    with pytest.raises(TypeError) as plain:
        _documented_pair(True, {"a": 1}, {"a": "int", "b": "int"})
    assert "non-default argument 'b' follows default argument" in str(plain.value)
    namespace = {"__annotations__": {"a": "int", "b": "int"}, "__module__": __name__,
                 "__qualname__": "Thing", "__doc__": "A thing.", "a": 1}
    for frozen in (False, True):
        with pytest.raises(TypeError,
                           match="non-default argument 'b' follows default argument"):
            datarecord(frozen=frozen)(type("Thing", (), dict(namespace)))


def test_a_frozen_record_made_by_parts_pickles_and_copies() -> None:
    made = _Parts(1, ["x"])
    assert _Parts.__setattr__.__qualname__ == "_Parts.__setattr__"
    assert pickle.loads(pickle.dumps(made)) == made
    assert dataclasses.replace(made, b=["y"]) == _Parts(1, ["y"])
    assert _Parts(2).b == [] and _Parts(2).b is not _Parts(2).b


@datarecord(frozen=True)
class _Parts:
    """A documented frozen record: made by parts."""

    a: int
    b: list[str] = field(default_factory=list)


def test_an_undocumented_frozen_record_gets_dataclass_s_docstring() -> None:
    plain, fast = _pair(True, {}, {"a": "int", "b": "str"})
    assert fast.__doc__ == plain.__doc__ == "Thing(a: 'int', b: 'str')"


_NAMES = st.lists(st.sampled_from(["a", "b", "text", "value", "_x", "lang", "item", "z9"]),
                  unique=True, max_size=5)


@pytest.mark.skipif(records._INIT_FN is None, reason="Python 3.13 makes records as ever")
@given(names=_NAMES, defaulted=st.integers(0, 5), frozen=st.booleans(),
       defaults=st.lists(_VALUES, min_size=5, max_size=5))
def test_a_plain_records_init_is_the_standard_librarys_in_all_but_its_code(
        names: list[str], defaulted: int, frozen: bool, defaults: list[Any]) -> None:
    import inspect

    defaulted = min(defaulted, len(names))
    body = dict(zip(names[len(names) - defaulted:], defaults, strict=False))
    plain, fast = _documented_pair(frozen, body, {name: "int | None" for name in names})
    lazy = vars(fast)["__init__"]
    assert records._plain_init(*lazy._args) is not None  # this shape: the plain path
    ours, theirs = fast.__init__, plain.__init__
    assert str(inspect.signature(fast)) == str(inspect.signature(plain))
    for attribute in ("__defaults__", "__kwdefaults__", "__annotations__", "__name__",
                      "__qualname__", "__module__", "__doc__", "__dict__"):
        assert getattr(ours, attribute) == getattr(theirs, attribute), attribute
    assert ours.__globals__ is theirs.__globals__
    assert ours.__code__.co_varnames == theirs.__code__.co_varnames
    assert ours.__code__.co_argcount == theirs.__code__.co_argcount
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((), {}), (tuple(range(len(names))), {}), (tuple(range(len(names) + 1)), {}),
        ((), {name: name for name in names}), ((0,), {"nowhere": 1}),
        ((0,), {names[0]: 1} if names else {}), ((), {names[-1]: 2} if names else {})]
    for args, kwargs in calls:
        said = []
        for cls in (plain, fast):
            try:
                made = cls(*args, **kwargs)
                said.append(repr(vars(made)))
            except TypeError as exc:
                said.append(f"TypeError: {exc}")
        assert said[0] == said[1]


@pytest.mark.skipif(records._INIT_FN is None, reason="Python 3.13 makes records as ever")
def test_records_of_other_shapes_get_the_standard_librarys_init() -> None:
    for body, annotated in _PARTS_SHAPES[1:]:
        _, fast = _documented_pair(True, body, annotated)
        assert records._plain_init(*vars(fast)["__init__"]._args) is None
    post = type("Post", (), {"__doc__": "A thing.", "__annotations__": {"a": "int"},
                             "__post_init__": lambda self: None})
    assert records._plain_init(*vars(datarecord(post))["__init__"]._args) is None
