"""The dashboards of a province, a commune or a village: rates by year and standard, changes
of status, ethnic minorities, deprivations, support, money, targets and (province) the
published reference figures, with links down to the communes, villages and household list.

Everything is read from the aggregate tables through the monitoring selectors, so a page costs
the same few queries whatever the size of the province.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from giamngheo.apps.monitoring import selectors as s
from giamngheo.apps.monitoring.choices import UnitLevel
from giamngheo.apps.monitoring.comparison import (
    comparison_get,
    provinces_with_data,
    standard_default,
)
from giamngheo.apps.monitoring.targets import targets_progress
from giamngheo.domain.model import Lang
from giamngheo.domain.standards import StandardNotFoundError, standard_get
from giamngheo.web.pages.monitoring import charts
from giamngheo.web.pages.monitoring.common import require_view, target_lines, unit_or_404
from giamngheo.web.pages.programmes.common import lang_of


@dataclass(frozen=True, slots=True, kw_only=True)
class Choice:
    """The year and standard a dashboard shows, and what could be chosen instead."""

    year: int
    standard_id: str
    years: list[int]
    standards: list[tuple[str, str]]  # (id, name) of the standards with data in ``year``


@dataclass(frozen=True, slots=True, kw_only=True)
class ChildLink:
    row: s.ChildRow
    url: str  # its dashboard, same year and standard


@dataclass(frozen=True, slots=True, kw_only=True)
class StandardRates:
    standard_id: str
    name: str
    rates: s.Rates
    selected: bool


@login_required
def monitoring_home(request: HttpRequest) -> HttpResponse:
    """The user's own unit; a country-wide user picks a province."""
    require_view(request)
    unit = s.home_unit(user=request.user)
    if unit is not None:
        return redirect(f"web:monitoring-{unit.level}", code=unit.code)
    provinces = provinces_with_data(user=request.user)
    return render(request, "web/monitoring/index.html", {"provinces": provinces})


@login_required
def province_page(request: HttpRequest, code: str) -> HttpResponse:
    return dashboard(request, "province", code)


@login_required
def commune_page(request: HttpRequest, code: str) -> HttpResponse:
    return dashboard(request, "commune", code)


@login_required
def village_page(request: HttpRequest, code: str) -> HttpResponse:
    return dashboard(request, "village", code)


def dashboard(request: HttpRequest, level: s.Level, code: str) -> HttpResponse:
    require_view(request)
    unit = unit_or_404(request, level, code)
    lang = lang_of()
    _years, standards = s.years_and_standards(unit)
    rows = s.trend(unit, standards) if standards else []
    choice = choice_parse(request.GET, rows, lang)
    context = header_context(unit, choice, lang)
    if choice is not None:
        context |= status_context(unit, rows, choice, lang)
        context |= activity_context(unit, choice.year, own=rows, standard_id=choice.standard_id)
    return render(request, "web/monitoring/dashboard.html", context)


def choice_parse(query: QueryDict, rows: list[s.YearRates], lang: Lang) -> Choice | None:
    """``nam`` (default: the latest year) and ``chuan`` (default: the national standard)."""
    years = sorted({r.year for r in rows})
    if not years:
        return None
    asked = query.get("nam", "")
    year = int(asked) if asked.isdigit() and int(asked) in years else years[-1]
    of_year = [r.standard_id for r in rows if r.year == year]
    wanted = query.get("chuan", "")
    standard_id = wanted if wanted in of_year else standard_default(of_year)
    assert standard_id is not None
    names = [(sid, standard_name(sid, lang)) for sid in of_year]
    return Choice(year=year, standard_id=standard_id, years=years, standards=names)


def standard_name(standard_id: str, lang: Lang) -> str:
    try:
        return standard_get(standard_id).name.get(lang)
    except StandardNotFoundError:
        return standard_id


def header_context(unit: s.Unit, choice: Choice | None, lang: Lang) -> dict[str, Any]:
    year = choice.year if choice is not None else None
    return {
        "unit": unit, "parents": s.parents(unit), "choice": choice,
        "level_label": UnitLevel(unit.level).label, "drill_query": drill_query(choice),
        "standard_name": standard_name(choice.standard_id, lang) if choice is not None else "",
        "refresh": s.refresh_state(unit.province), "reports_url": reports_url(unit),
        "targets_url": targets_url(unit, year),
        "households_url": (f"{reverse('web:households')}?village={unit.pk}"
                           if unit.level == "village" else None),
    }  # fmt: skip


def drill_query(choice: Choice | None) -> str:
    """The query string that keeps the year and standard when moving to another unit."""
    if choice is None:
        return ""
    return "?" + urlencode({"nam": str(choice.year), "chuan": choice.standard_id})


