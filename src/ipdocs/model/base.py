"""Shared base of the model's classes and the bilingual text type."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ipdocs.base.problems import Problem, SpecError, Unfit, validation_problems
from ipdocs.model.bounds import Prose


class Model(BaseModel):
    """Base of every model class: immutable, strict about unknown fields.

    Whichever way one is made (by keyword, ``model_validate`` or ``model_validate_json``),
    a mistake raises ``SpecError`` listing every problem found, each by its field path, in
    the words of ``ipdocs check`` (never pydantic's ValidationError)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    if not TYPE_CHECKING:  # type checkers see the fields' own signature (dataclass_transform)
        def __init__(self, /, **data: Any) -> None:
            try:
                super().__init__(**data)
            except (ValidationError, Unfit) as exc:
                raise spec_error(exc, data, type(self)) from None

        # pydantic calls a model's own __init__ when validating it inside another (and
        # would then raise SpecError inside pydantic); marked as its base one, it does not
        __init__.__pydantic_base_init__ = True

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate ``obj`` (plain data or an instance); SpecError with every problem."""
        try:
            return super().model_validate(obj, *args, **kwargs)
        except (ValidationError, Unfit) as exc:
            raise spec_error(exc, obj, cls) from None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, *args: Any,
                            **kwargs: Any) -> Self:
        """Validate a JSON text (numbers with a point are floats to JSON: give them as
        strings); SpecError with every problem."""
        try:
            return super().model_validate_json(json_data, *args, **kwargs)
        except (ValidationError, Unfit) as exc:
            raise spec_error(exc, None, cls) from None

    @classmethod
    def extra_problems(cls, data: Any) -> list[Problem]:
        """Problems a class finds in raw ``data`` besides pydantic's, when pydantic's stop
        its own checks (a report's placeholders): none by default."""
        return []


def spec_error(exc: ValidationError | Unfit, data: Any, cls: type[Model]) -> SpecError:
    """The one exception for a model that cannot be made: pydantic's problems and the
    model's own (``Unfit``, ``extra_problems``), without repeats."""
    if isinstance(exc, Unfit):
        problems = exc.problems
    else:
        problems = validation_problems(exc.errors(include_url=False))
        if data is not None:
            problems += cls.extra_problems(data)
    return SpecError(dict.fromkeys(problems), f"<{cls.__name__}>")


TEXT_LANGS = ("zh", "en")
"""The languages a spec writes its texts in (the fields of ``Text``)."""


def text_field(lang: str) -> str:
    """The spec text a language prints: the one of its primary subtag (zh-Hant prints
    zh). ValueError for a language the spec has no text in."""
    field = lang.split("-", 1)[0]
    if field not in TEXT_LANGS:
        raise ValueError(f"a spec has no text in {lang!r}; its texts: {', '.join(TEXT_LANGS)}")
    return field


class Text(Model):
    """A text in both languages. Paragraph text may hold figure placeholders."""

    zh: Prose = Field(min_length=1, description="Simplified Chinese")
    en: Prose = Field(min_length=1, description="English")

    def get(self, lang: str) -> str:
        """The text ``lang`` prints (``text_field``)."""
        return str(getattr(self, text_field(lang)))
