"""Loading the reference figures and province regions of ``reference.toml``."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

REFERENCE_FILE = Path(__file__).with_name("reference.toml")


def reference_data() -> dict[str, Any]:
    with REFERENCE_FILE.open("rb") as f:
        return tomllib.load(f, parse_float=Decimal)


def hundredths(percent: Decimal | None) -> int | None:
    """A published percentage in hundredths of a percent: 4.06 → 406."""
    return None if percent is None else int(percent * 100)


def province_region(province_code: str) -> str | None:
    """The socio-economic region (``Region`` value) of a province, by its code."""
    for region, codes in reference_data()["regions"].items():
        if province_code in codes:
            return str(region)
    return None


def reference_load(figure_model: Any) -> int:
    """Add the file's figures that are missing (edited rows are kept); takes the model so
    that a migration can pass its historical one. Returns how many were added."""
    added = 0
    for row in reference_data()["figures"]:
        values = {
            "name": row["name"], "region": row.get("region", ""), "source": row["source"],
            "combined_rate": hundredths(row.get("combined_rate")),
            "poor_rate": hundredths(row.get("poor_rate")),
            "households": row.get("households"), "published_rank": row.get("published_rank"),
            "published_rank_of": row.get("published_rank_of"),
        }  # fmt: skip
        _, made = figure_model.objects.get_or_create(
            year=row["year"], level=row["level"], code=row["code"], defaults=values
        )
        added += made
    return added
