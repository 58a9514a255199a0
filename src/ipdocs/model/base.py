"""Shared base of the model's classes and the bilingual text type."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ipdocs.model.bounds import Prose


class Model(BaseModel):
    """Base of every model class: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


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
