"""Shared base of the model's classes and the bilingual text type."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ipdocs.model.bounds import Prose


class Model(BaseModel):
    """Base of every model class: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Model):
    """A text in both languages. Paragraph text may hold figure placeholders."""

    zh: Prose = Field(min_length=1, description="Simplified Chinese")
    en: Prose = Field(min_length=1, description="English")

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``zh`` or ``en``)."""
        if lang not in ("zh", "en"):
            raise ValueError(f"unknown language {lang!r}; expected 'zh' or 'en'")
        return self.zh if lang == "zh" else self.en
