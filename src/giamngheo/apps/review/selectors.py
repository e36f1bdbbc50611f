"""Reading the review, within the reader's scope. A record outside it is reported missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db.models import Count, Q, QuerySet

from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import UnitPaths, scope_filter, scope_of
from giamngheo.apps.geo.models import Commune, Village
from giamngheo.apps.registry.models import Household
from giamngheo.apps.registry.selectors import household_get
from giamngheo.apps.review import dates
from giamngheo.apps.review.models import (
    Complaint,
    HouseholdStatus,
    Posting,
    RecognitionDecision,
    ReviewCampaign,
    ReviewEntry,
    StatusChange,
    VillageMeeting,
)

ENTRY_UNITS = UnitPaths(
    province="household__province_id",
    commune="household__village__commune_id",
    village="household__village_id",
)
STEP_UNITS = UnitPaths(
    province="village__commune__province_id", commune="village__commune_id", village="village_id"
)
READERS = (
    Capability.REVIEW_LIST, Capability.REVIEW_MANAGE, Capability.REVIEW_APPROVE,
    Capability.REGISTRY_VIEW,
)  # fmt: skip
NEWLY_ESCAPED_MONTHS = 36


def _reader(user: Any) -> bool:
    scope = scope_of(user)
    return any(scope.can(c) for c in READERS)


def campaigns_visible(*, user: Any) -> QuerySet[ReviewCampaign]:
    """Campaigns of the user's province (every one for a country-wide scope)."""
    scope = scope_of(user)
    if not _reader(user):
        return ReviewCampaign.objects.none()
    rows = ReviewCampaign.objects.select_related("province")
    if scope.level == ScopeLevel.COUNTRY:
        return rows
    return rows.filter(province_id=scope.province_id or 0)


def campaign_get(*, user: Any, pk: int) -> ReviewCampaign:
    return campaigns_visible(user=user).get(pk=pk)


def entries_visible(*, user: Any) -> QuerySet[ReviewEntry]:
    if not _reader(user):
        return ReviewEntry.objects.none()
    return scope_filter(ReviewEntry.objects.all(), user, ENTRY_UNITS)


def entry_get(*, user: Any, pk: int) -> ReviewEntry:
    rows = entries_visible(user=user).select_related(
        "campaign__province", "household__village__commune", "survey"
    )
    return rows.get(pk=pk)


def village_entries(
    *, user: Any, campaign: ReviewCampaign, village: Village
) -> QuerySet[ReviewEntry]:
    """The village's listed households with their heads, by household code."""
    rows = entries_visible(user=user).filter(campaign=campaign, household__village=village)
    return (
        rows.select_related("household", "survey")
        .prefetch_related("household__members")
        .order_by("household__code")
    )


def village_get(*, user: Any, pk: int) -> Village:
    """A village the user may read (a village head: only their own)."""
    paths = UnitPaths(province="commune__province_id", commune="commune_id", village="id")
    if not _reader(user):
        raise Village.DoesNotExist
    return scope_filter(Village.objects.select_related("commune"), user, paths).get(pk=pk)


def commune_get(*, user: Any, pk: int) -> Commune:
    paths = UnitPaths(province="province_id", commune="id", village=None)
    scope = scope_of(user)
    if not _reader(user) or scope.level == ScopeLevel.VILLAGE:
        raise Commune.DoesNotExist
    return scope_filter(Commune.objects.all(), user, paths).get(pk=pk)


def meetings_of(*, user: Any, campaign: ReviewCampaign, village: Village) -> list[VillageMeeting]:
    village_get(user=user, pk=village.pk)
    return list(VillageMeeting.objects.filter(campaign=campaign, village=village))


def meeting_get(*, user: Any, pk: int) -> VillageMeeting:
    if not _reader(user):
        raise VillageMeeting.DoesNotExist
    rows = VillageMeeting.objects.select_related("campaign", "village__commune__province")
    return scope_filter(rows, user, STEP_UNITS).get(pk=pk)


def posting_for(*, campaign: ReviewCampaign, village: Village) -> Posting | None:
    return Posting.objects.filter(campaign=campaign, village=village).first()


def complaints_visible(*, user: Any) -> QuerySet[Complaint]:
    if not _reader(user):
        return Complaint.objects.none()
    rows = Complaint.objects.select_related("entry__household__village", "entry__campaign")
    return scope_filter(rows, user, ENTRY_UNITS.under("entry"))


def complaint_get(*, user: Any, pk: int) -> Complaint:
    return complaints_visible(user=user).get(pk=pk)


def complaint_overdue(complaint: Complaint, *, on: dt.date | None = None) -> bool:
    return complaint.is_open and (on or dates.today()) > complaint.due_on


def decision_get(*, user: Any, pk: int) -> RecognitionDecision:
    if not _reader(user):
        raise RecognitionDecision.DoesNotExist
    paths = UnitPaths(province="commune__province_id", commune="commune_id", village=None)
    rows = RecognitionDecision.objects.select_related("campaign", "commune__province", "signed_by")
    return scope_filter(rows, user, paths).get(pk=pk)


