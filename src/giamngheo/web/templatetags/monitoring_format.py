"""Number formats of the dashboards, cheaper than ``floatformat`` on pages with hundreds of
rates: two decimals with the active language's decimal separator, "–" when there is no value
(in Vietnamese ``pct(12.3456)`` is ``12,35`` and ``signed(1.25)`` is ``+1,25``)."""

from typing import Any

from django import template
from django.utils.formats import get_format
from django.utils.safestring import mark_safe

from giamngheo.web.templatetags.humanize_vi import vnd_number

register = template.Library()
MISSING = "–"


@register.filter
def pct(value: float | None, decimals: int = 2) -> str:
    """A rate or share: ``12,35`` (Vietnamese) or ``12.35`` (English)."""
    if value is None or value == "":
        return MISSING
    text = f"{float(value):.{int(decimals)}f}"
    return text.replace(".", str(get_format("DECIMAL_SEPARATOR")))


@register.filter
def signed(value: float | None) -> str:
    """A change in points, with its sign: ``+1,25``, ``-0,50``, ``0,00``."""
    if value is None:
        return MISSING
    return f"+{pct(value)}" if value > 0 else pct(value)


@register.filter
def rate_cells(rates: Any) -> str:
    """The six number cells of a row of rates (households, poor, rate, near-poor, rate,
    combined rate), built in one go: tables of communes and villages have many rows."""
    cells = (
        vnd_number(rates.households), vnd_number(rates.poor), pct(rates.poor_rate),
        vnd_number(rates.near_poor), pct(rates.near_poor_rate), pct(rates.combined_rate),
    )  # fmt: skip
    return mark_safe("".join(f'<td class="num">{c}</td>' for c in cells))  # noqa: S308 - numbers
