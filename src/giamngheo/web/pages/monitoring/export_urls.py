"""The reports of a unit and their downloads; included by ``monitoring.urls`` at
``theo-doi/bao-cao/`` inside the ``web`` namespace."""

from django.urls import path

from giamngheo.web.pages.monitoring import exports

urlpatterns = [
    path("<str:level>/<str:code>/", exports.reports_page, name="monitoring-reports"),
    path(
        "<str:level>/<str:code>/tt10-bieu-01.xlsx",
        exports.form01_download,
        name="monitoring-export-form01",
    ),
    path(
        "<str:level>/<str:code>/tt10-bieu-02.xlsx",
        exports.form02_download,
        name="monitoring-export-form02",
    ),
    path(
        "<str:level>/<str:code>/tt10-bao-cao.xlsx",
        exports.report_download,
        name="monitoring-export-report",
    ),
    path("<str:level>/<str:code>/tom-tat.pdf", exports.pdf_download, name="monitoring-export-pdf"),
]
