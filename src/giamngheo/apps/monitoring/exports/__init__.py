"""Official exports of a province or commune, built from the dashboards' aggregate tables:
the Circular 10/2022 workbooks (:mod:`.tt10`, :mod:`.tt10_report`) and a commune's PDF
summary (:mod:`.pdf`). :mod:`.data` gathers the figures once for all of them."""

from __future__ import annotations

from giamngheo.apps.monitoring.selectors import Unit


def export_filename(stem: str, unit: Unit, year: int, extension: str) -> str:
    """An ASCII file name, e.g. ``TT10_Bieu01_20_2025.xlsx`` (the title inside is Vietnamese)."""
    return f"{stem}_{unit.code}_{year}.{extension}"
