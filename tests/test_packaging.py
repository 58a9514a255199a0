"""Packaging: every package is listed, and an installed ipdocs finds its data files."""

import tomllib
from importlib import resources

from ipdocs.bundled import BUNDLED, face_path
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
