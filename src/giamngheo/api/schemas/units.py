"""Administrative units (public reference data)."""

from typing import Self

from ninja import Schema

from giamngheo.apps.geo.models import AreaType, Commune, CommuneKind, Village


class CommuneOut(Schema):
    code: str
    name: str
    kind: CommuneKind
    kind_label: str
    area: AreaType
    province_code: str

    @classmethod
    def of(cls, commune: Commune) -> Self:
        return cls(
            code=commune.code,
            name=commune.name,
            kind=CommuneKind(commune.kind),
            kind_label=commune.get_kind_display(),
            area=AreaType(commune.area),
            province_code=commune.province.code,
        )


class VillageOut(Schema):
    code: str
    name: str
    commune_code: str
    remote: bool

    @classmethod
    def of(cls, village: Village) -> Self:
        return cls(
            code=village.code, name=village.name, commune_code=village.commune.code,
            remote=village.remote,
        )  # fmt: skip
