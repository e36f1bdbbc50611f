"""Members of a household: add, change, remove. Answers carry the caller's masked view."""

from django.http import HttpRequest
from ninja import Router, Status

from giamngheo.api.auth import caller
from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.schemas.members import MemberIn, MemberOut, MemberPatchIn
from giamngheo.apps.accounts.models import User
from giamngheo.apps.registry.models import Member
from giamngheo.apps.registry.selectors import household_get, member_views, members_visible
from giamngheo.apps.registry.services import member_add, member_update, record_delete

router = Router(tags=["members"])


@router.post("/households/{household_id}/members", response={201: MemberOut, **ERROR_RESPONSES})
def member_create(request: HttpRequest, household_id: int, payload: MemberIn) -> Status[MemberOut]:
    user = caller(request)
    household = household_get(user=user, pk=household_id)
    member = member_add(actor=user, household=household, **payload.model_dump())
    return Status(201, _view(user, member))


@router.patch("/members/{member_id}", response={200: MemberOut, **ERROR_RESPONSES})
def member_change(request: HttpRequest, member_id: int, payload: MemberPatchIn) -> MemberOut:
    user = caller(request)
    member = _member_get(user, member_id)
    member_update(actor=user, member=member, **payload.model_dump(exclude_unset=True))
    return _view(user, member)


@router.delete("/members/{member_id}", response={204: None, **ERROR_RESPONSES})
def member_delete(request: HttpRequest, member_id: int) -> Status[None]:
    user = caller(request)
    record_delete(actor=user, instance=_member_get(user, member_id))
    return Status(204, None)


def _member_get(user: User, member_id: int) -> Member:
    """A member of a household in scope (``Member.DoesNotExist`` otherwise: 404)."""
    visible = members_visible(user=user).select_related("household__village__commune__province")
    return visible.get(pk=member_id)


def _view(user: User, member: Member) -> MemberOut:
    views = member_views(user=user, household=member.household)
    return MemberOut.model_validate(next(v for v in views if v.id == member.pk))
