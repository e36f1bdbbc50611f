"""Random-number helpers shared by the generator's stages (NumPy, vectorised)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


def rng_streams(seed: int, count: int) -> list[np.random.Generator]:
    """Independent generators, one per stage, so a stage's draws never shift another's."""
    return [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(count)]


def categorical_pick(u: Floats, probabilities: Floats) -> Ints:
    """Index of the category that ``u`` falls in, row by row.

    ``probabilities`` is ``(k,)`` (same for every row) or ``(n, k)`` (one row per draw); rows
    need not sum to one exactly.

    >>> categorical_pick(np.array([0.1, 0.5, 0.95]), np.array([0.2, 0.5, 0.3])).tolist()
    [0, 1, 2]
    """
    table = np.atleast_2d(probabilities)
    cumulative = np.cumsum(table, axis=1)
    cumulative /= cumulative[:, -1:]
    picked = (u[:, None] >= cumulative[:, :-1]).sum(axis=1)
    return picked.astype(np.int64)


def sigmoid(x: Floats) -> Floats:
    """The logistic function."""
    return 1.0 / (1.0 + np.exp(-x))


def labels(values: tuple[str, ...], index: Ints, name: str = "") -> pl.Series:
    """The ``index``-th of ``values`` for each row, as a string Series (fast: no Python
    strings per row).

    >>> labels(("a", "b"), np.array([1, 0, 1])).to_list()
    ['b', 'a', 'b']
    """
    return pl.Series(name, values, dtype=pl.String).gather(pl.Series(index))
