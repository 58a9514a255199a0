"""The layering rules of src/ipdocs/ARCHITECTURE.md, kept by the import contracts in pyproject."""

import subprocess
import sys

from tests.conftest import ROOT


def test_import_contracts_are_kept() -> None:
    script = ("import sys; from importlinter.cli import lint_imports_command; "
              "sys.argv = ['lint-imports', '--no-cache']; lint_imports_command()")
    result = subprocess.run([sys.executable, "-c", script],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_layers_contract_places_every_module_of_the_package() -> None:
    """A module nobody placed in a layer could import anything: every top-level module and
    package of ipdocs stands in the layers contract."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    placed = {name.strip() for layer in layers for name in layer.replace(":", "|").split("|")}
    package = ROOT / "src" / "ipdocs"
    modules = {f"ipdocs.{p.stem}" for p in package.glob("*.py") if p.stem != "__init__"}
    modules |= {f"ipdocs.{p.name}" for p in package.iterdir()
                if p.is_dir() and (p / "__init__.py").exists()}
    assert modules - placed == set()
    assert placed - modules == set()
