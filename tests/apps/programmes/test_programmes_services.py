"""Programme structure, versioned rules and levels, enrolment, delivery refusals, imports,
campaign and housing reports, and a household's support history."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from tests.apps.programmes.programmes_support import (
    HOME,
    NEIGHBOUR,
    STD,
    commune_officer,
    household,
    organisation_officer,
    province_officer,
)

from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.programmes.models import Enrolment, SupportLevel, SupportRecord
from giamngheo.apps.programmes.selectors import (
    campaign_report,
    eligibility_explain,
    household_support_history,
    housing_report,
)
from giamngheo.apps.programmes.services import (
    SupportImportError,
    campaign_create,
    eligibility_rule_publish,
    enrolment_commit,
    enrolment_preview,
    housing_stage_set,
    levels_template_load,
    programme_template_load,
    support_import,
    support_level_publish,
    support_record,
)
from giamngheo.apps.registry.models import Household

pytestmark = pytest.mark.django_db
M = 1_000_000
DAY = dt.date(2026, 3, 2)


@pytest.fixture
def officer():
    return province_officer()


@pytest.fixture
def levels(officer) -> dict[str, SupportLevel]:
    province = Commune.objects.get(code=HOME).province
    return {lv.code: lv for lv in levels_template_load(actor=officer, province=province)}


@pytest.fixture
def places() -> dict[str, Household]:
    return {
        "poor": household(HOME, "H-poor", {2024: "poor", 2025: "poor"}, ethnicity="08"),
        "near": household(HOME, "H-near", {2025: "near_poor"}),
        "escaped": household(HOME, "H-esc", {2023: "poor", 2024: "average", 2025: "average"}),
        "old_escape": household(HOME, "H-old", {2021: "poor", 2022: "not_poor", 2025: "not_poor"}),
        "neighbour": household(NEIGHBOUR, "H-nb", {2025: "poor"}),
    }


def test_qd90_template_has_seven_projects(officer) -> None:
    programme = programme_template_load(actor=officer, province=officer.scope_province)
    assert programme.projects.count() == 7
    assert [p.sub_projects.count() for p in programme.projects.all()] == [2, 0, 2, 3, 0, 2, 2]
    with pytest.raises(PermissionDenied):
        programme_template_load(actor=commune_officer(), province=officer.scope_province)


def test_rules_and_levels_are_versioned_never_edited(officer, levels) -> None:
    v1 = levels["nha-xay-moi"]
    v2 = support_level_publish(
        actor=officer, province=v1.province, code=v1.code, eligibility=v1.eligibility,
        name=v1.name, support_type="housing", unit="vnd", central_amount=60 * M,
        multiplier_permille=1300, housing_kind="new",
        priorities=[{"when": "minority or remote_village", "add_permille": 100}],
    )  # fmt: skip
    assert (v1.version, v2.version) == (1, 2)
    v1.refresh_from_db()
    assert v1.multiplier_permille == 1000
    with pytest.raises(ValidationError, match="Vị trí 1"):
        eligibility_rule_publish(
            actor=officer, province=v1.province, code="x", name="x", expression="?",
            standard_id=STD,
        )  # fmt: skip


def test_enrolment_preview_counts_by_commune_then_commit_stores_amounts(
    officer,
    levels,
    places,
) -> None:
    level = levels["nha-xay-moi"]
    preview = enrolment_preview(actor=officer, level=level, year=2026)
    assert (preview.households, preview.new, preview.amount) == (3, 3, 180 * M)
    assert {c.commune: c.households for c in preview.communes} == {
        Commune.objects.get(code=HOME).name: 2, Commune.objects.get(code=NEIGHBOUR).name: 1
    }  # fmt: skip
    assert Enrolment.objects.count() == 0
    done = enrolment_commit(actor=officer, level=level, year=2026)
    assert done.new == 3
    stored = Enrolment.objects.get(household=places["poor"])
    assert (stored.amount, stored.eligibility.label) == (60 * M, "ngheo-can-ngheo@v1")
    again = enrolment_commit(actor=officer, level=level, year=2026)
    assert (again.households, again.new) == (3, 0)
    assert AuditEvent.objects.filter(target_type="programmes.enrolment").count() == 2


def test_priorities_and_multiplier_change_the_amount(officer, levels, places) -> None:
    base = levels["nha-xay-moi"]
    level = support_level_publish(
        actor=officer, province=base.province, code=base.code, eligibility=base.eligibility,
        name=base.name, support_type="housing", unit="vnd", central_amount=60 * M,
        multiplier_permille=1300, housing_kind="new",
        priorities=[{"when": "minority", "add_permille": 100}],
    )  # fmt: skip
    preview = enrolment_preview(actor=officer, level=level, year=2026)
    assert preview.amount == 78 * M * 3 + 7_800_000  # one minority household gets +10%


def test_health_insurance_share_for_near_poor_in_poor_commune(officer, levels, places) -> None:
    Commune.objects.filter(code=HOME).update(poor_commune=True)
    officer_c = commune_officer()
    record = support_record(
        actor=officer_c, household=places["near"], support_type="health_insurance",
        level=levels["bhyt-ho-can-ngheo"], delivered_on=DAY, source="central",
    )  # fmt: skip
    assert record.amount == 100


def test_loans_follow_the_products(levels, places) -> None:
    officer_c = commune_officer()

    def loan(key: str, level: str, amount: int) -> SupportRecord:
        return support_record(
            actor=officer_c, household=places[key], support_type="loan", level=levels[level],
            amount=amount, delivered_on=DAY, source="policy_credit",
        )  # fmt: skip

    assert loan("poor", "vay-ho-ngheo", 50 * M).loan_rate_bp == 660
    assert loan("escaped", "vay-moi-thoat-ngheo", 80 * M).loan_rate_bp == 825
    with pytest.raises(ValidationError, match="không thuộc đối tượng"):
        loan("near", "vay-ho-ngheo", 50 * M)
    with pytest.raises(ValidationError, match="không thuộc đối tượng"):
        loan("old_escape", "vay-moi-thoat-ngheo", 50 * M)  # escaped more than 36 months ago
    with pytest.raises(ValidationError, match="không được vượt"):
        loan("poor", "vay-ho-ngheo", 120 * M)


def test_refusals_scope_amount_and_housing_order(levels, places) -> None:
    officer_c = commune_officer()
    house = {"support_type": "housing", "level": levels["nha-xay-moi"], "source": "central"}
    with pytest.raises(PermissionDenied):
        support_record(actor=officer_c, household=places["neighbour"], delivered_on=DAY, **house)
    with pytest.raises(ValidationError, match="phải bằng"):
        support_record(
            actor=officer_c, household=places["poor"], delivered_on=DAY, amount=50 * M, **house
        )
    with pytest.raises(ValidationError, match="trước khi"):
        support_record(
            actor=officer_c, household=places["poor"], delivered_on=DAY, approved_on=DAY,
            completed_on=DAY, housing_stage="completed", **house,
        )  # fmt: skip
    record = support_record(
        actor=officer_c, household=places["poor"], delivered_on=DAY, approved_on=DAY, **house
    )
    assert (record.amount, record.housing_kind, record.housing_stage) == (60 * M, "new", "approved")
    with pytest.raises(ValidationError, match="trước khi"):
        housing_stage_set(actor=officer_c, record=record, stage="completed", on=DAY)
    housing_stage_set(actor=officer_c, record=record, stage="started", on=DAY)
    housing_stage_set(actor=officer_c, record=record, stage="completed", on=dt.date(2026, 6, 1))
    report = housing_report(user=officer_c)
    assert report.total == 1
    assert {label: total for label, _, total in report.rows}["Đã hoàn thành"] == 1


def test_organisation_gives_as_itself_and_duplicates_are_found(officer, places) -> None:
    province = officer.scope_province
    tet = campaign_create(
        actor=officer, province=province, kind="tet_gifts", name="Quà Tết 2026",
        starts_on=dt.date(2026, 1, 15), ends_on=dt.date(2026, 2, 16), support_type="tet_gift",
        target_households=4,
    )  # fmt: skip
    front, red_cross = organisation_officer(), organisation_officer("Hội Chữ thập đỏ tỉnh")
    gift = {"support_type": "tet_gift", "amount": 500_000, "source": "fund_for_the_poor",
            "campaign": tet, "delivered_on": dt.date(2026, 2, 1)}  # fmt: skip
    record = support_record(actor=front, household=places["poor"], **gift)
    assert record.giver_name == "Ủy ban MTTQ tỉnh Lạng Sơn"
    support_record(actor=red_cross, household=places["poor"], **gift)
    support_record(actor=front, household=places["near"], **gift)
    with pytest.raises(ValidationError, match="ngoài thời gian"):
        support_record(actor=front, household=places["near"], **(gift | {"delivered_on": DAY}))
    report = campaign_report(user=officer, campaign=tet)
    assert (report.households, report.records, report.amount_vnd) == (2, 3, 1_500_000)
    assert report.households_percent == 50
    assert [(d.household_code, d.givers) for d in report.duplicates] == [
        ("H-poor", ["Hội Chữ thập đỏ tỉnh", "Ủy ban MTTQ tỉnh Lạng Sơn"])
    ]


def test_month_for_the_poor_defaults_to_17_october_18_november(officer) -> None:
    month = campaign_create(
        actor=officer, province=officer.scope_province, kind="month_for_the_poor",
        name="Tháng cao điểm 2025", year=2025,
    )  # fmt: skip
    assert (month.starts_on, month.ends_on) == (dt.date(2025, 10, 17), dt.date(2025, 11, 18))


def _table(rows: list[dict[str, str]]) -> pl.DataFrame:
    return pl.DataFrame(rows)


def test_import_is_all_or_nothing_with_row_column_reason(levels, places) -> None:
    officer_c = commune_officer()
    good = {"household_code": "H-poor", "support_type": "housing", "delivered_on": "02/03/2026",
            "source": "central", "level": "nha-xay-moi", "amount": "60.000.000",
            "housing_kind": "new", "housing_stage": "started", "approved_on": "2026-03-01",
            "started_on": "2026-03-02", "completed_on": "", "handed_over_on": ""}  # fmt: skip
    bad = [
        good | {"household_code": "H-nb"},  # row 2: outside the commune
        good | {"household_code": "H-near", "amount": "50000000"},  # row 3: wrong amount
        good | {"household_code": "H-esc"},  # row 4: not eligible
        good | {"household_code": "H-near", "completed_on": "2026-03-01"},  # row 5: order
        good | {"support_type": "bogus", "delivered_on": "31/02/2026"},  # row 6
    ]
    with pytest.raises(SupportImportError) as caught:
        support_import(actor=officer_c, table=_table(bad))
    found = {(p.row, p.column) for p in caught.value.problems}
    assert {
        (2, "household_code"),
        (6, "support_type"),
        (6, "delivered_on"),
        (5, "completed_on"),
    } <= found
    assert SupportRecord.objects.count() == 0
    with pytest.raises(SupportImportError) as caught:
        support_import(actor=officer_c, table=_table(bad[1:3]))
    assert {(p.row, p.column) for p in caught.value.problems} == {(2, "amount"), (3, "level")}
    assert "Dòng 2, cột amount" in caught.value.messages[0]
    stored = support_import(
        actor=officer_c, table=_table([good, good | {"household_code": "H-near"}])
    )
    assert stored == 2
    record = SupportRecord.objects.get(household=places["near"])
    assert (record.amount, record.level, record.giver_state) == (
        60 * M,
        levels["nha-xay-moi"],
        f"UBND {places['near'].village.commune.name}",
    )


def test_history_and_explanation_respect_scope(officer, levels, places) -> None:
    officer_c = commune_officer()
    support_record(
        actor=officer_c, household=places["poor"], support_type="cash", amount=1_000_000,
        delivered_on=DAY, source="local",
    )  # fmt: skip
    enrolment_commit(actor=officer, level=levels["bhyt-ho-ngheo"], year=2026)
    history = household_support_history(user=officer_c, household=places["poor"])
    assert [(i.support_type, i.amount) for i in history.items] == [("cash", "1.000.000 đ")]
    assert history.enrolments == [(2026, levels["bhyt-ho-ngheo"].name, "bhyt-ho-ngheo@v1")]
    assert history.total_vnd_by_year == {2026: 1_000_000}
    with pytest.raises(Household.DoesNotExist):
        household_support_history(user=officer_c, household=places["neighbour"])
    why = eligibility_explain(
        user=officer_c, rule=levels["vay-moi-thoat-ngheo"].eligibility,
        household=places["escaped"], as_of=DAY,
    )  # fmt: skip
    assert why.eligible
    assert "số tháng từ khi thoát nghèo: 17" in why.text
