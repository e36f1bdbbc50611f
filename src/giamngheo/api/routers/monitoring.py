"""Monitoring: a unit's dashboard figures (province, commune or village), scoped."""

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router

from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.language import request_lang
from giamngheo.api.schemas.monitoring import DashboardOut
from giamngheo.apps.monitoring import selectors as s
from giamngheo.apps.monitoring.targets import targets_progress

router = Router(tags=["monitoring"])


@router.get("/monitoring/{level}/{code}", response={200: DashboardOut, **ERROR_RESPONSES})
def monitoring_dashboard(
    request: HttpRequest,
    level: Literal["province", "commune", "village"],
    code: str,
    year: int | None = None,
    standard: str | None = None,
) -> dict[str, Any]:
    """Rates by year, the units below, MPI, support, funds and targets of the unit for
    ``year`` (default: the latest with data) under ``standard`` (default: the first)."""
    unit = s.unit_get(user=request.user, level=level, code=code)
    years, standards = s.years_and_standards(unit)
    year = year if year is not None else (years[-1] if years else None)
    standard = standard or (standards[0] if standards else None)
    state = s.refresh_state(unit.province)
    figures: dict[str, Any] = {"children": [], "mpi": None, "support": [], "funds": [],
                               "targets": []}  # fmt: skip
    if year is not None and standard is not None:
        figures = {
            "children": s.children(unit, year=year, standard_id=standard),
            "mpi": s.mpi(unit, year=year, standard_id=standard, lang=request_lang()),
            "support": s.support(unit, year=year),
            "funds": s.funds(unit, year=year),
            "targets": [_target(p) for p in targets_progress(unit, year=year)],
        }
    return {
        "unit": unit, "year": year, "standard_id": standard, "years": years,
        "standards": standards, "refreshed_at": state.refreshed_at if state else None,
        "trend": s.trend(unit, standards), **figures,
    }  # fmt: skip


def _target(progress: Any) -> dict[str, Any]:
    t = progress.target
    return {"metric": t.metric, "support_type": t.support_type, "standard_id": t.standard_id,
            "planned": t.planned, "actual": progress.actual, "expected": progress.expected,
            "pace": progress.pace}  # fmt: skip