def child_links(unit: s.Unit, rows: list[s.ChildRow], choice: Choice) -> list[ChildLink]:
    """The rows of the communes (villages) table with their links, reversed once per table."""
    level = s.CHILD_LEVEL[unit.level]
    if level is None:
        return []
    base = reverse(f"web:monitoring-{level}", args=["~"])
    query = drill_query(choice)
    return [ChildLink(row=r, url=base.replace("~", quote(r.unit.code)) + query) for r in rows]


def reports_url(unit: s.Unit) -> str | None:
    """The unit's reports page (``None`` while that page is not installed)."""
    try:
        return reverse("web:monitoring-reports", args=[unit.level, unit.code])
    except NoReverseMatch:
        return None


def targets_url(unit: s.Unit, year: int | None) -> str:
    query = {"cap": unit.level, "ma": unit.code} | ({"nam": str(year)} if year else {})
    return f"{reverse('web:monitoring-targets')}?{urlencode(query)}"


def status_context(
    unit: s.Unit, rows: list[s.YearRates], choice: Choice, lang: Lang
) -> dict[str, Any]:
    """Rates, changes, standards side by side, transitions, minorities, deprivations."""
    selected = [r for r in rows if r.standard_id == choice.standard_id]
    by_year = {r.year: r for r in selected}
    now, before = by_year[choice.year], by_year.get(choice.year - 1)
    side = [_standard_rates(r, choice, lang) for r in rows if r.year == choice.year]
    labels = s.transition_labels(lang)
    moves = selected[1:]  # the first review has no transitions
    mpi = s.mpi(unit, year=choice.year, standard_id=choice.standard_id, lang=lang)
    return {
        "now": now, "change": rate_changes(now.rates, before.rates if before else None),
        "combined_count": now.rates.poor + now.rates.near_poor, "mpi_summary": mpi_summary(mpi),
        "side_by_side": side, "trend": selected, "moves": moves,
        "transition_rows": [(label, [r.transitions[t] for r in moves]) for t, label in
                            labels.items()],
        "minority": minority_rates(now.rates), "mpi": mpi,
        "children": child_links(
            unit, s.children(unit, year=choice.year, standard_id=choice.standard_id), choice
        ),
        "charts": {
            "trend": charts.trend_chart(selected),
            "standards": charts.standards_chart([x.name for x in side], [x.rates for x in side]),
            "transitions": charts.transitions_chart(moves, labels),
            "mpi": charts.mpi_chart(mpi),
        },
    }  # fmt: skip


def mpi_summary(mpi: s.Mpi | None) -> dict[str, float | None]:
    """H and A in percent, M0 as it is."""
    if mpi is None:
        return {}
    a = round(100 * mpi.A, 2) if mpi.A is not None else None
    return {"h": round(100 * mpi.H, 2), "a": a, "m0": round(mpi.M0, 4)}


def _standard_rates(row: s.YearRates, choice: Choice, lang: Lang) -> StandardRates:
    return StandardRates(
        standard_id=row.standard_id, name=standard_name(row.standard_id, lang), rates=row.rates,
        selected=row.standard_id == choice.standard_id,
    )  # fmt: skip


def rate_changes(now: s.Rates, before: s.Rates | None) -> dict[str, float | None]:
    """Points gained (+) or lost (−) since the year before, per rate."""
    names = ("poor_rate", "near_poor_rate", "combined_rate")
    if before is None:
        return dict.fromkeys(names)
    pairs = ((n, getattr(now, n), getattr(before, n)) for n in names)
    return {n: None if a is None or b is None else round(a - b, 2) for n, a, b in pairs}


def minority_rates(rates: s.Rates) -> s.Rates:
    """The ethnic-minority households of the unit as rates of their own."""
    return s.Rates(
        households=rates.minority_households, poor=rates.minority_poor,
        near_poor=rates.minority_near_poor,
    )  # fmt: skip


def activity_context(
    unit: s.Unit, year: int, *, own: list[s.YearRates], standard_id: str
) -> dict[str, Any]:
    """Support delivered, money allocated and paid out, targets, reference figures."""
    funds = s.funds(unit, year=year)
    rates = {r.year: r.rates for r in own if r.standard_id == standard_id}
    return {
        "support": s.support(unit, year=year), "funds": funds,
        "funds_total": _funds_total(funds),
        "targets": target_lines(targets_progress(unit, year=year)),
        "comparison": comparison_get(unit, year=year, own=rates),
        "funds_chart": charts.funds_chart(funds),
    }  # fmt: skip


def _funds_total(rows: list[s.FundsRow]) -> s.FundsRow | None:
    if not rows:
        return None
    return s.FundsRow(
        source_kind="", label="", allocated_vnd=sum(r.allocated_vnd for r in rows),
        disbursed_vnd=sum(r.disbursed_vnd for r in rows),
    )  # fmt: skip
