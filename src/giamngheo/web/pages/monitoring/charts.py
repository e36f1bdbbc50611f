"""What each dashboard chart draws, as plain data for ``json_script`` (labels already
translated). ``static/web/monitoring/charts.js`` turns it into ECharts options; the page shows
the same numbers in a table beside every chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from django.utils.translation import gettext as _

from giamngheo.apps.monitoring.selectors import FundsRow, Mpi, Rates, YearRates

type Chart = dict[str, Any]
type Number = float | int | None

# The status colours of the pages (app.css): poor, near-poor, both.
RATE_COLOURS = ("#b3261e", "#e6a700", "#1a4b8c")
TRANSITION_COLOURS = {
    "escaped": "#1e5e33", "escaped_near_poor": "#6fbf73", "poor_to_near_poor": "#1a4b8c",
    "newly_poor": "#b3261e", "newly_near_poor": "#e6a700", "fell_back": "#6d1b16",
}  # fmt: skip


def chart(
    kind: Literal["line", "bar"], categories: Sequence[str], series: Mapping[str, Sequence[Number]],
    *, unit: str = "", stack: bool = False, horizontal: bool = False,
    colours: Sequence[str] = (),
) -> Chart:  # fmt: skip
    return {
        "kind": kind, "categories": list(categories), "unit": unit, "stack": stack,
        "horizontal": horizontal, "colours": list(colours),
        "series": [{"name": name, "data": list(data)} for name, data in series.items()],
    }  # fmt: skip


def rate_series(rates: Sequence[Rates]) -> dict[str, Sequence[Number]]:
    return {
        _("Tỷ lệ hộ nghèo"): [r.poor_rate for r in rates],
        _("Tỷ lệ hộ cận nghèo"): [r.near_poor_rate for r in rates],
        _("Tỷ lệ hộ nghèo và cận nghèo"): [r.combined_rate for r in rates],
    }


def trend_chart(rows: Sequence[YearRates]) -> Chart:
    """Poor, near-poor and combined rates by year (one standard)."""
    years = [str(r.year) for r in rows]
    series = rate_series([r.rates for r in rows])
    return chart("line", years, series, unit="%", colours=RATE_COLOURS)


def standards_chart(names: Sequence[str], rates: Sequence[Rates]) -> Chart:
    """The year's rates under each standard, side by side."""
    return chart("bar", names, rate_series(rates), unit="%", colours=RATE_COLOURS)


def transitions_chart(rows: Sequence[YearRates], labels: Mapping[str, str]) -> Chart:
    """Households changing status, by year and kind of change."""
    series = {label: [r.transitions[t] for r in rows] for t, label in labels.items()}
    colours = [TRANSITION_COLOURS.get(t, "#5b6675") for t in labels]
    return chart("bar", [str(r.year) for r in rows], series, colours=colours)


def mpi_chart(mpi: Mpi | None) -> Chart:
    """Share of households deprived in each indicator, most common first."""
    rows = mpi.indicators if mpi is not None else ()
    series = {_("Tỷ lệ hộ thiếu hụt"): [r.share for r in rows]}
    return chart("bar", [r.label for r in rows], series, unit="%", horizontal=True)


def funds_chart(rows: Sequence[FundsRow]) -> Chart:
    series = {
        _("Đã phân bổ"): [r.allocated_vnd for r in rows],
        _("Đã giải ngân"): [r.disbursed_vnd for r in rows],
    }
    return chart("bar", [r.label or r.source_kind for r in rows], series, unit=_("đồng"))
