"""What the public may see of a province's funds: aggregates only, no personal data.

Money in by kind of source and by campaign, money out by project and by commune, and the flows
source → project → commune for the Sankey diagram. A receipt lookup shows one donation (donor
name masked unless the donor is an organisation) and the communes and uses it paid for, never
household codes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Sum

from giamngheo.apps.funds.choices import AccountKind, SourceKind
from giamngheo.apps.funds.models import Donation, FundSource, LedgerEntry
from giamngheo.apps.funds.selectors import DonationTrace, donation_trace
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.programmes.models import Campaign, Project

OUTSIDE_PROGRAMME = "Ngoài chương trình"
NOT_IN_CAMPAIGN = "Không thuộc đợt vận động"


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicFlows:
    province: Province
    money_in: int
    unallocated: int
    allocated: int
    disbursed: int
    in_by_source: list[tuple[str, int]]
    in_by_campaign: list[tuple[str, int]]
    out_by_project: list[tuple[str, int]]
    out_by_commune: list[tuple[str, int]]
    sankey: dict[str, Any]


def public_flows(*, province: Province) -> PublicFlows:
    entries = LedgerEntry.objects.filter(account__province=province)
    kinds = _by_kind(entries)
    flows = _use_flows(entries)
    return PublicFlows(
        province=province,
        money_in=-kinds[AccountKind.INCOME],
        unallocated=kinds[AccountKind.HELD] + kinds[AccountKind.EARMARKED],
        allocated=kinds[AccountKind.ALLOCATED] + kinds[AccountKind.SPENT],
        disbursed=kinds[AccountKind.SPENT],
        in_by_source=_in_by_source(entries),
        in_by_campaign=_in_by_campaign(province),
        out_by_project=_totals(flows, 1),
        out_by_commune=_totals(flows, 2),
        sankey=_sankey(flows),
    )


def _by_kind(entries: Any) -> dict[str, int]:
    rows = entries.values("account__kind").annotate(t=Sum("amount_vnd"))
    found = {r["account__kind"]: int(r["t"]) for r in rows}
    return defaultdict(int, found)


def _in_by_source(entries: Any) -> list[tuple[str, int]]:
    rows = entries.filter(account__kind=AccountKind.INCOME).values("account__source__kind")
    totals = {r["account__source__kind"]: -int(r["t"]) for r in rows.annotate(t=Sum("amount_vnd"))}
    return [(str(SourceKind(k).label), v) for k, v in sorted(totals.items()) if v]


def _in_by_campaign(province: Province) -> list[tuple[str, int]]:
    """Donations not reversed, by campaign."""
    rows = Donation.objects.filter(
        source__province=province, transaction__reversal__isnull=True
    ).values("campaign_id")
    totals = {r["campaign_id"]: int(r["t"]) for r in rows.annotate(t=Sum("amount_vnd"))}
    names = dict(Campaign.objects.filter(pk__in=[k for k in totals if k]).values_list("pk", "name"))
    return sorted(((names.get(k, NOT_IN_CAMPAIGN), v) for k, v in totals.items()), key=_big)


type Flow = tuple[str, str, str]  # source kind label, project label, commune name


def _use_flows(entries: Any) -> dict[Flow, int]:
    rows = entries.filter(account__kind__in=(AccountKind.ALLOCATED, AccountKind.SPENT)).values(
        "account__source__kind",
        "account__allocation__project_id",
        "account__allocation__commune_id",
    )
    sums = rows.annotate(t=Sum("amount_vnd"))
    projects = {p.pk: f"Dự án {p}" for p in Project.objects.filter(
        pk__in={r["account__allocation__project_id"] for r in sums})}  # fmt: skip
    communes = dict(
        Commune.objects.filter(
            pk__in={r["account__allocation__commune_id"] for r in sums}
        ).values_list("pk", "name")
    )
    flows: dict[Flow, int] = defaultdict(int)
    for r in sums:
        key = (
            str(SourceKind(r["account__source__kind"]).label),
            projects.get(r["account__allocation__project_id"], OUTSIDE_PROGRAMME),
            communes[r["account__allocation__commune_id"]],
        )
        flows[key] += int(r["t"])
    return {k: v for k, v in flows.items() if v}


def _totals(flows: dict[Flow, int], part: int) -> list[tuple[str, int]]:
    totals: dict[str, int] = defaultdict(int)
    for key, value in flows.items():
        totals[key[part]] += value
    return sorted(totals.items(), key=_big)


def _big(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _sankey(flows: dict[Flow, int]) -> dict[str, Any]:
    """ECharts Sankey data: nodes by unique name, links source → project → commune."""
    links: dict[tuple[str, str], int] = defaultdict(int)
    for (source, project, commune), value in flows.items():
        links[source, project] += value
        links[project, commune] += value
    names = list(dict.fromkeys(name for pair in links for name in pair))
    return {
        "nodes": [{"name": n} for n in names],
        "links": [{"source": s, "target": t, "value": v} for (s, t), v in links.items()],
    }


def provinces_with_funds() -> list[Province]:
    ids = FundSource.objects.values_list("province_id", flat=True).distinct()
    return list(Province.objects.filter(pk__in=ids).order_by("name"))


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicReceipt:
    donor: str
    trace: DonationTrace
    uses: list[tuple[str, str, int, int]]  # commune, use, amount paid, households reached


def public_receipt(*, receipt_code: str) -> PublicReceipt | None:
    code = receipt_code.strip().upper()
    donation = (
        Donation.objects.filter(receipt_code=code)
        .select_related("source__province", "campaign", "donor_organisation", "transaction")
        .first()
    )
    if donation is None:
        return None
    trace = donation_trace(donation=donation)
    return PublicReceipt(donor=donor_public(donation), trace=trace, uses=_uses(trace))


def donor_public(donation: Donation) -> str:
    """Organisations by name; a person by initials only (``Nguyễn Văn An`` → ``N. V. A.``)."""
    if donation.donor_organisation_id is not None:
        return donation.donor_name
    return " ".join(f"{word[0]}." for word in donation.donor_name.split() if word)


def _uses(trace: DonationTrace) -> list[tuple[str, str, int, int]]:
    uses = []
    for item in trace.allocations:
        if item.reversed:
            continue
        paid = [p for p in item.payments if not p.reversed]
        households = len({p.household_code for p in paid if p.household_code})
        amount = sum(p.disbursement.amount_vnd for p in paid)
        uses.append((item.allocation.commune.name, item.allocation.use_label, amount, households))
    return uses
