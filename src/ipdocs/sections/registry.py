"""The registry of section builders: each registers itself by the name a brief file uses,
its options declared once, as its dataclass fields.

A brief file's step gives a builder's options as a mapping; they are validated by a
pydantic model made from the builder's fields (``options_model``): their types, defaults
and ``Annotated`` constraints, strictly (``'2'`` is not 2), unknown options refused.
"""

# No ``from __future__ import annotations``: pydantic reads each field's type as the
# object itself rather than compiling and evaluating its text at import.

import dataclasses
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any, TypeVar, get_args, get_origin, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model

from ipdocs.base.inputs import MAX_TEXT_CHARS
from ipdocs.base.plugins import PluginError, from_entry_point, from_module_path, is_module_path
from ipdocs.sections.context import Builder

__all__ = ["BUILDERS", "OPTIONS", "BriefRequired", "BuilderT", "Id", "Ids", "Options",
           "Title", "builder_named", "options_model", "register_builder"]

BUILDERS: dict[str, type[Builder]] = {}
"""Every builder by the name a brief file uses: the shipped ones, and those registered
(``register_builder``), in the order they registered."""

class _OptionsModels(MutableMapping[str, type[BaseModel]]):
    """The options model of each registered builder, by its name, as a mapping of every
    registered builder: a builder's is made the first time it is looked up
    (``options_model``; a model pydantic cannot make is a PluginError then). A build
    from a built-in brief looks up none: a process no longer makes a dozen pydantic
    models at import (some 2 ms of a cold build) that only a brief file's options
    need."""

    def __init__(self) -> None:
        self.made: dict[str, type[BaseModel]] = {}

    def __getitem__(self, name: str) -> type[BaseModel]:
        """The options model of the builder ``name``, made if it was not yet."""
        model = self.made.get(name)
        if model is None:
            builder = BUILDERS.get(name)
            if builder is None:
                raise KeyError(name)
            model = self.made[name] = _made_options(name, builder)
        return model

    def __setitem__(self, name: str, model: type[BaseModel]) -> None:
        """Give the builder ``name`` the options model ``model``."""
        self.made[name] = model

    def __delitem__(self, name: str) -> None:
        """Forget the options model of ``name`` (made again on its next lookup while the
        builder is registered); KeyError where there is none to forget."""
        if self.made.pop(name, None) is None and name not in BUILDERS:
            raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        """Every registered builder's name, then any other a model was given for."""
        return iter(dict.fromkeys([*BUILDERS, *self.made]))

    def __len__(self) -> int:
        """How many names ``__iter__`` gives."""
        return len(BUILDERS.keys() | self.made.keys())

    def __contains__(self, name: object) -> bool:
        """Whether ``name`` has an options model, made or to be made (none made now)."""
        return name in BUILDERS or name in self.made

    def forget(self, name: str) -> None:
        """Forget the model made for ``name``, if any, making none."""
        self.made.pop(name, None)


def _made_options(name: str, builder: type[Builder]) -> type[BaseModel]:
    """``options_model`` of ``builder``; PluginError naming it where pydantic cannot
    make one of its fields' types into a model."""
    try:
        return options_model(builder)
    except PluginError:
        raise
    except Exception as exc:  # pydantic's errors for a type it cannot check
        raise PluginError(f"builder {name!r}: its options cannot be checked "
                          f"({type(exc).__name__}: {exc})") from None


OPTIONS = _OptionsModels()
"""The options model of each registered builder, by its name (made on first lookup)."""

BuilderT = TypeVar("BuilderT", bound=Builder)


