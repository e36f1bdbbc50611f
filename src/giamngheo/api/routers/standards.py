"""Poverty standards: lines, indicators and their legal definitions, confirmation flags."""

from django.http import HttpRequest
from ninja import Router

from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.schemas.standards import StandardOut
from giamngheo.domain.model import Standard
from giamngheo.domain.standards import standard_get, standards_all

router = Router(tags=["standards"])


@router.get("/standards", response={200: list[StandardOut], **ERROR_RESPONSES})
def standard_list(request: HttpRequest) -> list[Standard]:
    return standards_all()


@router.get("/standards/{standard_id}", response={200: StandardOut, **ERROR_RESPONSES})
def standard_detail(request: HttpRequest, standard_id: str) -> Standard:
    return standard_get(standard_id)
