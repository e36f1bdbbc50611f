"""Alkire–Foster reference computation (the oracle for the vectorised MPI), exact fractions.

>>> g0 = [[0, 0, 0, 0], [0, 1, 0, 1], [1, 1, 1, 1], [0, 1, 0, 0]]
>>> r = af_measures(g0, [1, 1, 1, 1], Fraction(2, 4))
>>> (r.H, r.A, r.M0)
(Fraction(1, 2), Fraction(3, 4), Fraction(3, 8))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

Real = int | float | Fraction


@dataclass(frozen=True, slots=True, kw_only=True)
class AfResult:
    """Alkire–Foster measures; per-indicator tuples follow the column order."""

    n: int
    q: int
    poor: tuple[bool, ...]
    scores: tuple[Fraction, ...]
    H: Fraction
    A: Fraction
    M0: Fraction
    censored: tuple[Fraction, ...]
    uncensored: tuple[Fraction, ...]
    contributions: tuple[Fraction, ...]


def af_deprivations(
    achievements: Sequence[Sequence[Real]], cutoffs: Sequence[Real]
) -> list[list[int]]:
    """``g0_ij = 1`` when achievement ``y_ij`` is strictly below cut-off ``z_j``."""
    return [[int(Fraction(y) < Fraction(z)) for y, z in zip(row, cutoffs, strict=True)]
            for row in achievements]  # fmt: skip


def af_measures(g0: Sequence[Sequence[int]], weights: Sequence[Real], k: Real) -> AfResult:
    """H, A, M0, censored/uncensored headcounts and contributions for cut-off ``k``."""
    w = _normalised(weights)
    scores = tuple(sum((wj * g for wj, g in zip(w, row, strict=True)), Fraction(0)) for row in g0)
    poor = tuple(c >= Fraction(k) for c in scores)
    n, q = len(g0), sum(poor)
    total = sum((c for c, p in zip(scores, poor, strict=True) if p), Fraction(0))
    m0 = total / n
    censored = tuple(Fraction(sum(r[j] for r, p in zip(g0, poor, strict=True) if p), n)
                     for j in range(len(w)))  # fmt: skip
    uncensored = tuple(Fraction(sum(r[j] for r in g0), n) for j in range(len(w)))
    contributions = tuple(
        wj * h / m0 if m0 else Fraction(0) for wj, h in zip(w, censored, strict=True)
    )
    return AfResult(
        n=n, q=q, poor=poor, scores=scores, H=Fraction(q, n), A=total / q if q else Fraction(0),
        M0=m0, censored=censored, uncensored=uncensored, contributions=contributions,
    )  # fmt: skip


def af_gap_measure(
    achievements: Sequence[Sequence[Real]],
    cutoffs: Sequence[Real],
    weights: Sequence[Real],
    k: Real,
    alpha: int,
) -> Fraction:
    """``M_alpha`` for cardinal data: M1 (alpha 1, adjusted gap), M2 (alpha 2, squared gap)."""
    g0 = af_deprivations(achievements, cutoffs)
    poor = af_measures(g0, weights, k).poor
    w = _normalised(weights)
    total = Fraction(0)
    for row, deprived, is_poor in zip(achievements, g0, poor, strict=True):
        if not is_poor:
            continue
        for y, z, wj, g in zip(row, cutoffs, w, deprived, strict=True):
            gap = (Fraction(z) - Fraction(y)) / Fraction(z)
            total += wj * g * gap**alpha
    return total / len(achievements)


def _normalised(weights: Sequence[Real]) -> list[Fraction]:
    exact = [Fraction(x) for x in weights]
    total = sum(exact, Fraction(0))
    return [x / total for x in exact]
