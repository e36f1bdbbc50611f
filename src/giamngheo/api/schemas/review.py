"""The annual review: campaigns, progress, listed households, the village steps, complaints,
the recognition decision and the public posting."""

import datetime as dt
from typing import Literal, Self

from ninja import Field, Schema

from giamngheo.api.pagination import PageOut
from giamngheo.api.schemas.common import UnitRef
from giamngheo.api.schemas.surveys import SurveyFormIn
from giamngheo.apps.review.models import (
    Complaint,
    Posting,
    RecognitionDecision,
    ReviewCampaign,
    ReviewEntry,
    VillageMeeting,
)
from giamngheo.apps.review.selectors import (
    CommuneProgress,
    PublicPosting,
    VillageProgress,
    complaint_overdue,
)


class CampaignOut(Schema):
    id: int
    kind: Literal["periodic", "regular"]
    kind_label: str
    year: int
    province: UnitRef
    opens_on: dt.date
    closes_on: dt.date
    standard_id: str
    request_form: str = Field(description="01 (periodic) or 04 (regular)")

    @classmethod
    def of(cls, campaign: ReviewCampaign) -> Self:
        return cls(
            id=campaign.pk, kind=campaign.kind, kind_label=campaign.get_kind_display(),  # type: ignore[arg-type]
            year=campaign.year, province=UnitRef.of(campaign.province),
            opens_on=campaign.opens_on, closes_on=campaign.closes_on,
            standard_id=campaign.standard_id, request_form=campaign.request_form,
        )  # fmt: skip


class CampaignPage(PageOut):
    items: list[CampaignOut]


Step = Literal["listing", "surveys", "classification", "meeting", "posting", "complaints", "ready"]


class VillageProgressOut(Schema):
    village: UnitRef
    step: Step
    listed: int
    surveyed: int
    classified: int
    resurvey: int
    complaints_open: int
    complaints_overdue: int
    meeting_passed: bool | None = Field(description="the last meeting's result; null: none yet")
    posting_ends_on: dt.date | None

    @classmethod
    def of(cls, row: VillageProgress) -> Self:
        return cls(
            village=UnitRef.of(row.village), step=row.step,  # type: ignore[arg-type]
            listed=row.listed, surveyed=row.surveyed, classified=row.classified,
            resurvey=row.resurvey, complaints_open=row.complaints_open,
            complaints_overdue=row.complaints_overdue,
            meeting_passed=row.meeting.passed if row.meeting else None,
            posting_ends_on=row.posting.ends_on if row.posting else None,
        )  # fmt: skip


class CommuneProgressOut(Schema):
    commune: UnitRef
    villages: list[VillageProgressOut]
    decision_id: int | None
    decision_number: str | None
    overdue: bool = Field(description="the campaign's deadline passed without a decision")
    ready: bool = Field(description="every village is ready for the decision")

    @classmethod
    def of(cls, row: CommuneProgress) -> Self:
        villages = [VillageProgressOut.of(v) for v in row.villages]
        return cls(
            commune=UnitRef.of(row.commune), villages=villages,
            decision_id=row.decision.pk if row.decision else None,
            decision_number=row.decision.number if row.decision else None,
            overdue=row.overdue, ready=row.ready,
        )  # fmt: skip


class EntryOut(Schema):
    id: int
    household_id: int
    household_code: str
    source: str
    previous_status: str = Field(description="empty when unknown")
    proposed_status: str = Field(description="empty until classified")
    transition: str
    needs_resurvey: bool
    survey_id: int | None

    @classmethod
    def of(cls, entry: ReviewEntry) -> Self:
        return cls(
            id=entry.pk, household_id=entry.household_id, household_code=entry.household.code,
            source=entry.source, previous_status=entry.previous_status,
            proposed_status=entry.proposed_status, transition=entry.transition,
            needs_resurvey=entry.needs_resurvey, survey_id=entry.survey_id,
        )  # fmt: skip


