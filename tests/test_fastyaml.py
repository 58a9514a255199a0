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


def test_libyaml_is_used_when_pyyaml_has_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fastyaml.FastLoader is getattr(yaml, "CSafeLoader", None)
    calls: list[object] = []
    real = yaml.load

    def spy(text: str, Loader: object) -> object:
        calls.append(Loader)
        return real(text, Loader=Loader)  # type: ignore[arg-type]

    monkeypatch.setattr(yaml, "load", spy)
    assert safe_load("a: 1") == {"a": 1}
    assert calls == [fastyaml.FastLoader or yaml.SafeLoader]


def test_only_plain_types_are_built() -> None:
    with pytest.raises(yaml.YAMLError):
        safe_load("!!python/object/apply:os.system ['true']")


def test_malformed_yaml_raises_with_its_position_and_the_line_shown() -> None:
    with pytest.raises(yaml.YAMLError) as caught:
        safe_load("a: 1\nb: [c, d\n")
    message = str(caught.value)
    assert "line 3" in message and "^" in message  # the pure parser's snippet and caret


@pytest.mark.skipif(fastyaml.FastLoader is None, reason="PyYAML without libyaml")
def test_what_libyaml_refuses_the_pure_parser_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    class Refusing:
        def __init__(self, _text: str) -> None:
            raise yaml.YAMLError("libyaml says no")

    monkeypatch.setattr(fastyaml, "FastLoader", Refusing)
    assert safe_load("a: [1, 2]") == {"a": [1, 2]}
