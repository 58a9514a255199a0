"""Packaging: every package is listed, and an installed ipdocs finds its data files."""

import tomllib
from importlib import resources

from packaging.version import Version

from ipdocs.typefaces.bundled import BUNDLED, face_path
from tests.conftest import ROOT


def test_every_package_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.relative_to(ROOT / "src").parent.parts)
             for p in (ROOT / "src").rglob("__init__.py")}
    assert found | {"ipdocs.fonts"} == listed


def test_bundled_fonts_and_data_are_reachable() -> None:
    for family in BUNDLED.values():
        for name in (family.regular, family.bold, family.latin_regular, family.latin_bold):
            assert name is None or resources.files("ipdocs.fonts").joinpath(name).is_file()
    for licence in ("OFL.txt", "FANDOL-LICENSE.txt"):
        assert resources.files("ipdocs.fonts").joinpath(licence).is_file()
    assert face_path(BUNDLED["serif"].regular).endswith("NotoSerifCJKsc-Regular.ttf")
    assert resources.files("ipdocs.themes").joinpath("official.yaml").is_file()
    assert resources.files("ipdocs.i18n").joinpath("data", "words.zh.yaml").is_file()


def test_fonts_within_budget() -> None:
    """The bundled faces (52 MB; about 32 MB deflated in the wheel): four Noto faces of
    the 通用规范汉字表, one of GB 18030's other Han characters, two Fandol faces
    (fonts/README.md weighs the options)."""
    total = sum(p.stat().st_size for p in (ROOT / "fonts").glob("*.ttf"))
    assert total <= 56 * 1024 * 1024


def _lower_bounds() -> dict[str, str]:
    """Each runtime dependency's declared lower bound, by normalised name."""
    import re

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    bounds = {}
    for requirement in config["project"]["dependencies"]:
        found = re.match(r"([A-Za-z0-9_.-]+)(?:\[[^]]*\])?>=([0-9.]+)", requirement)
        assert found, f"{requirement}: a runtime dependency declares its lower bound"
        bounds[found.group(1).lower().replace("_", "-")] = found.group(2)
    return bounds


def test_the_minimums_ci_installs_are_the_declared_lower_bounds() -> None:
    pinned = {}
    for line in (ROOT / ".ci" / "minimums.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pinned[name.lower().replace("_", "-")] = version
    bounds = _lower_bounds()
    assert set(pinned) == set(bounds)
    for name, version in bounds.items():
        assert Version(pinned[name]) == Version(version), (name, version, pinned[name])


def test_lxml_is_declared_since_the_code_imports_it() -> None:
    assert "lxml" in _lower_bounds()


def test_xlsxwriter_is_declared_since_the_code_imports_it() -> None:
    """The DOCX writer writes its charts' workbooks with XlsxWriter itself (python-pptx,
    which brought it in, is no longer a dependency)."""
    assert "xlsxwriter" in _lower_bounds()
    assert "python-pptx" not in _lower_bounds()


def test_licences_are_shipped_and_named() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    project = config["project"]
    assert (ROOT / "LICENSE").read_text("utf-8").lstrip().startswith("Apache License")
    files = set(project["license-files"])
    shipped = {f"fonts/{p.name}" for p in (ROOT / "fonts").iterdir()
               if "LICENSE" in p.name.upper() or p.name == "OFL.txt"}
    assert {"LICENSE", *shipped} <= files
    expression = project["license"]
    assert "Apache-2.0" in expression and "OFL-1.1" in expression
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Licence", 1)[1].split("\n## ", 1)[0]
    assert "Apache-2.0" in section and "OFL" in section
