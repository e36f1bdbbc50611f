"""Recording money: sources, donations, budget receipts, allocations, disbursements, reversals.

Each page is parse → call one service → render; a refusal is shown on the form and nothing
is written (the services are all-or-nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _g
from django.views.decorators.http import require_POST

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.funds.selectors import (
    allocations_visible,
    disbursements_visible,
    donations_visible,
    transactions_visible,
)
from giamngheo.apps.funds.services import (
    allocation_record,
    budget_receipt_record,
    disbursement_record,
    donation_record,
    source_create,
    transaction_reverse,
)
from giamngheo.web.pages.funds import forms as f
from giamngheo.web.pages.programmes.common import errors_to_form, require

type Service = Callable[..., Any]


def _record(
    request: HttpRequest, form_class: type[f.ScopedForm], service: Service, **extra: Any
) -> tuple[f.ScopedForm, Any]:
    """Bind the form on POST and call the service; (form, result or None)."""
    form = form_class(request.POST if request.method == "POST" else None, user=request.user)
    if not form.is_bound or not form.is_valid():
        return form, None
    fields = {k: v for k, v in form.cleaned_data.items() if v is not None}
    try:
        return form, service(actor=request.user, **fields, **extra)
    except (PermissionDenied, ValidationError) as error:
        errors_to_form(form, error)
        return form, None


@login_required
def source_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.PROGRAMMES_MANAGE)
    province = request.user.scope_province  # type: ignore[union-attr]
    if province is None:
        raise Http404
    form, made = _record(request, f.SourceForm, source_create, province=province)
    if made is not None:
        messages.success(request, _g("Đã tạo nguồn vốn %(name)s.") % {"name": made.name})
        return redirect("web:funds")
    return render(request, "web/form_page.html", _page(form, _g("Thêm nguồn vốn")))


@login_required
def donation_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.FUNDS_RECORD)
    form, donation = _record(request, f.DonationForm, donation_record)
    if donation is not None:
        messages.success(
            request,
            _g("Đã tiếp nhận ủng hộ, số biên nhận %(code)s.") % {"code": donation.receipt_code},
        )
        return redirect("web:funds-receipt", code=donation.receipt_code)
    rows = donations_visible(user=request.user).order_by("-id")[:25]
    return render(request, "web/funds/donations.html", {"form": form, "donations": rows})


@login_required
def budget_receipt_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.PROGRAMMES_MANAGE)
    form, tx = _record(request, f.ReceiptForm, budget_receipt_record)
    if tx is not None:
        messages.success(request, _g("Đã ghi giao dịch GD%(n)s.") % {"n": tx.pk})
        return redirect("web:funds-ledger")
    return render(request, "web/form_page.html", _page(form, _g("Tiếp nhận ngân sách")))


@login_required
def allocation_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.FUNDS_RECORD)
    form, allocation = _record(request, f.AllocationForm, allocation_record)
    if allocation is not None:
        messages.success(request, _g("Đã phân bổ PB%(n)s.") % {"n": allocation.pk})
        return redirect("web:funds-allocations")
    rows = allocations_visible(user=request.user).order_by("-id")[:25]
    return render(request, "web/funds/allocations.html", {"form": form, "allocations": rows})


@login_required
def disbursement_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.FUNDS_RECORD)
    form, paid = _record(request, f.DisbursementForm, disbursement_record)
    if paid is not None:
        messages.success(request, _g("Đã ghi giải ngân GN%(n)s.") % {"n": paid.pk})
        return redirect("web:funds-disbursements")
    rows = disbursements_visible(user=request.user).order_by("-id")[:25]
    return render(request, "web/funds/disbursements.html", {"form": form, "disbursements": rows})


@login_required
@require_POST
def reverse_page(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Capability.FUNDS_RECORD)
    tx = transactions_visible(user=request.user).filter(pk=pk).first()
    if tx is None:
        raise Http404
    form = f.ReversalForm(request.POST)
    if not form.is_valid():
        messages.error(request, _g("Ghi lý do và ngày hạch toán để đảo bút toán."))
        return redirect("web:funds-ledger")
    try:
        reversal = transaction_reverse(actor=request.user, tx=tx, **form.cleaned_data)
    except (PermissionDenied, ValidationError) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, text)
        return redirect("web:funds-ledger")
    messages.success(
        request, _g("Đã đảo GD%(old)s bằng GD%(new)s.") % {"old": tx.pk, "new": reversal.pk}
    )
    return redirect("web:funds-ledger")


def _page(form: Any, title: str) -> dict[str, Any]:
    return {"form": form, "title": title, "tabs": "web/funds/_tabs.html"}