class EntryPage(PageOut):
    items: list[EntryOut]


class MeetingIn(Schema):
    held_on: dt.date
    attendees: int = Field(ge=1)
    votes_for: int = Field(ge=0)
    chaired_by: str = Field(min_length=1, max_length=100)
    notes: str = Field("", max_length=5000)


class MeetingOut(Schema):
    id: int
    village: UnitRef
    held_on: dt.date
    attendees: int
    votes_for: int
    passed: bool = Field(description="at least half of the attendees agreed")

    @classmethod
    def of(cls, meeting: VillageMeeting) -> Self:
        return cls(
            id=meeting.pk, village=UnitRef.of(meeting.village), held_on=meeting.held_on,
            attendees=meeting.attendees, votes_for=meeting.votes_for, passed=meeting.passed,
        )  # fmt: skip


class PostingIn(Schema):
    starts_on: dt.date
    working_days: int = Field(3, ge=1, le=30)


class PostingOut(Schema):
    id: int
    village: UnitRef
    starts_on: dt.date
    ends_on: dt.date
    working_days: int
    public_slug: str = Field(description="the public list: GET /review/postings/{public_slug}")

    @classmethod
    def of(cls, posting: Posting) -> Self:
        return cls(
            id=posting.pk, village=UnitRef.of(posting.village), starts_on=posting.starts_on,
            ends_on=posting.ends_on, working_days=posting.working_days, public_slug=posting.slug,
        )  # fmt: skip


class ComplaintIn(Schema):
    complainant: str = Field(min_length=1, max_length=100)
    received_on: dt.date
    reason: str = Field(min_length=1, max_length=5000)


class RecheckIn(SurveyFormIn):
    """The re-check (phúc tra) of a complaint: the household's new survey form, the day of
    the re-check and its conclusion."""

    checked_on: dt.date
    outcome_note: str = Field("", max_length=5000)


class ComplaintOut(Schema):
    id: int
    entry_id: int
    household_code: str
    received_on: dt.date
    due_on: dt.date
    checked_on: dt.date | None
    outcome: str
    status_before: str
    status_after: str
    overdue: bool

    @classmethod
    def of(cls, complaint: Complaint) -> Self:
        return cls(
            id=complaint.pk, entry_id=complaint.entry_id,
            household_code=complaint.entry.household.code, received_on=complaint.received_on,
            due_on=complaint.due_on, checked_on=complaint.checked_on, outcome=complaint.outcome,
            status_before=complaint.status_before, status_after=complaint.status_after,
            overdue=complaint_overdue(complaint),
        )  # fmt: skip


class DecisionIn(Schema):
    number: str = Field(min_length=1, max_length=32)
    signed_on: dt.date


class DecisionOut(Schema):
    id: int
    campaign_id: int
    commune: UnitRef
    number: str
    signed_on: dt.date

    @classmethod
    def of(cls, decision: RecognitionDecision) -> Self:
        return cls(
            id=decision.pk, campaign_id=decision.campaign_id, commune=UnitRef.of(decision.commune),
            number=decision.number, signed_on=decision.signed_on,
        )  # fmt: skip


class PublicRowOut(Schema):
    head: str
    village: str
    status: str
    status_label: str


class PublicPostingOut(Schema):
    """What the law needs posted; ``rows`` is empty before and after the posting period."""

    village: str
    commune: str
    year: int
    starts_on: dt.date
    ends_on: dt.date
    state: Literal["upcoming", "open", "ended"]
    rows: list[PublicRowOut]

    @classmethod
    def of(cls, posted: PublicPosting) -> Self:
        posting = posted.posting
        return cls(
            village=posted.village, commune=posted.commune, year=posting.campaign.year,
            starts_on=posting.starts_on, ends_on=posting.ends_on, state=posted.state,
            rows=[PublicRowOut(head=r.head, village=r.village, status=r.status,
                               status_label=r.status_label) for r in posted.rows],
        )  # fmt: skip
