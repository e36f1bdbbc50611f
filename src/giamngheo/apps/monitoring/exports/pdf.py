"""A commune's summary as a PDF (WeasyPrint rendering a Django template, in Vietnamese):
headline rates, the trend by year, changes of status, deprivations, villages, support, money
and targets of the report year.

WeasyPrint needs the Pango text library of the system: when it cannot be loaded,
:func:`commune_summary_pdf` raises :class:`giamngheo.pdf.PdfUnavailableError`.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from giamngheo.apps.monitoring.exports.data import ReportData
from giamngheo.apps.monitoring.exports.indicators import HEADLINE, target_rows
from giamngheo.apps.monitoring.exports.tt10 import spending_total
from giamngheo.apps.monitoring.selectors import transition_labels
from giamngheo.pdf import pdf_from_html

TEMPLATE = "web/monitoring/commune_summary_pdf.html"


def commune_summary_pdf(data: ReportData) -> bytes:
    return pdf_from_html(commune_summary_html(data))


def commune_summary_html(data: ReportData) -> str:
    with translation.override("vi"):
        return render_to_string(TEMPLATE, summary_context(data))


def summary_context(data: ReportData) -> dict[str, Any]:
    now = data.at(data.year)
    previous = [r for r in data.trend if r.year < data.year]
    labels = transition_labels("vi")
    return {
        "data": data, "unit": data.unit, "now": now,
        "headline": [(i, i.value(data, data.year), i.value(data, data.year - 1))
                     for i in HEADLINE],
        "transitions": [(label, now.transitions.get(t, 0)) for t, label in labels.items()]
        if now is not None and previous else [],
        "mpi": data.mpi.get(data.year), "targets": target_rows(data),
        "support": [r for r in data.support if r.support_type],
        "support_all": next((r for r in data.support if r.support_type == ""), None),
        "funds": data.funds, "spending": data.spending,
        "spending_total": spending_total(data.spending),
        "villages": sorted(data.children, key=lambda c: c.unit.code),
    }  # fmt: skip
