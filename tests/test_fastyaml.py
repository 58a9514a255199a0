"""Safe YAML loading through libyaml: the same data as PyYAML's pure parser."""

from importlib import resources

import pytest
import yaml

from ipdocs import fastyaml
from ipdocs.fastyaml import safe_load

BUNDLED = [("ipdocs.i18n", "data/words.zh.yaml"), ("ipdocs.i18n", "data/words.en.yaml"),
           ("ipdocs.themes", "briefing.yaml"), ("ipdocs.themes", "official.yaml")]


@pytest.mark.parametrize(("package", "name"), BUNDLED)
def test_bundled_data_reads_as_the_pure_parser_reads_it(package: str, name: str) -> None:
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    assert safe_load(text) == yaml.load(text, Loader=yaml.SafeLoader)


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    assert fastyaml.SafeLoader is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def test_only_plain_types_are_built() -> None:
    with pytest.raises(yaml.YAMLError):
        safe_load("!!python/object/apply:os.system ['true']")


def test_malformed_yaml_raises_with_its_position() -> None:
    with pytest.raises(yaml.YAMLError, match="line 2"):
        safe_load("a: 1\n b: [")
