"""The raw survey facts behind the flags: materials, floor area, water, latrine, devices, waste.

Facts are drawn from persistent household draws (so a house stays the same from year to year
unless its status changes) and are always consistent with the flags:

- housing quality deprived ⇔ at least 2 of wall / column / roof are non-durable;
- housing area deprived ⇔ floor area / household size < 8 m²;
- water deprived ⇔ an unsafe source; latrine deprived ⇔ an open pit or none;
- telecom deprived ⇔ nobody uses the internet; information deprived ⇔ no device at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from giamngheo.demo._random import Bools, Floats, Ints, categorical_pick, labels, sigmoid

WATER_SOURCES: tuple[str, ...] = (
    "piped", "drilled_well", "protected_dug_well", "protected_spring", "rainwater", "bottled",
    "unprotected_well", "unprotected_spring", "surface_water",
)  # fmt: skip
# Rows: urban safe, rural safe, remote safe, unsafe (demo assumption).
_WATER = np.array(
    [
        [0.85, 0.08, 0.02, 0.00, 0.00, 0.05, 0.0, 0.0, 0.0],
        [0.35, 0.22, 0.20, 0.18, 0.03, 0.02, 0.0, 0.0, 0.0],
        [0.10, 0.10, 0.20, 0.52, 0.06, 0.02, 0.0, 0.0, 0.0],
        [0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.25, 0.45, 0.30],
    ]
)
LATRINES: tuple[str, ...] = (
    "septic",
    "semi_septic",
    "pour_flush",
    "double_vault",
    "pit_open",
    "none",
)
_LATRINE = np.array(
    [
        [0.85, 0.15, 0.00, 0.00, 0.00, 0.00],
        [0.35, 0.30, 0.20, 0.15, 0.00, 0.00],
        [0.15, 0.25, 0.25, 0.35, 0.00, 0.00],
        [0.00, 0.00, 0.00, 0.00, 0.65, 0.35],
    ]
)
_MATERIALS = ("durable", "non_durable")


@dataclass(frozen=True, slots=True, kw_only=True)
class FactDraws:
    """Persistent uniform draws per household (``housing`` and ``devices`` have columns)."""

    housing: Floats
    floor: Floats
    water: Floats
    latrine: Floats
    devices: Floats
    waste: Floats


def fact_draws(households: int, rng: np.random.Generator) -> FactDraws:
    """Draw once per household; every year's facts derive from these."""
    return FactDraws(
        housing=rng.random((households, 4)),
        floor=rng.random(households),
        water=rng.random(households),
        latrine=rng.random(households),
        devices=rng.random((households, 4)),
        waste=rng.random(households),
    )


def _setting(urban: Bools, remote: Bools, deprived: Bools) -> Ints:
    return np.select([deprived, urban, remote], [3, 0, 2], 1)


def _materials(deprived: Bools, remote: Bools, u: Floats) -> dict[str, pl.Series]:
    one_weak = u[:, 3] < np.where(remote, 0.35, 0.15)
    weak = np.where(deprived, 2 + (u[:, 3] < 0.35), one_weak.astype(np.int64))
    order = u[:, :3].argsort(axis=1).argsort(axis=1)
    names = ("wall_material", "column_material", "roof_material")
    return {
        name: labels(_MATERIALS, (order[:, i] < weak).astype(np.int64), name)
        for i, name in enumerate(names)
    }


def _floor_area(deprived: Bools, size: Ints, urban: Bools, welfare: Floats, u: Floats) -> Ints:
    cramped = np.floor(size * (4.0 + 3.5 * u))
    typical = np.exp(np.log(np.where(urban, 62.0, 48.0)) + 0.3 * welfare + 0.35 * (u - 0.5))
    return np.where(deprived, cramped, np.maximum(np.round(typical), 8 * size)).astype(np.int32)


def _devices(telecom: Bools, information: Bools, urban: Bools, u: Floats) -> pl.Series:
    internet = ~telecom
    tv = u[:, 0] < np.where(urban, 0.95, 0.85)
    radio = u[:, 1] < 0.08
    computer = internet & (u[:, 2] < np.where(urban, 0.35, 0.08))
    phone = ~internet & (u[:, 3] < 0.7)
    tv |= ~internet & ~radio & ~phone
    owned = {"tv": tv, "radio": radio, "computer": computer, "smartphone": internet, "phone": phone}
    frame = pl.DataFrame({name: has & ~information for name, has in owned.items()})
    parts = [pl.when(name).then(pl.lit(name)) for name in owned]
    return frame.select(
        pl.concat_str(parts, separator=";", ignore_nulls=True).alias("devices")
    ).to_series()


def _waste(score: Floats, urban: Bools, remote: Bools, u: Floats) -> tuple[Bools, Ints]:
    dumped = u < sigmoid(-1.2 + 1.0 * score + 0.6 * remote) * np.where(urban, 0.2, 1.0)
    collected = u > 1 - np.select([urban, remote], [0.95, 0.05], 0.35)
    return dumped, np.select([dumped, collected], [2, 0], 1).astype(np.int64)


_WASTE = ("collected", "own_treatment", "dumped")


def facts_frame(
    *,
    flags: Bools,
    columns: tuple[str, ...],
    size: Ints,
    urban: Bools,
    remote: Bools,
    welfare: Floats,
    score: Floats,
    draws: FactDraws,
) -> pl.DataFrame:
    """Raw facts and ``dep_waste`` for one year, consistent with ``flags`` (``columns`` names
    the flag columns, e.g. ``dep_water``)."""
    flag = {name: flags[:, i] for i, name in enumerate(columns)}
    water = _setting(urban, remote, flag["dep_water"])
    latrine = _setting(urban, remote, flag["dep_latrine"])
    dumped, waste = _waste(score, urban, remote, draws.waste)
    return pl.DataFrame(
        {
            **_materials(flag["dep_housing_quality"], remote, draws.housing),
            "floor_area_m2": _floor_area(
                flag["dep_housing_area"], size, urban, welfare, draws.floor
            ),
            "water_source": labels(WATER_SOURCES, categorical_pick(draws.water, _WATER[water])),
            "latrine_type": labels(LATRINES, categorical_pick(draws.latrine, _LATRINE[latrine])),
            "internet_use": ~flag["dep_telecom"],
            "devices": _devices(
                flag["dep_telecom"], flag["dep_information_access"], urban, draws.devices
            ),
            "waste_handling": labels(_WASTE, waste),
            "dep_waste": dumped,
        }
    )
