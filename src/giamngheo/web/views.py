from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from giamngheo.apps.registry.selectors import registry_overview
from giamngheo.domain.standards import standards_all


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"overview": registry_overview()})


def standards(request: HttpRequest) -> HttpResponse:
    """Every standard held: legal basis, lines, indicators with their legal definitions."""
    return render(request, "web/standards.html", {"standards": standards_all()})