def decision_entries(decision: RecognitionDecision) -> QuerySet[ReviewEntry]:
    rows = ReviewEntry.objects.filter(
        campaign=decision.campaign, household__village__commune=decision.commune
    )
    return rows.select_related("household__village").prefetch_related("household__members")


# ---- progress ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class VillageProgress:
    village: Village
    listed: int
    surveyed: int
    classified: int
    resurvey: int
    meeting: VillageMeeting | None  # the last one
    posting: Posting | None
    complaints_open: int
    complaints_overdue: int

    @property
    def step(self) -> str:
        """Where the village stands: listing, surveys, classification, meeting, posting,
        complaints, ready (for the decision)."""
        if not self.listed:
            return "listing"
        if self.surveyed < self.listed or self.resurvey:
            return "surveys"
        if self.classified < self.listed:
            return "classification"
        if self.meeting is None or not self.meeting.passed:
            return "meeting"
        if self.posting is None or self.posting.ends_on >= dates.today():
            return "posting"
        return "complaints" if self.complaints_open else "ready"


@dataclass(frozen=True, slots=True, kw_only=True)
class CommuneProgress:
    commune: Commune
    villages: list[VillageProgress] = field(default_factory=list)
    decision: RecognitionDecision | None = None
    overdue: bool = False

    @property
    def totals(self) -> dict[str, int]:
        names = ("listed", "surveyed", "classified", "resurvey", "complaints_open",
                 "complaints_overdue")  # fmt: skip
        return {n: sum(getattr(v, n) for v in self.villages) for n in names}

    @property
    def ready(self) -> bool:
        return bool(self.villages) and all(v.step == "ready" for v in self.villages)


def village_progress(*, user: Any, campaign: ReviewCampaign, commune: Commune) -> CommuneProgress:
    """The commune's villages (every one in scope) with their counts and step, the decision
    when there is one, and whether the campaign's deadline passed without it."""
    villages = Village.objects.filter(commune=commune).order_by("name")
    if scope_of(user).level == ScopeLevel.VILLAGE:
        villages = villages.filter(pk=scope_of(user).village_id or 0)
    counts = _entry_counts(campaign, commune)
    complaints = _complaint_counts(campaign, commune)
    meetings = {m.village_id: m for m in VillageMeeting.objects.filter(campaign=campaign)}
    postings = {p.village_id: p for p in Posting.objects.filter(campaign=campaign)}
    rows = [
        VillageProgress(
            village=v, meeting=meetings.get(v.pk), posting=postings.get(v.pk),
            **counts.get(v.pk, _NO_ENTRIES), **complaints.get(v.pk, _NO_COMPLAINTS),
        )
        for v in villages
    ]  # fmt: skip
    decision = RecognitionDecision.objects.filter(campaign=campaign, commune=commune).first()
    late = decision is None and dates.today() > campaign.closes_on
    return CommuneProgress(commune=commune, villages=rows, decision=decision, overdue=late)


_NO_ENTRIES = {"listed": 0, "surveyed": 0, "classified": 0, "resurvey": 0}
_NO_COMPLAINTS = {"complaints_open": 0, "complaints_overdue": 0}


def _entry_counts(campaign: ReviewCampaign, commune: Commune) -> dict[int, dict[str, int]]:
    rows = (
        ReviewEntry.objects.filter(campaign=campaign, household__village__commune=commune)
        .values("household__village_id")
        .annotate(
            listed=Count("id"),
            surveyed=Count("id", filter=Q(survey__isnull=False)),
            classified=Count("id", filter=~Q(proposed_status="")),
            resurvey=Count("id", filter=Q(needs_resurvey=True)),
        )
    )
    return {r["household__village_id"]: _without(r, "household__village_id") for r in rows}


def _complaint_counts(campaign: ReviewCampaign, commune: Commune) -> dict[int, dict[str, int]]:
    rows = (
        Complaint.objects.filter(
            entry__campaign=campaign, entry__household__village__commune=commune,
            checked_on__isnull=True,
        )
        .values("entry__household__village_id")
        .annotate(
            complaints_open=Count("id"),
            complaints_overdue=Count("id", filter=Q(due_on__lt=dates.today())),
        )
    )  # fmt: skip
    key = "entry__household__village_id"
    return {r["entry__household__village_id"]: _without(r, key) for r in rows}


def _without(row: Any, key: str) -> dict[str, int]:
    return {k: v for k, v in row.items() if k != key}


def campaign_progress(*, user: Any, campaign: ReviewCampaign) -> list[CommuneProgress]:
    """Progress of every commune in scope that has households listed in the campaign (a
    commune or village user: their own commune)."""
    scope = scope_of(user)
    communes = Commune.objects.filter(
        villages__households__review_entries__campaign=campaign
    ).distinct()
    if scope.level in (ScopeLevel.COMMUNE, ScopeLevel.VILLAGE):  # their own, listed or not
        communes = Commune.objects.filter(pk=scope.commune_id or 0)
    return [village_progress(user=user, campaign=campaign, commune=c) for c in communes]


