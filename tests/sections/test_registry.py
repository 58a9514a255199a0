"""The builder registry: a builder registers by name with its options declared once, as
its dataclass fields; a brief file's options are validated strictly from them."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import Field, ValidationError

from ipdocs.base.plugins import PluginError
from ipdocs.doc import Block
from ipdocs.model import Report
from ipdocs.sections.context import Builder, Context
from ipdocs.sections.registry import (
    BUILDERS,
    OPTIONS,
    BriefRequired,
    builder_named,
    options_model,
    register_builder,
)
from tests.conftest import SPECS, fresh_python


@dataclass(frozen=True)
class Listing(Builder):
    """A builder for these tests: figures listed, at most ``limit``."""

    name = "test-listing"
    figures: tuple[str, ...] = ()
    limit: Annotated[int, Field(ge=1)] = 3
    section: Annotated[str, BriefRequired()] = ""
    tags: list[str] = field(default_factory=list)

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """Nothing."""
        return ()


@pytest.fixture
def listing() -> Iterator[type[Listing]]:
    """``Listing`` registered for one test."""
    yield register_builder(Listing)
    BUILDERS.pop(Listing.name, None)
    OPTIONS.pop(Listing.name, None)


def test_options_are_the_fields_strictly() -> None:
    model = options_model(Listing)
    given = model.model_validate({"figures": ["a", "b"], "section": "s"})
    assert given.model_dump() == {"figures": ["a", "b"], "limit": 3, "section": "s",
                                  "tags": []}
    for bad in ({"section": "s", "limit": 0}, {"section": "s", "limit": "2"},
                {"section": "s", "colour": "red"}, {}):
        with pytest.raises(ValidationError):
            model.model_validate(bad)


def test_registered_by_name_once(listing: type[Listing]) -> None:
    assert builder_named("test-listing") == (Listing, OPTIONS["test-listing"])
    assert register_builder(Listing) is Listing  # again: the same class

    @dataclass(frozen=True)
    class Other(Builder):
        name = "test-listing"

    with pytest.raises(PluginError, match="registered already"):
        register_builder(Other)


def test_a_builder_s_options_model_is_made_when_first_looked_up(
        listing: type[Listing]) -> None:
    assert Listing.name not in OPTIONS.made  # registered, its model not made yet
    assert Listing.name in OPTIONS and Listing.name in list(OPTIONS)  # a mapping of all
    assert len(OPTIONS) == len(BUILDERS)
    model = OPTIONS[Listing.name]
    assert OPTIONS[Listing.name] is model and set(model.model_fields) == {
        "figures", "limit", "section", "tags"}
    register_builder(Listing)  # again: made again, from the class, when looked up
    assert Listing.name not in OPTIONS.made and OPTIONS[Listing.name] is not model
    assert OPTIONS.get("no-such-builder") is None and "no-such-builder" not in OPTIONS
    with pytest.raises(KeyError):
        OPTIONS["no-such-builder"]
    with pytest.raises(KeyError):
        del OPTIONS["no-such-builder"]


def test_a_builder_whose_options_cannot_be_modelled_is_refused_by_name() -> None:
    @dataclass(frozen=True)
    class Odd(Builder):
        name = "test-odd"
        thing: "NoSuchType | None" = None  # type: ignore[name-defined]  # noqa: F821

        def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
            """Nothing."""
            return ()

    register_builder(Odd)
    try:
        with pytest.raises(PluginError, match="builder 'test-odd': its options cannot be"):
            builder_named("test-odd")
    finally:
        BUILDERS.pop("test-odd", None)
        OPTIONS.forget("test-odd")


def test_a_build_from_a_built_in_brief_makes_no_options_model(tmp_path: Path) -> None:
    code = ("import sys\n"
            "from ipdocs.app import cli\n"
            "cli.main(['build', sys.argv[1], '-f', 'pdf', '-l', 'zh', '-o', sys.argv[2]])\n"
            "from ipdocs.sections.registry import BUILDERS, OPTIONS\n"
            "print(len(BUILDERS) >= 12, OPTIONS.made)\n")
    out = fresh_python(code, str(SPECS / "ningbo-2024.yaml"), str(tmp_path))
    assert out.splitlines()[-1] == "True {}"


def test_a_builder_needs_a_name_and_fields() -> None:
    @dataclass(frozen=True)
    class Nameless(Builder):
        pass

    class Plain(Builder):
        name = "test-plain"

    with pytest.raises(PluginError, match="needs a name of its own"):
        register_builder(Nameless)
    with pytest.raises(PluginError, match="not a dataclass"):
        register_builder(Plain)


def test_a_builder_by_module_path_and_an_unknown_name() -> None:
    found = builder_named("tests.sections.test_registry:Listing")
    assert found is not None and found[0] is Listing
    assert builder_named("no-such-builder") is None
    with pytest.raises(PluginError, match="not a builder class"):
        builder_named("tests.sections.test_registry:listing")
