"""The annual review: campaigns and their progress, the households listed per village, their
survey forms, the village meeting, the posting, complaints and their re-check, and the
chairman's decision — inside the caller's
scope (another place's records are missing: 404) — and the public posted list (no sign-in)."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from giamngheo.api.auth import caller
from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.lookups import commune_by_code, village_by_code
from giamngheo.api.pagination import PageIn, page_of
from giamngheo.api.schemas.review import (
    CampaignOut,
    CampaignPage,
    CommuneProgressOut,
    ComplaintIn,
    ComplaintOut,
    DecisionIn,
    DecisionOut,
    EntryOut,
    EntryPage,
    MeetingIn,
    MeetingOut,
    PostingIn,
    PostingOut,
    PublicPostingOut,
    RecheckIn,
)
from giamngheo.api.schemas.surveys import SurveyFormIn, SurveyOut
from giamngheo.apps.accounts.models import User
from giamngheo.apps.geo.models import Commune, Village
from giamngheo.apps.review import selectors, services

router = Router(tags=["review"])


@router.get("/review/campaigns", response={200: CampaignPage, **ERROR_RESPONSES})
def review_campaign_list(request: HttpRequest, page: Query[PageIn]) -> dict[str, Any]:
    """Campaigns of the caller's province, newest first."""
    rows = selectors.campaigns_visible(user=caller(request)).order_by("-opens_on", "id")
    return page_of(rows, page, CampaignOut.of)


@router.get("/review/campaigns/{campaign_id}", response={200: CampaignOut, **ERROR_RESPONSES})
def review_campaign_detail(request: HttpRequest, campaign_id: int) -> CampaignOut:
    return CampaignOut.of(selectors.campaign_get(user=caller(request), pk=campaign_id))


@router.get(
    "/review/campaigns/{campaign_id}/progress",
    response={200: list[CommuneProgressOut], **ERROR_RESPONSES},
)
def review_campaign_progress(request: HttpRequest, campaign_id: int) -> list[CommuneProgressOut]:
    """Per commune in scope: each village's counts and step, the decision, overdue flags."""
    user = caller(request)
    campaign = selectors.campaign_get(user=user, pk=campaign_id)
    return [
        CommuneProgressOut.of(p) for p in selectors.campaign_progress(user=user, campaign=campaign)
    ]


@router.get(
    "/review/campaigns/{campaign_id}/villages/{village_code}/entries",
    response={200: EntryPage, **ERROR_RESPONSES},
)
def review_entry_list(
    request: HttpRequest, campaign_id: int, village_code: str, page: Query[PageIn]
) -> dict[str, Any]:
    """The village's listed households with their previous and proposed status."""
    user = caller(request)
    campaign = selectors.campaign_get(user=user, pk=campaign_id)
    village = _village(user, village_code)
    rows = selectors.village_entries(user=user, campaign=campaign, village=village)
    return page_of(rows, page, EntryOut.of)


@router.post("/review/entries/{entry_id}/survey", response={201: SurveyOut, **ERROR_RESPONSES})
def review_survey_record(
    request: HttpRequest, entry_id: int, payload: SurveyFormIn
) -> Status[SurveyOut]:
    """Record (or re-record) a listed household's survey form for the campaign; its proposed
    status waits for the next classification of the campaign."""
    user = caller(request)
    entry = selectors.entry_get(user=user, pk=entry_id)
    survey = services.entry_survey_record(actor=user, entry=entry, **payload.record_fields())
    return Status(201, SurveyOut.of(survey))


@router.post(
    "/review/campaigns/{campaign_id}/villages/{village_code}/meetings",
    response={201: MeetingOut, **ERROR_RESPONSES},
)
def review_meeting_create(
    request: HttpRequest, campaign_id: int, village_code: str, payload: MeetingIn
) -> Status[MeetingOut]:
    """Record the village meeting (it stands with at least half of the attendees agreeing)."""
    user = caller(request)
    campaign = selectors.campaign_get(user=user, pk=campaign_id)
    village = _village(user, village_code)
    meeting = services.meeting_record(
        actor=user, campaign=campaign, village=village, **payload.model_dump()
    )
    return Status(201, MeetingOut.of(meeting))


@router.post(
    "/review/campaigns/{campaign_id}/villages/{village_code}/posting",
    response={201: PostingOut, **ERROR_RESPONSES},
)
def review_posting_create(
    request: HttpRequest, campaign_id: int, village_code: str, payload: PostingIn
) -> Status[PostingOut]:
    """Post the village's agreed list publicly for a number of working days."""
    user = caller(request)
    campaign = selectors.campaign_get(user=user, pk=campaign_id)
    village = _village(user, village_code)
    posting = services.posting_start(
        actor=user, campaign=campaign, village=village, **payload.model_dump()
    )
    return Status(201, PostingOut.of(posting))


@router.post(
    "/review/entries/{entry_id}/complaints", response={201: ComplaintOut, **ERROR_RESPONSES}
)
def review_complaint_create(
    request: HttpRequest, entry_id: int, payload: ComplaintIn
) -> Status[ComplaintOut]:
    """Receive a complaint about a posted result (the re-check is due in 3 working days)."""
    user = caller(request)
    entry = selectors.entry_get(user=user, pk=entry_id)
    complaint = services.complaint_receive(actor=user, entry=entry, **payload.model_dump())
    return Status(201, ComplaintOut.of(complaint))


@router.post(
    "/review/complaints/{complaint_id}/recheck", response={200: ComplaintOut, **ERROR_RESPONSES}
)
def review_complaint_recheck(
    request: HttpRequest, complaint_id: int, payload: RecheckIn
) -> ComplaintOut:
    """Re-check a complaint with a new survey form: the household is classified again under
    the campaign's standard and the outcome says whether its result changed."""
    user = caller(request)
    complaint = selectors.complaint_get(user=user, pk=complaint_id)
    checked = services.complaint_recheck(actor=user, complaint=complaint, **payload.record_fields())
    return ComplaintOut.of(checked)


@router.post(
    "/review/campaigns/{campaign_id}/communes/{commune_code}/decision",
    response={201: DecisionOut, **ERROR_RESPONSES},
)
def review_decision_create(
    request: HttpRequest, campaign_id: int, commune_code: str, payload: DecisionIn
) -> Status[DecisionOut]:
    """The commune chairman recognises the commune's results; statuses become current."""
    user = caller(request)
    campaign = selectors.campaign_get(user=user, pk=campaign_id)
    commune = _commune(user, commune_code)
    decision = services.recognition_approve(
        actor=user, campaign=campaign, commune=commune, **payload.model_dump()
    )
    return Status(201, DecisionOut.of(decision))


@router.get(
    "/review/postings/{slug}", response={200: PublicPostingOut, **ERROR_RESPONSES}, auth=None
)
def review_posting_public(request: HttpRequest, slug: str) -> PublicPostingOut:
    """The posted list (no sign-in): head's name, village and proposed status, only during
    the posting period."""
    return PublicPostingOut.of(selectors.posting_public(slug=slug))


def _village(user: User, code: str) -> Village:
    """A village the caller may read (another place's: 404)."""
    return selectors.village_get(user=user, pk=village_by_code(code).pk)


def _commune(user: User, code: str) -> Commune:
    return selectors.commune_get(user=user, pk=commune_by_code(code).pk)