# ---- statuses and history ------------------------------------------------------------------


def household_status_history(*, user: Any, household: Household) -> list[StatusChange]:
    """Every recognised result of a household in scope, oldest first."""
    household_get(user=user, pk=household.pk)
    return list(StatusChange.objects.filter(household=household).select_related("decision"))


def household_status(*, household: Household) -> HouseholdStatus | None:
    return HouseholdStatus.objects.filter(household=household).first()


def newly_escaped(status: HouseholdStatus, *, on: dt.date | None = None) -> bool:
    """Whether the household left the lists within the last 36 months (on ``on``)."""
    if status.escaped_on is None or status.status in ("poor", "near_poor"):
        return False
    day = on or dates.today()
    months = (day.year - status.escaped_on.year) * 12 + day.month - status.escaped_on.month
    return months < NEWLY_ESCAPED_MONTHS or (
        months == NEWLY_ESCAPED_MONTHS and day.day < status.escaped_on.day
    )


def recognised_changes(*, user: Any) -> QuerySet[StatusChange]:
    """Recognised results (history rows) in the user's scope."""
    rows = StatusChange.objects.all() if _reader(user) else StatusChange.objects.none()
    return scope_filter(rows, user, STEP_UNITS)


@dataclass(frozen=True, slots=True, kw_only=True)
class TransitionCount:
    year: int
    unit_id: int
    unit_name: str
    transition: str
    label: str
    households: int


def transition_counts(
    *,
    user: Any,
    by: str = "village",
    year: int | None = None,
    campaign: ReviewCampaign | None = None,
) -> list[TransitionCount]:
    """Recognised transitions per year and village (``by="village"``) or commune, of one
    campaign's decisions when ``campaign`` is given."""
    rows = recognised_changes(user=user)
    if year is not None:
        rows = rows.filter(year=year)
    if campaign is not None:
        rows = rows.filter(decision__campaign=campaign)
    unit = "village" if by == "village" else "village__commune"
    grouped = (
        rows.values("year", f"{unit}_id" if by == "village" else "village__commune_id",
                    f"{unit}__name", "transition")
        .annotate(n=Count("id"))
        .order_by("year", f"{unit}__name", "transition")
    )  # fmt: skip
    labels = dict(StatusChange._meta.get_field("transition").choices or [])
    unit_id = "village_id" if by == "village" else "village__commune_id"
    return [
        TransitionCount(
            year=r["year"], unit_id=r[unit_id], unit_name=r[f"{unit}__name"],
            transition=r["transition"], label=str(labels.get(r["transition"], r["transition"])),
            households=r["n"],
        )
        for r in grouped
    ]  # fmt: skip


# ---- public posting (no sign-in) ----------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicRow:
    """What the law needs posted: the head's name, the village, the proposed status."""

    head: str
    village: str
    status: str
    status_label: str


type PostingState = Literal["upcoming", "open", "ended"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicPosting:
    posting: Posting
    village: str
    commune: str
    state: PostingState
    rows: list[PublicRow]  # empty unless the list may be shown


def posting_state(posting: Posting, *, on: dt.date | None = None) -> PostingState:
    day = on or dates.today()
    if day < posting.starts_on:
        return "upcoming"
    return "open" if day <= posting.ends_on else "ended"


def posting_public(*, slug: str) -> PublicPosting:
    """A posted list for the public page, found by its random slug: no codes, citizen IDs,
    dates of birth or addresses, and the rows only during the posting period.
    ``Posting.DoesNotExist`` for an unknown slug."""
    posting = Posting.objects.select_related("village__commune", "campaign").get(slug=slug)
    state = posting_state(posting)
    return _posted(posting, state, shown=state == "open")


def posting_sheet(*, user: Any, pk: int) -> PublicPosting:
    """The same list for officers to print, at any time, within their scope."""
    if not _reader(user):
        raise Posting.DoesNotExist
    rows = Posting.objects.select_related("village__commune", "campaign")
    posting = scope_filter(rows, user, STEP_UNITS).get(pk=pk)
    return _posted(posting, posting_state(posting), shown=True)


def _posted(posting: Posting, state: PostingState, *, shown: bool) -> PublicPosting:
    entries = (
        ReviewEntry.objects.filter(campaign=posting.campaign, household__village=posting.village)
        .prefetch_related("household__members")
        .order_by("household__code")
    )
    rows = [
        PublicRow(
            head=_head_name(e.household), village=posting.village.name,
            status=e.proposed_status, status_label=e.get_proposed_status_display(),
        )
        for e in (entries if shown else [])
    ]  # fmt: skip
    return PublicPosting(
        posting=posting, village=posting.village.name, commune=posting.village.commune.name,
        state=state, rows=rows,
    )  # fmt: skip


def _head_name(household: Household) -> str:
    heads = [m.full_name for m in household.members.all() if m.relation == "head"]
    return heads[0] if heads else "—"
