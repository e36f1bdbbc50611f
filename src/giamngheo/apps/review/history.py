"""A household's status before a campaign: its recognised current status when it has one,
otherwise the classification of its previous year's periodic survey."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django.db.models import QuerySet

from giamngheo.apps.review.models import HouseholdStatus, ReviewCampaign
from giamngheo.apps.standards.models import SurveyClassification
from giamngheo.domain.model import Status
from giamngheo.domain.standards import standards_all
from giamngheo.domain.transitions import Transition, transition

LISTED: frozenset[str] = frozenset({"poor", "near_poor"})
ESCAPES: frozenset[str] = frozenset({"escaped", "escaped_near_poor"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Before:
    status: Status | None
    ever_poor: bool

    def transition_to(self, current: Status) -> Transition:
        return transition(previous=self.status, current=current, ever_poor=self.ever_poor)


def statuses_before(campaign: ReviewCampaign, households: QuerySet[Any]) -> dict[int, Before]:
    """``{household id: Before}`` for the households (a queryset of ids or households)."""
    known = {
        h: Before(status=cast(Status, s), ever_poor=ever or s == "poor")
        for h, s, ever in HouseholdStatus.objects.filter(household__in=households).values_list(
            "household_id", "status", "ever_poor"
        )
    }
    classified = _classified_before(campaign, households)
    poor_ever = _ever_poor(campaign, households)
    for household, status in classified.items():
        ever = household in poor_ever or status == "poor"
        known.setdefault(household, Before(status=status, ever_poor=ever))
    return known


def _preferred_standards(campaign: ReviewCampaign) -> list[str]:
    national = [s.id for s in standards_all() if s.id.startswith("vn-") and s.measure == "income"]
    return [campaign.standard_id, *(s for s in national if s != campaign.standard_id)]


def _classified_before(campaign: ReviewCampaign, households: QuerySet[Any]) -> dict[int, Status]:
    preferred = _preferred_standards(campaign)
    rows = SurveyClassification.objects.filter(
        survey__household__in=households,
        survey__kind="periodic",
        survey__year=campaign.year - 1,
        standard_id__in=preferred,
    ).values_list("survey__household_id", "standard_id", "standard_version", "status")
    best: dict[int, tuple[int, int, Status]] = {}
    for household, standard_id, version, status in rows:
        rank = (-preferred.index(standard_id), version, cast(Status, status))
        if household not in best or rank[:2] > best[household][:2]:
            best[household] = rank
    return {h: rank[2] for h, rank in best.items()}


def _ever_poor(campaign: ReviewCampaign, households: QuerySet[Any]) -> set[int]:
    rows = SurveyClassification.objects.filter(
        survey__household__in=households,
        survey__kind="periodic",
        survey__year__lt=campaign.year - 1,
        status="poor",
        standard_id__in=_preferred_standards(campaign),
    )
    return set(rows.values_list("survey__household_id", flat=True).distinct())
