"""Included by ``giamngheo.web.urls`` at ``nguon-von/`` inside the ``web`` namespace."""

from django.urls import path

from giamngheo.web.pages.funds import public, records, reports

urlpatterns = [
    path("", reports.funds_home, name="funds"),
    path("nguon/", records.source_page, name="funds-source-new"),
    path("ung-ho/", records.donation_page, name="funds-donations"),
    path("ngan-sach/", records.budget_receipt_page, name="funds-budget"),
    path("phan-bo/", records.allocation_page, name="funds-allocations"),
    path("giai-ngan/", records.disbursement_page, name="funds-disbursements"),
    path(
        "giai-ngan/<int:pk>/phieu-chi.pdf",
        reports.disbursement_receipt_pdf,
        name="funds-disbursement-receipt",
    ),
    path("so-cai/", reports.ledger_page, name="funds-ledger"),
    path("so-cai/excel/", reports.ledger_export, name="funds-ledger-xlsx"),
    path("so-cai/<int:pk>/dao/", records.reverse_page, name="funds-reverse"),
    path("bien-nhan/<str:code>/", reports.receipt_page, name="funds-receipt"),
    path("cong-khai/", public.public_index, name="funds-public-index"),
    path("cong-khai/bien-nhan/", public.public_receipt_lookup, name="funds-public-receipt"),
    path("cong-khai/<str:code>/", public.public_province, name="funds-public"),
]
