"""Administrative units: provinces and their communes (public reference data), and the villages
of a commune inside the caller's scope."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from giamngheo.api.auth import caller
from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.lookups import commune_by_code, province_by_code, provinces_all
from giamngheo.api.schemas.common import UnitRef
from giamngheo.api.schemas.units import CommuneOut, VillageOut
from giamngheo.apps.geo.selectors import communes_of_province, villages_visible

router = Router(tags=["units"])


class CommunesIn(Schema):
    province_code: str = Field(max_length=2)


class VillagesIn(Schema):
    commune_code: str = Field(max_length=5)


@router.get("/units/provinces", response={200: list[UnitRef], **ERROR_RESPONSES})
def province_list(request: HttpRequest) -> list[UnitRef]:
    return [UnitRef.of(p) for p in provinces_all()]


@router.get("/units/communes", response={200: list[CommuneOut], **ERROR_RESPONSES})
def commune_list(request: HttpRequest, filters: Query[CommunesIn]) -> list[CommuneOut]:
    province = province_by_code(filters.province_code)
    return [CommuneOut.of(c) for c in communes_of_province(province).select_related("province")]


@router.get("/units/villages", response={200: list[VillageOut], **ERROR_RESPONSES})
def village_list(request: HttpRequest, filters: Query[VillagesIn]) -> list[VillageOut]:
    """The commune's villages inside the caller's scope."""
    commune = commune_by_code(filters.commune_code)
    villages = villages_visible(user=caller(request)).filter(commune=commune)
    return [VillageOut.of(v) for v in villages.select_related("commune")]
