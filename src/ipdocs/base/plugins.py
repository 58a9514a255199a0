"""What other packages add to ipdocs: section builders, themes, briefs and output formats
found by entry point (``ipdocs.builders``, ``ipdocs.themes``, ``ipdocs.briefs``,
``ipdocs.formats``) or named by module path (``mypkg.module:Name``).

An entry point names an object: a builder class for ``ipdocs.builders``; a
``WriterFormat`` for ``ipdocs.formats`` (``ipdocs.writers.formats``); for themes and
briefs, the path of a YAML file (a ``str``, a ``Path`` or an ``importlib.resources``
file). Entry points are read only when a name is not one ipdocs ships, so a build that
uses none pays nothing for them: not even the import of ``importlib.metadata`` (with the
``email`` and ``csv`` packages it brings, some 8 ms of a cold process).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from functools import cache
from os import PathLike
from typing import TYPE_CHECKING, Any, Literal

from ipdocs.base.patterns import on_first_use

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

Kind = Literal["builders", "themes", "briefs", "formats"]
"""What a plugin adds."""

GROUPS: dict[Kind, str] = {"builders": "ipdocs.builders", "themes": "ipdocs.themes",
                           "briefs": "ipdocs.briefs", "formats": "ipdocs.formats"}
"""The entry-point group of each kind."""

MODULE_PATH = on_first_use(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
"""A module path: ``package.module:Name`` (the form entry points use)."""


class PluginError(ValueError):
    """A plugin that cannot be used: not installed, failing to import, or not what its
    group takes."""


@cache
def _entry_points(kind: Kind) -> dict[str, EntryPoint]:
    """The installed entry points of ``kind``, by name (read once a process)."""
    from importlib.metadata import entry_points  # a build naming no plugin never needs it

    return {ep.name: ep for ep in entry_points(group=GROUPS[kind])}


def entry_point_names(kind: Kind) -> tuple[str, ...]:
    """The names the installed packages give to plugins of ``kind``, sorted."""
    return tuple(sorted(_entry_points(kind)))


def forget_entry_points() -> None:
    """Read the installed entry points afresh next time (after installing a package)."""
    _entry_points.cache_clear()


def from_entry_point(kind: Kind, name: str) -> Any | None:
    """The object an installed package names ``name`` in the group of ``kind``, or None
    if none does; PluginError if it does not load."""
    point = _entry_points(kind).get(name)
    if point is None:
        return None
    try:
        return point.load()
    except Exception as exc:  # a plugin's import may fail any way: say which and why
        raise PluginError(f"the {kind[:-1]} {name!r} ({point.value}, entry point of "
                          f"{GROUPS[kind]}) does not load: {type(exc).__name__}: {exc}") \
            from exc


def is_module_path(text: str) -> bool:
    """Whether ``text`` is a module path (``package.module:Name``)."""
    return MODULE_PATH.fullmatch(text) is not None


def from_module_path(text: str) -> Any:
    """The object ``package.module:Name`` names; PluginError saying why not."""
    if not is_module_path(text):
        raise PluginError(f"{text!r} is not a module path (package.module:Name)")
    module_name, _, attribute = text.partition(":")
    try:
        found: Any = importlib.import_module(module_name)
    except Exception as exc:  # a module's import may fail any way: say which and why
        raise PluginError(f"cannot import {module_name!r} for {text!r}: "
                          f"{type(exc).__name__}: {exc}") from exc
    for step in attribute.split("."):
        if not hasattr(found, step):
            raise PluginError(f"{module_name!r} has no {attribute!r}")
        found = getattr(found, step)
    return found


def plugin_file(kind: Kind, name: str) -> str | None:
    """The path of the YAML file an installed package names ``name`` in the group of
    ``kind`` (a theme or a brief), or None if none does; PluginError if what it names is
    not a file."""
    found = from_entry_point(kind, name)
    if found is None:
        return None
    path = str(found) if isinstance(found, str | PathLike) or hasattr(found, "is_file") \
        else None
    if path is None or not os.path.isfile(path):
        raise PluginError(f"the {kind[:-1]} {name!r} of an installed package names "
                          f"{found!r}, which is not a {kind[:-1]} file")
    return path


def installed_file(kind: Kind, name: str, shipped: Iterable[str]) -> str:
    """The path of the YAML file an installed package names ``name`` (``plugin_file``);
    PluginError if it cannot be used, or if no package names it, listing the names ipdocs
    ``shipped`` and the installed ones."""
    found = plugin_file(kind, name)
    if found is None:
        names = ", ".join([*shipped, *entry_point_names(kind)])
        raise PluginError(f"unknown {kind[:-1]} {name!r}: not one of {names} and no such "
                          "file")
    return found
