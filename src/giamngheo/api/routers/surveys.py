"""Survey forms of a household: record and delete (the detail lists them)."""

from django.http import HttpRequest
from ninja import Router, Status

from giamngheo.api.auth import caller
from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.schemas.surveys import SurveyIn, SurveyOut
from giamngheo.apps.registry.selectors import household_get, surveys_visible
from giamngheo.apps.registry.services import record_delete, survey_record

router = Router(tags=["surveys"])


@router.post("/households/{household_id}/surveys", response={201: SurveyOut, **ERROR_RESPONSES})
def survey_create(request: HttpRequest, household_id: int, payload: SurveyIn) -> Status[SurveyOut]:
    user = caller(request)
    household = household_get(user=user, pk=household_id)
    survey = survey_record(actor=user, household=household, **payload.record_fields())
    return Status(201, SurveyOut.of(survey))


@router.delete("/surveys/{survey_id}", response={204: None, **ERROR_RESPONSES})
def survey_delete(request: HttpRequest, survey_id: int) -> Status[None]:
    user = caller(request)
    visible = surveys_visible(user=user).select_related("household__village__commune")
    record_delete(actor=user, instance=visible.get(pk=survey_id))
    return Status(204, None)
