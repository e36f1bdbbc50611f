"""Quảng Ninh's NTP 2021–2025 as generated data: 524 bn VND, 362 bn of it central, the rest
provincial counterpart budget and social mobilisation, allocated over 3 component projects and
8 sub-projects to communes and disbursed. Every report adds up to the đồng."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

import pytest
from tests.factories import HouseholdFactory, UserFactory, VillageFactory

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.funds.choices import SourceKind
from giamngheo.apps.funds.models import FundSource
from giamngheo.apps.funds.public import public_flows
from giamngheo.apps.funds.selectors import Period, source_balances_visible, use_summary_visible
from giamngheo.apps.funds.services import (
    allocation_record,
    budget_receipt_record,
    disbursement_record,
    donation_record,
    source_create,
)
from giamngheo.apps.funds.verify import ledger_verify
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.programmes.models import Programme, Project, SubProject, SupportRecord

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
BN = 1_000_000_000
TOTAL, CENTRAL, COUNTERPART = 524 * BN, 362 * BN, 140 * BN
MOBILISED = TOTAL - CENTRAL - COUNTERPART  # 22 bn from businesses and people
PROJECTS = {
    1: ("Hỗ trợ sản xuất, đa dạng hoá sinh kế, nhân rộng mô hình", 3),
    2: ("Hạ tầng thiết yếu", 3),
    3: ("Nâng cao năng lực, truyền thông, giám sát, đánh giá", 2),
}


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` đồng in ``parts`` positive integer shares that add up exactly."""
    cuts = sorted(rng.sample(range(1, total // 1_000_000), parts - 1))
    shares = [b - a for a, b in zip([0, *cuts], [*cuts, total // 1_000_000], strict=True)]
    shares = [s * 1_000_000 for s in shares]
    shares[-1] += total - sum(shares)
    return shares


def _programme(province: Province) -> list[SubProject]:
    programme = Programme.objects.create(
        province=province,
        code="ntp-gnbv-2021",
        name="CTMTQG Giảm nghèo bền vững 2021–2025",
        starts_year=2021,
        ends_year=2025,
    )
    subs = []
    for number, (name, count) in PROJECTS.items():
        project = Project.objects.create(programme=programme, number=number, name=name)
        subs += [
            SubProject.objects.create(project=project, number=n, name=f"Tiểu dự án {number}.{n}")
            for n in range(1, count + 1)
        ]
    return subs


def test_quang_ninh_programme_adds_up_to_the_dong() -> None:
    rng = random.Random(2025)
    province = Province.objects.get(code="22")
    communes = list(Commune.objects.filter(province=province).order_by("code")[:12])
    officer = UserFactory(role=Role.PROVINCE_OFFICER, unit=province)
    subs = _programme(province)
    sources = {
        kind: source_create(actor=officer, province=province, kind=kind, code=kind[:20], name=name)
        for kind, name in [
            (SourceKind.CENTRAL, "Ngân sách trung ương"),
            (SourceKind.PROVINCIAL, "Ngân sách tỉnh đối ứng"),
            (SourceKind.MOBILISED, "Huy động xã hội"),
        ]
    }
    day = dt.date(2023, 3, 1)
    for i, share in enumerate(_split(rng, CENTRAL, 5)):
        budget_receipt_record(
            actor=officer,
            source=sources[SourceKind.CENTRAL],
            amount_vnd=share,
            received_on=day.replace(year=2021 + i),
            reference=f"QĐ TW {i}",
        )
    budget_receipt_record(
        actor=officer,
        source=sources[SourceKind.PROVINCIAL],
        amount_vnd=COUNTERPART,
        received_on=day,
        reference="NQ HĐND",
    )
    for i, share in enumerate(_split(rng, MOBILISED, 6)):
        donation_record(
            actor=officer,
            source=sources[SourceKind.MOBILISED],
            donor_name=f"Doanh nghiệp {i + 1}",
            amount_vnd=share,
            received_on=day,
        )

    allocated: dict[str, int] = defaultdict(int)  # what the test itself sent, by key
    disbursed: dict[str, int] = defaultdict(int)
    delivered = 0
    for kind, source in sources.items():
        budget = {
            SourceKind.CENTRAL: CENTRAL,
            SourceKind.PROVINCIAL: COUNTERPART,
            SourceKind.MOBILISED: MOBILISED,
        }[kind]
        to_allocate = budget - budget // 50  # 2 % kept back
        for sub, amount in zip(subs, _split(rng, to_allocate, len(subs)), strict=True):
            commune = rng.choice(communes)
            allocation = allocation_record(
                actor=officer,
                source=source,
                commune=commune,
                amount_vnd=amount,
                year=2024,
                booked_on=dt.date(2024, 2, 1),
                sub_project=sub,
            )
            for key in (f"s{source.pk}", f"p{sub.project_id}", f"sp{sub.pk}", f"c{commune.pk}"):
                allocated[key] += amount
            paid = amount * rng.randint(50, 95) // 100
            disbursement_record(
                actor=officer,
                allocation=allocation,
                amount_vnd=paid,
                paid_on=dt.date(2024, 9, 1),
                work=f"Công trình {sub}",
            )
            for key in (f"s{source.pk}", f"p{sub.project_id}", f"sp{sub.pk}", f"c{commune.pk}"):
                disbursed[key] += paid
            if sub.project.number == 1:  # production support reaches households
                record = _support(commune, kind)
                gift = min(40_000_000, amount - paid)
                disbursement_record(
                    actor=officer,
                    allocation=allocation,
                    amount_vnd=gift,
                    paid_on=dt.date(2024, 10, 1),
                    support_record=record,
                )
                for key in (f"s{source.pk}", f"p{sub.project_id}", f"sp{sub.pk}", f"c{commune.pk}"):
                    disbursed[key] += gift
                delivered += gift

    balances = {b.source.kind: b for b in source_balances_visible(user=officer)}
    assert sum(b.received for b in balances.values()) == TOTAL
    assert balances[SourceKind.CENTRAL].received == CENTRAL
    for kind, b in balances.items():
        source = sources[kind]
        assert b.received == b.unallocated + b.allocated + b.spent
        assert b.allocated_total == allocated[f"s{source.pk}"]
        assert b.spent == disbursed[f"s{source.pk}"]

    prefixes = {"source": "s", "project": "p", "sub_project": "sp", "commune": "c"}
    for by, prefix in prefixes.items():
        rows = use_summary_visible(user=officer, by=by)  # type: ignore[arg-type]
        assert {f"{prefix}{r.key}": r.allocated for r in rows} == {
            k: v for k, v in allocated.items() if k.startswith(prefix) and k[len(prefix)].isdigit()
        }
        assert {f"{prefix}{r.key}": r.disbursed for r in rows} == {
            k: v for k, v in disbursed.items() if k.startswith(prefix) and k[len(prefix)].isdigit()
        }
        assert sum(r.delivered for r in rows) == delivered
        assert all(r.allocated == r.disbursed + r.remaining for r in rows)
    [year] = use_summary_visible(user=officer, by="year")
    assert year.allocated == TOTAL - sum(b // 50 for b in (CENTRAL, COUNTERPART, MOBILISED))

    before_2022 = source_balances_visible(user=officer, period=Period(end=dt.date(2021, 12, 31)))
    assert sum(b.received for b in before_2022) < CENTRAL

    flows = public_flows(province=province)
    assert flows.money_in == TOTAL
    assert sum(v for _, v in flows.in_by_source) == TOTAL
    assert sum(v for _, v in flows.out_by_project) == year.allocated
    assert sum(v for _, v in flows.out_by_commune) == year.allocated
    assert flows.money_in == flows.unallocated + year.allocated
    assert ledger_verify().ok
    assert FundSource.objects.filter(province=province).count() == 3


def _support(commune: Commune, kind: str) -> SupportRecord:
    from django.utils import timezone

    from giamngheo.apps.funds.choices import SUPPORT_SOURCE

    village = VillageFactory(commune=commune)
    household = HouseholdFactory(village=village)
    return SupportRecord.objects.create(
        household=household,
        support_type="livelihood_model",
        amount=40_000_000,
        delivered_on=dt.date(2024, 10, 1),
        giver_state="UBND tỉnh Quảng Ninh",
        source=SUPPORT_SOURCE[kind],
        recorded_at=timezone.now(),
    )