class Options(BaseModel):
    """A step's options: unknown ones refused, no type coercion. Each builder's model is
    completed (its core schema and validator made) when a brief file first gives options
    (``defer_build``): a build from a built-in brief validates none, and every process
    paid for about fifteen of them at import."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, defer_build=True)


Id = Annotated[str, Field(min_length=1, max_length=200)]
"""A figure or section id a brief names."""
Ids = Annotated[tuple[Id, ...], Field(max_length=500)]
"""Figure ids a brief names (a list in a brief file)."""
Title = Annotated[str, Field(max_length=MAX_TEXT_CHARS)]
"""A title a brief gives."""


class BriefRequired:
    """Marks a builder field a brief file must give though Python code may leave it to
    its default (``section: Annotated[str, BriefRequired()] = ""``)."""


def options_model(cls: type[Builder]) -> type[BaseModel]:
    """The options a brief file may give the builder ``cls``, declared once: its dataclass
    fields, with their types (a ``tuple[str, ...]`` is given as a list), defaults and any
    ``Annotated[int, Field(ge=1)]`` constraints; unknown options refused, no coercion. A
    builder that needs more sets ``Options`` (a pydantic model) on its class."""
    own = _own_options(cls)
    if own is not None:
        return own
    assert dataclasses.is_dataclass(cls)  # else _own_options refused it
    hints = get_type_hints(cls, include_extras=True)
    fields: dict[str, Any] = {}
    for item in dataclasses.fields(cls):
        if not item.init:
            continue
        hint = hints[item.name]
        required = any(isinstance(m, BriefRequired) for m in getattr(hint, "__metadata__", ()))
        if item.default is not dataclasses.MISSING and not required:
            default: Any = list(item.default) if isinstance(item.default, tuple) \
                else item.default
        elif item.default_factory is not dataclasses.MISSING and not required:
            default = Field(default_factory=item.default_factory)
        else:
            default = ...
        fields[item.name] = (_as_given(hint), default)
    model: type[BaseModel] = create_model(f"{cls.__name__}Options", __base__=Options,
                                          **fields)
    return model


def _own_options(cls: type[Builder]) -> type[BaseModel] | None:
    """The options model the builder ``cls`` sets itself (``Options``), else None where
    its dataclass fields declare them; PluginError where it does neither."""
    own = cls.__dict__.get("Options")
    if isinstance(own, type) and issubclass(own, BaseModel):
        return own
    if not dataclasses.is_dataclass(cls):
        raise PluginError(f"builder {cls.__name__} is not a dataclass (a Builder holds its "
                          "options as dataclass fields)")
    return None


def _as_given(hint: Any) -> Any:
    """A field's type as a brief file gives it: a tuple of any length as a list (inside
    ``Annotated`` too, its constraints kept; ``BriefRequired`` dropped)."""
    if get_origin(hint) is Annotated:
        inner, *metadata = get_args(hint)
        kept = [m for m in metadata if not isinstance(m, BriefRequired)]
        given = _as_given(inner)
        return Annotated[given, *kept] if kept else given
    if get_origin(hint) is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return list.__class_getitem__(args[0])
    return hint


def register_builder(cls: type[BuilderT]) -> type[BuilderT]:
    """Make the builder class ``cls`` known to brief files by its ``name``, its options
    declared once (``options_model``, made when first looked up in ``OPTIONS``): a class
    decorator. PluginError if another builder has the name, or it declares no options."""
    name = cls.name
    if not isinstance(name, str) or not name or name == Builder.name:
        raise PluginError(f"builder {cls.__name__} needs a name of its own (name = '...')")
    if BUILDERS.get(name, cls) is not cls:
        raise PluginError(f"a builder named {name!r} is registered already "
                          f"({BUILDERS[name].__module__}.{BUILDERS[name].__qualname__})")
    _own_options(cls)  # a builder that declares no options is refused now
    OPTIONS.forget(name)  # made again, from this class, when first looked up
    BUILDERS[name] = cls
    return cls


def builder_named(name: str) -> tuple[type[Builder], type[BaseModel]] | None:
    """The builder a brief file names, with its options: a registered one (shipped, or
    registered with ``register_builder``), one by module path (``mypkg.module:Name``), or
    one an installed package names in the ``ipdocs.builders`` entry-point group; None if
    none is; PluginError if one is named but cannot be used."""
    if name in BUILDERS:
        return BUILDERS[name], OPTIONS[name]
    found = from_module_path(name) if is_module_path(name) \
        else from_entry_point("builders", name)
    if found is None:
        return None
    if not (isinstance(found, type) and issubclass(found, Builder)):
        raise PluginError(f"{name!r} is not a builder class (a subclass of "
                          "ipdocs.sections.Builder)")
    registered = BUILDERS.get(found.name) is found
    return found, OPTIONS[found.name] if registered else options_model(found)


