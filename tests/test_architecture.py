"""src/ipdocs/ARCHITECTURE.md names only modules, files and dotted names that exist."""

from __future__ import annotations

import importlib
import importlib.util
import re

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "ipdocs"
DOCUMENT = PACKAGE / "ARCHITECTURE.md"
PLUGINS = PACKAGE / "base" / "plugins.py"
DOTTED = re.compile(r"\bipdocs(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
FILE = re.compile(r"`((?:[\w.-]+/)+[\w.-]+\.(?:py|yaml|md|toml))`")
FOLDER = re.compile(r"`((?:[\w-]+/)+)`")


def _text() -> str:
    """The document's text."""
    return DOCUMENT.read_text(encoding="utf-8")


def _resolves(name: str) -> bool:
    """Whether ``name`` is a module, or a module's attribute (``ipdocs.i18n.register_locale``),
    or an attribute of one (``ipdocs.doc.nodes.Language``), or an entry point group the
    plugins module reads (``ipdocs.builders``)."""
    if f'"{name}"' in PLUGINS.read_text(encoding="utf-8"):
        return True
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        module = ".".join(parts[:cut])
        try:
            found = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            found = False
        if not found:
            continue
        if cut == len(parts):
            return True  # a module: found, not run (``ipdocs.__main__`` would exit)
        thing: object = importlib.import_module(module)
        for attribute in parts[cut:]:
            if not hasattr(thing, attribute):
                return False
            thing = getattr(thing, attribute)
        return True
    return False


def _file_exists(path: str) -> bool:
    """Whether ``path`` is a file of the package (``app/cli.py``) or of the repository
    (``tests/app/test_reference.py``); a ``<placeholder>`` part matches nothing and is
    not asked about."""
    return (PACKAGE / path).is_file() or (ROOT / path).is_file()


def test_the_document_names_modules() -> None:
    """The names this test checks were found: a document rewritten without them would
    otherwise pass unchecked."""
    assert len(set(DOTTED.findall(_text()))) >= 20
    assert len(set(FILE.findall(_text()))) >= 40


@pytest.mark.parametrize("name", sorted(set(DOTTED.findall(DOCUMENT.read_text("utf-8")))))
def test_every_dotted_name_exists(name: str) -> None:
    """A module or attribute the document names can be imported."""
    assert _resolves(name), f"ARCHITECTURE.md names {name}, which does not exist"


def test_every_file_exists() -> None:
    """Every file path the document names exists, in the package or the repository (a
    path with a placeholder, ``writers/<format>/``, is a pattern and is skipped)."""
    missing = [path for path in sorted(set(FILE.findall(_text())))
               if "<" not in path and not _file_exists(path)]
    assert missing == []


def test_every_folder_exists() -> None:
    """Every folder the document names (``sections/``) is a folder of the package or the
    repository."""
    folders = sorted(set(FOLDER.findall(_text())))
    assert folders
    missing = [f for f in folders if not (PACKAGE / f).is_dir() and not (ROOT / f).is_dir()]
    assert missing == []


def test_the_layers_table_is_the_contract() -> None:
    """The layers the document's table lists, in its order, are the layers contract's."""
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    layers = next(c["layers"] for c in contracts["tool"]["importlinter"]["contracts"]
                  if c["type"] == "layers" and "containers" not in c)
    rows = re.findall(r"^\| \d+ \| (.+?) \|", _text(), flags=re.MULTILINE)
    table = [" | ".join(re.findall(r"`(ipdocs[\w.]*)`", row)) for row in rows]
    assert table == layers


def test_no_top_level_module_but_the_face_and_main() -> None:
    """The package's top level holds folders (the layers), ``__init__.py`` and
    ``__main__.py`` only."""
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert modules == ["__init__.py", "__main__.py"]


TESTS = ROOT / "tests"

NO_LOGIC: dict[str, str] = {}
"""Modules with a function that need no test module of their own, and why. A module that
defines no function at all (a package's face re-exporting names, ``__main__.py``, error
classes) needs none either and is not listed."""

def _mirrors(module: str) -> list[str]:
    """Where a module's tests may be (paths under tests/): ``a/b/c.py`` in
    ``a/b/test_c.py`` or ``a/test_c.py``; a package ``a/b/__init__.py`` in ``a/test_b.py``
    or ``a/b/test_b.py``."""
    parts = module.split("/")
    name = parts[-1].removesuffix(".py")
    folders = parts[:-1]
    inside = [*folders, f"test_{folders[-1]}.py"] if name == "__init__" and folders else []
    if name == "__init__":
        name, folders = (folders[-1], folders[:-1]) if folders else ("ipdocs", [])
    return ["/".join([*folders, f"test_{name}.py"]),
            "/".join([*folders[:1], f"test_{name}.py"]), "/".join(inside)]


def _has_logic(path: str) -> bool:
    """Whether a module defines a function or method."""
    return re.search(r"^\s*(?:async\s+)?def ", (PACKAGE / path).read_text("utf-8"),
                     flags=re.MULTILINE) is not None


def _unmirrored() -> list[str]:
    """The modules with logic and no test module mirroring them."""
    modules = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))
    assert len(modules) > 50, "no source modules found"
    return [m for m in modules if _has_logic(m)
            and not any((TESTS / t).is_file() for t in _mirrors(m))]


def test_every_module_with_logic_has_a_mirror_test_or_a_reason() -> None:
    """tests/ mirrors src/ipdocs/: a new module with logic comes with its test module."""
    missing = set(_unmirrored())
    unexplained = missing - set(NO_LOGIC)
    assert not unexplained, f"no tests/<pkg>/test_<module>.py for {sorted(unexplained)}"
    stale = set(NO_LOGIC) - missing
    assert not stale, f"listed but mirrored now (or gone): remove {sorted(stale)}"
