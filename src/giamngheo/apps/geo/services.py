"""Loading administrative units from the ``vietnam-provinces`` package (set-based, idempotent)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from vietnam_provinces import Province as VnProvince
from vietnam_provinces import VietNamDivisionType, Ward
from vietnam_provinces.legacy.base import District as LegacyDistrict
from vietnam_provinces.legacy.base import Province as LegacyProvince

from giamngheo.apps.audit.services import audit_bulk_record
from giamngheo.apps.geo.models import AreaType, Commune, CommuneKind, LegacyCommune, Province

_KIND = {
    VietNamDivisionType.XA: CommuneKind.XA,
    VietNamDivisionType.PHUONG: CommuneKind.PHUONG,
    VietNamDivisionType.DAC_KHU: CommuneKind.DAC_KHU,
}
_AREA = {CommuneKind.XA: AreaType.RURAL, CommuneKind.PHUONG: AreaType.URBAN}


@dataclass(frozen=True, slots=True, kw_only=True)
class GeoLoadResult:
    provinces: int
    communes: int
    legacy_communes: int


@transaction.atomic
def geo_units_load(*, special_zone_area: AreaType = AreaType.RURAL) -> GeoLoadResult:
    """Create or refresh the 34 provinces, 3,321 commune-level units and the pre-2025 units.

    Area type: xã rural, phường urban, đặc khu ``special_zone_area`` (not fixed by law;
    change it per unit afterwards). Policy flags already set on existing units are kept.
    """
    provinces = _provinces_load()
    communes = _communes_load(provinces, special_zone_area)
    legacy = _legacy_load(communes)
    audit_bulk_record(
        target_type="geo.commune",
        count=len(communes),
        summary=f"Nạp {len(provinces)} tỉnh, {len(communes)} xã/phường/đặc khu, {legacy} đơn vị cũ",
    )
    return GeoLoadResult(provinces=len(provinces), communes=len(communes), legacy_communes=legacy)


def _provinces_load() -> dict[str, Province]:
    rows = [
        Province(
            code=f"{int(p.code):02d}",
            name=p.name,
            is_city=p.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG,
        )
        for p in VnProvince.iter_all()
    ]
    Province.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["code"], update_fields=["name", "is_city"]
    )
    return {p.code: p for p in Province.objects.all()}


def _communes_load(
    provinces: dict[str, Province], special_zone_area: AreaType
) -> dict[str, Commune]:
    rows = []
    for ward in Ward.iter_all():
        kind = _KIND[ward.division_type]
        rows.append(
            Commune(
                code=f"{int(ward.code):05d}",
                province=provinces[f"{int(ward.province_code):02d}"],
                name=_capitalised(ward.name),
                kind=kind,
                area=_AREA.get(kind, special_zone_area),
            )
        )
    Commune.objects.bulk_create(
        rows,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "kind", "province"],
    )
    return {c.code: c for c in Commune.objects.all()}


def _capitalised(name: str) -> str:
    """The package spells one unit "xã Bắc Sơn"; every other name starts with a capital."""
    return name[:1].upper() + name[1:]


def _legacy_load(communes: dict[str, Commune]) -> int:
    districts: dict[int, LegacyDistrict] = {}
    legacy_rows: dict[str, LegacyCommune] = {}
    links: list[tuple[str, str]] = []
    for ward in Ward.iter_all():
        for old in ward.get_legacy_sources():
            code = f"{int(old.code):05d}"
            if code not in legacy_rows:
                district = districts.setdefault(
                    int(old.district_code), LegacyDistrict.from_code(old.district_code)
                )
                province = LegacyProvince.from_code(district.province_code)
                legacy_rows[code] = LegacyCommune(
                    code=code,
                    name=old.name,
                    district_code=f"{int(district.code):03d}",
                    district_name=district.name,
                    province_code=f"{int(province.code):02d}",
                    province_name=province.name,
                )
            links.append((code, f"{int(ward.code):05d}"))
    LegacyCommune.objects.bulk_create(legacy_rows.values(), batch_size=1000, ignore_conflicts=True)
    ids = dict(LegacyCommune.objects.values_list("code", "id"))
    through = LegacyCommune.successors.through
    through.objects.bulk_create(
        [through(legacycommune_id=ids[o], commune_id=communes[n].pk) for o, n in links],
        batch_size=1000,
        ignore_conflicts=True,
    )
    return len(legacy_rows)
