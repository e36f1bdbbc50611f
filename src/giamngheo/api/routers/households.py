"""Households: list, search, detail, register, change, delete — inside the caller's scope.

A household outside the scope is reported as missing (404), never as forbidden.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from giamngheo.api.auth import caller
from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.language import request_lang
from giamngheo.api.lookups import commune_by_code, village_by_code
from giamngheo.api.pagination import page_of
from giamngheo.api.schemas.households import (
    HouseholdDetailOut,
    HouseholdFilterIn,
    HouseholdIn,
    HouseholdOut,
    HouseholdPage,
    HouseholdPatchIn,
    HouseholdSearchIn,
)
from giamngheo.apps.accounts.models import User
from giamngheo.apps.registry.models import Household
from giamngheo.apps.registry.selectors import (
    household_get,
    household_search,
    member_views,
    surveys_visible,
)
from giamngheo.apps.registry.services import household_register, household_update, record_delete
from giamngheo.apps.standards.selectors import household_classifications

router = Router(tags=["households"])


@router.get("/households", response={200: HouseholdPage, **ERROR_RESPONSES})
def household_list(request: HttpRequest, filters: Query[HouseholdFilterIn]) -> dict[str, Any]:
    """Households in scope, filtered by commune or village, one page at a time."""
    return _page(caller(request), filters)


@router.post("/households/search", response={200: HouseholdPage, **ERROR_RESPONSES})
def household_find(request: HttpRequest, payload: HouseholdSearchIn) -> dict[str, Any]:
    """Households in scope whose code, address or a member's name contains ``text`` (sent in
    the body so personal names stay out of URLs and logs)."""
    return _page(caller(request), payload, text=payload.text)


@router.get("/households/{household_id}", response={200: HouseholdDetailOut, **ERROR_RESPONSES})
def household_detail(request: HttpRequest, household_id: int) -> HouseholdDetailOut:
    """A household with its members (masked by role), surveys and classifications."""
    user = caller(request)
    return _detail(user, household_get(user=user, pk=household_id))


@router.post("/households", response={201: HouseholdDetailOut, **ERROR_RESPONSES})
def household_create(request: HttpRequest, payload: HouseholdIn) -> Status[HouseholdDetailOut]:
    user = caller(request)
    village = village_by_code(payload.village_code)
    fields = payload.model_dump(exclude={"village_code"})
    household = household_register(actor=user, village=village, **fields)
    return Status(201, _detail(user, household_get(user=user, pk=household.pk)))


@router.patch("/households/{household_id}", response={200: HouseholdDetailOut, **ERROR_RESPONSES})
def household_change(
    request: HttpRequest, household_id: int, payload: HouseholdPatchIn
) -> HouseholdDetailOut:
    user = caller(request)
    household = household_get(user=user, pk=household_id)
    fields = payload.model_dump(exclude_unset=True)
    if "village_code" in fields:
        fields["village"] = village_by_code(fields.pop("village_code") or "")
    household_update(actor=user, household=household, **fields)
    return _detail(user, household_get(user=user, pk=household.pk))


@router.delete("/households/{household_id}", response={204: None, **ERROR_RESPONSES})
def household_delete(request: HttpRequest, household_id: int) -> Status[None]:
    """Delete a household with its members and surveys."""
    user = caller(request)
    record_delete(actor=user, instance=household_get(user=user, pk=household_id))
    return Status(204, None)


def _page(user: User, filters: HouseholdFilterIn, *, text: str = "") -> dict[str, Any]:
    rows = household_search(
        user=user,
        text=text,
        commune_id=commune_by_code(filters.commune_code).pk if filters.commune_code else None,
        village_id=village_by_code(filters.village_code).pk if filters.village_code else None,
        sort=filters.sort,
    )
    return page_of(rows, filters, HouseholdOut.of)


def _detail(user: User, household: Household) -> HouseholdDetailOut:
    surveys = surveys_visible(user=user).filter(household=household)
    return HouseholdDetailOut.combine(
        household,
        members=member_views(user=user, household=household),
        surveys=surveys.order_by("-year", "-surveyed_on", "-id"),
        classifications=household_classifications(household=household, lang=request_lang()),
    )
