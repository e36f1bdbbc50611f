"""The Alkire–Foster oracle reproduces the 2011 worked example (domain notes §8.3) exactly."""

from __future__ import annotations

from fractions import Fraction

import pytest

from giamngheo.domain.af import af_deprivations, af_gap_measure, af_measures

F = Fraction

Y: list[list[float]] = [[13.1, 14, 4, 1], [15.2, 7, 5, 0], [12.5, 10, 1, 0], [20, 11, 3, 1]]
Z: list[float] = [13, 12, 3, 1]
W = [1, 1, 1, 1]


def test_deprivation_matrix_is_strictly_below() -> None:
    assert af_deprivations(Y, Z) == [[0, 0, 0, 0], [0, 1, 0, 1], [1, 1, 1, 1], [0, 1, 0, 0]]


@pytest.mark.parametrize(
    ("k", "poor", "h", "a", "m0", "m1", "m2"),
    [
        (F(1, 4), (False, True, True, True), F(3, 4), F(7, 12), F(7, 16), 0.21074, 0.16589),
        (F(2, 4), (False, True, True, False), F(1, 2), F(3, 4), F(3, 8), 0.20553, 0.16546),
        (F(3, 4), (False, False, True, False), F(1, 4), F(1), F(1, 4), 0.11699, 0.09211),
        (F(4, 4), (False, False, True, False), F(1, 4), F(1), F(1, 4), 0.11699, 0.09211),
    ],
)
def test_worked_example(
    k: F, poor: tuple[bool, ...], h: F, a: F, m0: F, m1: float, m2: float
) -> None:
    result = af_measures(af_deprivations(Y, Z), W, k)
    assert (result.poor, result.H, result.A, result.M0) == (poor, h, a, m0)
    assert round(float(af_gap_measure(Y, Z, W, k, 1)), 5) == m1
    assert round(float(af_gap_measure(Y, Z, W, k, 2)), 5) == m2


def test_headcounts_and_contributions_at_half() -> None:
    result = af_measures(af_deprivations(Y, Z), W, F(1, 2))
    assert result.censored == (F(1, 4), F(1, 2), F(1, 4), F(1, 2))
    assert result.uncensored == (F(1, 4), F(3, 4), F(1, 4), F(1, 2))
    assert result.contributions == (F(1, 6), F(1, 3), F(1, 6), F(1, 3))
    assert sum(result.contributions) == 1


def test_group_decomposition() -> None:
    g0 = af_deprivations(Y, Z)
    a, b = af_measures(g0[:2], W, F(1, 2)), af_measures(g0[2:], W, F(1, 2))
    assert [F(1, 2), F(1, 2), F(1, 4)] == [a.H, a.A, a.M0]
    assert [F(1, 2), F(1), F(1, 2)] == [b.H, b.A, b.M0]
    total = af_measures(g0, W, F(1, 2)).M0
    assert F(1, 2) * a.M0 + F(1, 2) * b.M0 == total
    assert (F(1, 2) * a.M0 / total, F(1, 2) * b.M0 / total) == (F(1, 3), F(2, 3))
