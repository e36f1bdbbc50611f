"""The two seed scenarios, reproduced on generated data through the bulk import path.

(a) Lạng Sơn's 2025 housing drive: 6,508 houses, 3,840 new and 2,668 repaired, spread over the
four stages; the housing report shows exactly those counts by kind and stage.
(b) Quảng Ninh's Fatherland Front Tết gifts: ~127,000 gifts (scaled to 12,700) in one campaign,
with a known set of households given the same gift a second time by the Red Cross; the
campaign report counts the gifts exactly and lists exactly those households (not those who got
a different kind of support from the second giver).

Households are inserted with ``bulk_create`` and support with ``support_import`` (one
vectorised, all-or-nothing service call), never a service call per row.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from tests.factories import UserFactory

from giamngheo.apps.accounts.models import Organisation, User
from giamngheo.apps.accounts.roles import OrganisationKind, Role
from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.programmes.models import Campaign, SupportRecord
from giamngheo.apps.programmes.selectors import campaign_report, housing_report
from giamngheo.apps.programmes.services import campaign_create, support_import
from giamngheo.apps.registry.models import Household

pytestmark = pytest.mark.django_db

LANG_SON, QUANG_NINH = "20", "22"
# (stage, kind) → houses; new 3,840 and repaired 2,668, 6,508 in all.
HOUSES = {
    ("approved", "new"): 400, ("started", "new"): 640,
    ("completed", "new"): 1_000, ("handed_over", "new"): 1_800,
    ("approved", "repaired"): 268, ("started", "repaired"): 400,
    ("completed", "repaired"): 700, ("handed_over", "repaired"): 1_300,
}  # fmt: skip
STAGE_DATES = {
    "approved_on": "2025-03-03", "started_on": "2025-04-07",
    "completed_on": "2025-07-15", "handed_over_on": "2025-08-30",
}  # fmt: skip
REACHED = {"approved": 1, "started": 2, "completed": 3, "handed_over": 4}
# The seed's ~127,000 gifts scaled down tenfold: at full size this test took 25 s on SQLite
# (over the ~20 s budget for one test); the import and report are set-based either way.
GIFTS, TWICE, OTHER_KIND = 12_700, 137, 50  # gifts in all; households given a second gift


def _households(province_code: str, count: int, prefix: str) -> None:
    """``count`` households spread over villages of the province's first five communes."""
    province = Province.objects.get(code=province_code)
    communes = list(Commune.objects.filter(province=province).order_by("code")[:5])
    villages = Village.objects.bulk_create(
        Village(commune=c, code=f"{prefix}-{c.code}", name=f"Thôn {prefix} {c.code}")
        for c in communes
    )
    Household.objects.bulk_create(
        (
            Household(
                province=province,
                village=villages[i % len(villages)],
                code=f"{prefix}-{i:06d}",
                area=villages[i % len(villages)].commune.area,
                address="",
            )
            for i in range(count)
        ),
        batch_size=5_000,
    )


def _officer(role: str, province_code: str, organisation: Organisation | None = None) -> User:
    province = Province.objects.get(code=province_code)
    return UserFactory(role=role, unit=province, organisation=organisation)


def _giver(province_code: str, name: str, kind: str) -> User:
    province = Province.objects.get(code=province_code)
    organisation = Organisation.objects.create(name=name, kind=kind, province=province)
    return _officer(Role.ORGANISATION_OFFICER, province_code, organisation)


# -- (a) Lạng Sơn's housing drive ---------------------------------------------------------------
def _housing_table(prefix: str) -> pl.DataFrame:
    cells = [(stage, kind) for (stage, kind), n in HOUSES.items() for _ in range(n)]
    frame = pl.DataFrame(cells, schema=["housing_stage", "housing_kind"], orient="row")
    dates = list(STAGE_DATES)
    return frame.with_row_index("i").select(
        (pl.lit(f"{prefix}-") + pl.col("i").cast(pl.String).str.zfill(6)).alias("household_code"),
        pl.lit("housing").alias("support_type"),
        pl.lit("2025-03-03").alias("delivered_on"),
        pl.lit("local").alias("source"),
        "housing_kind",
        "housing_stage",
        *[
            pl.when(pl.col("housing_stage").replace_strict(REACHED, return_dtype=pl.Int8) > n)
            .then(pl.lit(STAGE_DATES[column]))
            .alias(column)
            for n, column in enumerate(dates)
        ],
    )


