"""Small shapes shared by several topics."""

from typing import Self

from ninja import Schema

from giamngheo.apps.geo.models import Commune, Province, Village


class UnitRef(Schema):
    """An administrative unit named by its code."""

    code: str
    name: str

    @classmethod
    def of(cls, unit: Province | Commune | Village) -> Self:
        return cls(code=unit.code, name=unit.name)


class TextOut(Schema):
    """A text in both languages."""

    vi: str
    en: str
