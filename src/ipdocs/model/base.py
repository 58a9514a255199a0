"""Shared base of the model's classes and the bilingual text type.

No ``from __future__ import annotations`` here: pydantic 2.9 evaluates the annotation of
``Text.__pydantic_extra__`` again for each subclass (``Term``) in the subclass's module,
where its names are not imported; as objects, they need no evaluating.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, Self

from ipdocs.base.patterns import on_first_use, pydantic_imported

with pydantic_imported():  # imported at less cost (``base.patterns``)
    from pydantic import (
        BaseModel,
        BeforeValidator,
        ConfigDict,
        Field,
        ValidationError,
        ValidatorFunctionWrapHandler,
        model_validator,
    )
    from pydantic_core import InitErrorDetails, PydanticCustomError

from ipdocs.base.languages import SPEC_LANGUAGES, text_key, text_languages
from ipdocs.base.problems import Problem, SpecError, Unfit, validation_problems
from ipdocs.model.bounds import Prose, to_prose


def new_list() -> list[Any]:
    """A new empty list: the default factory of a model's list field. A function of
    ipdocs' own rather than ``list``, whose signature pydantic reads (does the factory
    take the validated data?) from the built-in's text signature, tokenizing it: some
    30 M instructions of a cold build's imports for fourteen fields."""
    return []


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


TEXT_LANGS = SPEC_LANGUAGES
"""The languages every spec writes its texts in (``zh`` and ``en``); a registered
language may add its own (``ipdocs.base.languages.text_languages``)."""


def text_field(lang: str) -> str:
    """The spec text a language prints: the one of its primary subtag (zh-Hant prints
    zh). ValueError for a language no spec text may be written in."""
    field = text_key(lang)
    if field not in text_languages():
        raise ValueError(f"a spec has no text in {lang!r}; its texts: "
                         f"{', '.join(text_languages())}")
    return field


def _unknown_key(key: Any, value: Any) -> InitErrorDetails:
    """The problem of a text's key that is neither a field nor a registered language."""
    if isinstance(key, str) and LANGUAGE_KEY.fullmatch(key):
        return InitErrorDetails(type=PydanticCustomError(
            "unregistered_language", "no registered language '{key}' (texts may be in "
            "{known}; its locale file registered adds it: ipdocs --locale FILE, or "
            "ipdocs.i18n.register_locale)",
            {"key": key, "known": ", ".join(text_languages())}), loc=(key,), input=value)
    return InitErrorDetails(type="extra_forbidden", loc=(str(key),), input=value)


LANGUAGE_KEY = on_first_use(r"[a-z]{2,3}")
"""A key that names a language (``de``), not a field."""


def _text_schema(schema: dict[str, Any]) -> None:
    """A text's JSON schema: another language's prose under a key that names a language,
    no other key (an editor still flags a misspelt field)."""
    prose = schema.pop("additionalProperties", None)
    if isinstance(prose, dict):
        schema["patternProperties"] = {f"^{LANGUAGE_KEY.pattern}$": prose}
    schema["additionalProperties"] = False


_FIELD_NAMES: dict[type[Model], frozenset[str]] = {}


def _field_names(cls: type[Model]) -> frozenset[str]:
    """The names of a model class's fields, remembered (asked for each text a spec holds:
    pydantic's ``model_fields`` is a property worked out on each access)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(cls.model_fields)
    return names


class Text(Model):
    """A text in the languages of a spec: Chinese and English always, and the prose of
    any registered language under its key (``de:``; ``ipdocs.i18n.register_locale``).
    Paragraph text may hold figure placeholders. ``texts`` is the mapping from language
    to prose; ``zh`` and ``en`` read the two every text has."""

    model_config = ConfigDict(frozen=True, extra="allow", json_schema_extra=_text_schema)

    zh: Prose = Field(min_length=1, description="Simplified Chinese")
    en: Prose = Field(min_length=1, description="English")
    __pydantic_extra__: dict[str, Annotated[str, Field(min_length=1),  # as Prose, non-empty
                                            BeforeValidator(to_prose)]] = Field(init=False)

    @model_validator(mode="wrap")
    @classmethod
    def _registered_languages(cls, data: Any, handler: ValidatorFunctionWrapHandler
                              ) -> Self:
        """A key that is neither a field nor a registered language's is refused where it
        stands: a language no locale is registered for (a locale file not registered),
        or an unknown field (a typo). (The handler's own type,
        ``ModelWrapValidatorHandler``, is pydantic 2.10's; ipdocs runs on 2.9.)"""
        if isinstance(data, Mapping):
            fields = _field_names(cls)
            if not fields.issuperset(data):  # most texts: zh and en alone
                languages = text_languages()
                unknown = [key for key in data if key not in fields and key not in languages]
                if unknown:
                    raise ValidationError.from_exception_data(
                        cls.__name__, [_unknown_key(key, data[key]) for key in unknown])
        text: Self = handler(data)
        return text

    @property
    def texts(self) -> dict[str, str]:
        """The prose by language: ``zh``, ``en``, then any other the text holds."""
        return {"zh": self.zh, "en": self.en, **(self.__pydantic_extra__ or {})}

    def get(self, lang: str) -> str:
        """The text ``lang`` prints (``text_field``); ValueError where this text has
        none in that language."""
        field = text_field(lang)
        if field in SPEC_LANGUAGES:
            return str(getattr(self, field))
        extra = self.__pydantic_extra__ or {}
        if field not in extra:
            raise ValueError(f"a text has no {field!r} version: {self.zh}")
        return str(extra[field])
