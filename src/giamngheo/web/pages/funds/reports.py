"""Reading money: balances and uses by period, the ledger and its Excel export, a donor's
printable receipt with the trace of what the donation paid for, and a disbursement's payment
voucher as PDF."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.funds.access import can_view
from giamngheo.apps.funds.export import ledger_xlsx
from giamngheo.apps.funds.public import donor_public
from giamngheo.apps.funds.receipts import disbursement_receipt, receipt_pdf
from giamngheo.apps.funds.selectors import (
    Period,
    SourceBalance,
    UseRow,
    donation_get,
    donation_trace,
    entries_visible,
    source_balances_visible,
    transactions_visible,
    use_summary_visible,
)
from giamngheo.pdf import PdfUnavailableError
from giamngheo.web.pages.funds.forms import PeriodForm, ReversalForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_view(request: HttpRequest) -> None:
    if not can_view(request.user):
        raise Http404


@login_required
def funds_home(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    form = PeriodForm(request.GET or None)
    period, by = Period(), "project"
    if form.is_bound and form.is_valid():
        period = Period(start=form.cleaned_data["start"], end=form.cleaned_data["end"])
        by = form.cleaned_data["by"] or by
    balances = source_balances_visible(user=request.user, period=period)
    uses = use_summary_visible(user=request.user, by=by, period=period)  # type: ignore[arg-type]
    scope = scope_of(request.user)
    return render(request, "web/funds/home.html", {
        "form": form, "balances": balances, "uses": uses,
        "totals": _totals(balances), "use_totals": _use_totals(uses),
        "can_record": scope.can(Capability.FUNDS_RECORD),
        "can_manage": scope.can(Capability.PROGRAMMES_MANAGE),
    })  # fmt: skip


def _totals(balances: list[SourceBalance]) -> dict[str, int]:
    names = ("received", "unallocated", "allocated", "spent")
    return {n: sum(getattr(b, n) for b in balances) for n in names}


def _use_totals(uses: list[UseRow]) -> dict[str, int]:
    names = ("allocated", "disbursed", "delivered", "remaining")
    return {n: sum(getattr(u, n) for u in uses) for n in names}


@login_required
def ledger_page(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    rows = transactions_visible(user=request.user).select_related("disbursement")
    rows = rows.prefetch_related("entries__account__source")
    page = Paginator(rows.order_by("-id"), 50).get_page(request.GET.get("page"))
    reversal = ReversalForm(initial={"booked_on": timezone.localdate()})
    can_record = scope_of(request.user).can(Capability.FUNDS_RECORD)
    return render(
        request,
        "web/funds/ledger.html",
        {"page": page, "reversal": reversal, "can_record": can_record},
    )


@login_required
def ledger_export(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    if not scope_of(request.user).can(Capability.EXPORT) and not scope_of(request.user).can(
        Capability.FUNDS_RECORD
    ):
        raise Http404
    body = ledger_xlsx(entries_visible(user=request.user))
    response = HttpResponse(body, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="so-cai-nguon-von.xlsx"'
    return response


@login_required
def receipt_page(request: HttpRequest, code: str) -> HttpResponse:
    _require_view(request)
    donation = donation_get(user=request.user, receipt_code=code)
    trace = donation_trace(donation=donation)
    return render(
        request,
        "web/funds/receipt.html",
        {"donation": donation, "trace": trace, "public_donor": donor_public(donation)},
    )


@login_required
@require_safe
def disbursement_receipt_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The payment voucher of a disbursement the user may read (missing otherwise)."""
    _require_view(request)
    receipt = disbursement_receipt(user=request.user, pk=pk)
    try:
        body = receipt_pdf(receipt)
    except PdfUnavailableError as error:
        context = {"library": error.library}
        return render(request, "web/funds/pdf_unavailable.html", context, status=503)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="PhieuChi_{receipt.number}.pdf"'
    return response
