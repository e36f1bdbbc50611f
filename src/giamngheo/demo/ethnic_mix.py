"""Ethnic composition of households (calibrated on Lạng Sơn) and its welfare gradient.

Lạng Sơn's population is roughly Nùng 42 %, Tày 35 %, Kinh 16 %, Dao 3.5 %, with small Hoa,
Sán Chay, Mông, Sán Dìu, Mường and Thái communities. Wards (phường) are more Kinh. Small
groups live in a minority of communes, and villages are mostly of one group.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from giamngheo.demo._random import Floats, Ints, categorical_pick
from giamngheo.domain.ethnicity import ethnic_group_by_name

_PROVINCE_MIX: dict[str, float] = {
    "Nùng": 0.42, "Tày": 0.35, "Kinh": 0.16, "Dao": 0.035, "Hoa": 0.01, "Sán Chay": 0.01,
    "Mông": 0.005, "Sán Dìu": 0.005, "Mường": 0.003, "Thái": 0.002,
}  # fmt: skip
_URBAN_MIX: dict[str, float] = {
    "Nùng": 0.22, "Tày": 0.25, "Kinh": 0.45, "Dao": 0.01, "Hoa": 0.04, "Sán Chay": 0.01,
    "Mông": 0.0, "Sán Dìu": 0.005, "Mường": 0.01, "Thái": 0.005,
}  # fmt: skip
_SMALL_GROUPS = frozenset({"Dao", "Hoa", "Sán Chay", "Mông", "Sán Dìu", "Mường", "Thái"})

# Demo assumption: shift of the latent welfare by group (in standard deviations).
_WELFARE_SHIFT: dict[str, float] = {
    "Kinh": 0.45, "Hoa": 0.45, "Tày": 0.05, "Nùng": -0.05, "Sán Chay": -0.15, "Sán Dìu": -0.1,
    "Mường": -0.1, "Thái": -0.15, "Dao": -0.55, "Mông": -0.8,
}  # fmt: skip

GROUP_NAMES: tuple[str, ...] = tuple(_PROVINCE_MIX)
GROUP_CODES: tuple[str, ...] = tuple(ethnic_group_by_name(name).code for name in GROUP_NAMES)
WELFARE_SHIFT: Floats = np.array([_WELFARE_SHIFT[name] for name in GROUP_NAMES])


def _vector(mix: dict[str, float]) -> Floats:
    return np.array([mix[name] for name in GROUP_NAMES])


def commune_mixes(wards: pl.DataFrame, rng: np.random.Generator) -> Floats:
    """One row of group shares per commune; rural shares chosen so the province matches."""
    urban = wards["area"].to_numpy() == "urban"
    weight = wards["weight"].to_numpy()
    urban_share = float(weight[urban].sum() / weight.sum())
    rural = np.clip(_vector(_PROVINCE_MIX) - urban_share * _vector(_URBAN_MIX), 0.0, None)
    small = np.array([name in _SMALL_GROUPS for name in GROUP_NAMES])
    noise = rng.lognormal(0.0, 0.4, (wards.height, len(GROUP_NAMES)))
    present = rng.random((wards.height, len(GROUP_NAMES))) < 0.3
    noise = np.where(small, noise * present / 0.3, noise)
    mixes = np.where(urban[:, None], _vector(_URBAN_MIX), rural) * noise
    return _rake(mixes / mixes.sum(axis=1, keepdims=True), weight / weight.sum())


def _rake(mixes: Floats, weight: Floats) -> Floats:
    """Rescale the communes' mixes so that the province's expected mix is the target."""
    target = _vector(_PROVINCE_MIX)
    for _ in range(20):
        mixes = mixes * (target / np.maximum(weight @ mixes, 1e-12))
        mixes /= mixes.sum(axis=1, keepdims=True)
    return mixes


def household_groups(
    village_ward: Ints, household_village: Ints, mixes: Floats, rng: np.random.Generator
) -> Ints:
    """Group index of each household: 60 % the village's main group, else the commune mix.

    ``village_ward`` is the commune row of each village, ``household_village`` the village row
    of each household.
    """
    village_main = categorical_pick(rng.random(village_ward.size), mixes[village_ward])
    from_mix = categorical_pick(
        rng.random(household_village.size), mixes[village_ward][household_village]
    )
    keep_main = rng.random(household_village.size) < 0.6
    return np.where(keep_main, village_main[household_village], from_mix)
