"""Public transparency pages (no sign-in, no personal data): a province's fund flows with a
Sankey diagram, and the lookup of a donor receipt by its code."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from giamngheo.apps.funds.public import provinces_with_funds, public_flows, public_receipt
from giamngheo.apps.geo.models import Province


def public_index(request: HttpRequest) -> HttpResponse:
    return render(request, "web/funds/public_index.html", {"provinces": provinces_with_funds()})


def public_province(request: HttpRequest, code: str) -> HttpResponse:
    province = get_object_or_404(Province, code=code)
    if province not in provinces_with_funds():
        raise Http404
    return render(request, "web/funds/public.html", {"flows": public_flows(province=province)})


def public_receipt_lookup(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("ma", "")[:16].strip()
    found = public_receipt(receipt_code=code) if code else None
    return render(
        request,
        "web/funds/public_receipt.html",
        {"code": code, "found": found, "searched": bool(code)},
        status=404 if code and found is None else 200,
    )
