"""Which indicators a household is deprived on, given how many it is deprived on.

The count comes from :mod:`giamngheo.demo.welfare`. Here it is spread over the 12 indicators
of the 2022–2025 standard with weighted sampling without replacement (exponential race):

- an indicator the household cannot be deprived on is never chosen (no child aged 3–15 →
  no school-attendance deprivation; nobody aged 16–30 → no adult-education deprivation …);
- "dependants" is not drawn: it holds exactly when dependants are more than half of the
  members, and counts towards the total (this never moves a household across the
  "three deprivations" cut, so calibration holds);
- "information access" is only chosen after "telecom" (a household without any information
  device cannot use the internet);
- the race uses persistent household keys with a little yearly noise, so a household keeps
  mostly the same deprivations from one year to the next.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from giamngheo.demo._random import Bools, Floats, Ints
from giamngheo.demo.frames import DEPRIVATIONS_2022

_INDEX = {name: i for i, name in enumerate(DEPRIVATIONS_2022)}
# How often each indicator is among a household's deprivations (demo assumption).
_WEIGHT = np.array([0.7, 0.0, 0.5, 0.35, 0.9, 0.3, 1.0, 0.35, 0.8, 1.3, 1.0, 0.6])
_REMOTE_BOOST = np.array([1.0, 1.0, 1.2, 1.3, 1.2, 1.3, 1.6, 1.0, 1.6, 1.6, 1.6, 1.6])
_URBAN_DAMP = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.6, 1.5, 0.4, 0.4, 0.6, 0.6])


@dataclass(frozen=True, slots=True, kw_only=True)
class Eligibility:
    """Per household, for one year: who lives there, as far as the indicators care."""

    size: Ints
    dependants: Ints
    child_under_16: Bools
    child_3_15: Bools
    youth_16_30: Bools
    worker: Bools


def race_keys(households: int, rng: np.random.Generator) -> Floats:
    """Persistent exponential keys, one per household and indicator."""
    return rng.exponential(1.0, (households, len(DEPRIVATIONS_2022)))


def _eligible(e: Eligibility) -> Bools:
    eligible = np.ones((e.size.size, len(DEPRIVATIONS_2022)), dtype=bool)
    eligible[:, _INDEX["employment"]] = e.worker
    eligible[:, _INDEX["dependants"]] = False
    eligible[:, _INDEX["nutrition"]] = e.child_under_16
    eligible[:, _INDEX["adult_education"]] = e.youth_16_30
    eligible[:, _INDEX["school_attendance"]] = e.child_3_15
    return eligible


def deprivations_choose(
    *,
    count: Ints,
    eligibility: Eligibility,
    remote: Bools,
    urban: Bools,
    keys: Floats,
    rng: np.random.Generator,
) -> Bools:
    """Flags ``(households, 12)`` with ``max(count, dependants flag)`` indicators set."""
    dependants = 2 * eligibility.dependants > eligibility.size
    weight = _WEIGHT * np.where(remote[:, None], _REMOTE_BOOST, 1.0)
    weight = weight * np.where(urban[:, None], _URBAN_DAMP, 1.0)
    eligible = _eligible(eligibility)
    race = keys * np.exp(rng.normal(0.0, 0.25, keys.shape)) / np.where(eligible, weight, 1.0)
    race[~eligible] = np.inf
    telecom, information = _INDEX["telecom"], _INDEX["information_access"]
    race[:, information] = np.maximum(race[:, information], race[:, telecom] * (1 + 1e-9))
    wanted = np.minimum(np.maximum(count - dependants, 0), eligible.sum(axis=1))
    rank = race.argsort(axis=1).argsort(axis=1)
    flags = rank < wanted[:, None]
    flags[:, _INDEX["dependants"]] = dependants
    return flags
