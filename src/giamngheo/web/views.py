from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from giamngheo.apps.registry.selectors import registry_overview


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"overview": registry_overview()})