def test_lang_son_housing_drive_counts_6508_houses_by_kind_and_stage() -> None:
    officer = _officer(Role.PROVINCE_OFFICER, LANG_SON)
    campaign = campaign_create(
        actor=officer, province=officer.scope_province, kind="housing_drive",
        name="Xoá nhà tạm, nhà dột nát 2025", starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31), support_type="housing", target_households=6_508,
    )  # fmt: skip
    _households(LANG_SON, 6_508, "LS")
    front = _giver(LANG_SON, "Ủy ban MTTQ tỉnh Lạng Sơn", OrganisationKind.FATHERLAND_FRONT)
    assert support_import(actor=front, table=_housing_table("LS"), campaign=campaign) == 6_508

    report = housing_report(user=officer, campaign=campaign)
    assert report.total == 6_508
    assert report.totals == {"new": 3_840, "repaired": 2_668}
    stages = {label: counts for label, counts, _ in report.rows}
    assert stages == {
        "Đã phê duyệt": {"new": 400, "repaired": 268},
        "Đã khởi công": {"new": 640, "repaired": 400},
        "Đã hoàn thành": {"new": 1_000, "repaired": 700},
        "Đã bàn giao": {"new": 1_800, "repaired": 1_300},
    }
    assert housing_report(user=officer, year=2025).total == 6_508


# -- (b) Quảng Ninh's Tết gifts -----------------------------------------------------------------
def _gifts(codes: list[str], support_type: str = "tet_gift") -> pl.DataFrame:
    return pl.DataFrame({"household_code": codes}).with_columns(
        support_type=pl.lit(support_type), delivered_on=pl.lit("2026-02-05"),
        source=pl.lit("fund_for_the_poor"), amount=pl.lit("500000"),
    )  # fmt: skip


def test_quang_ninh_tet_gifts_counted_and_duplicate_households_listed() -> None:
    officer = _officer(Role.PROVINCE_OFFICER, QUANG_NINH)
    campaign = campaign_create(
        actor=officer, province=officer.scope_province, kind="tet_gifts",
        name="Quà Tết Bính Ngọ 2026", starts_on=dt.date(2026, 1, 15),
        ends_on=dt.date(2026, 2, 16), target_households=GIFTS,
    )  # fmt: skip
    households = GIFTS - TWICE
    _households(QUANG_NINH, households, "QN")
    codes = [f"QN-{i:06d}" for i in range(households)]
    twice = codes[:: households // TWICE][:TWICE]
    other = [c for c in codes[1 :: households // (2 * OTHER_KIND)] if c not in twice]
    other = other[:OTHER_KIND]
    assert len(twice) == TWICE
    assert len(other) == OTHER_KIND
    front = _giver(QUANG_NINH, "Ủy ban MTTQ tỉnh Quảng Ninh", OrganisationKind.FATHERLAND_FRONT)
    red_cross = _giver(QUANG_NINH, "Hội Chữ thập đỏ tỉnh Quảng Ninh", OrganisationKind.RED_CROSS)

    support_import(actor=front, table=_gifts(codes), campaign=campaign)
    support_import(actor=red_cross, table=_gifts(twice), campaign=campaign)
    support_import(actor=red_cross, table=_gifts(other, "cash"), campaign=campaign)
    report = campaign_report(user=officer, campaign=campaign)

    by_type = dict(report.by_type)
    assert by_type["Quà Tết"] == GIFTS
    assert report.records == GIFTS + OTHER_KIND
    assert report.households == households
    assert [d.household_code for d in report.duplicates] == sorted(twice)
    assert {tuple(d.givers) for d in report.duplicates} == {
        ("Hội Chữ thập đỏ tỉnh Quảng Ninh", "Ủy ban MTTQ tỉnh Quảng Ninh")
    }
    assert all(d.records == 2 and d.support_type == "Quà Tết" for d in report.duplicates)
    assert SupportRecord.objects.filter(campaign=campaign).count() == GIFTS + OTHER_KIND
    assert Campaign.objects.get(pk=campaign.pk).target_households == GIFTS
