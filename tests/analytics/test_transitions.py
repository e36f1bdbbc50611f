"""The Polars transitions agree with the domain's row-by-row definition."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from giamngheo.analytics.transitions import transition_expr
from giamngheo.domain.model import STATUSES
from giamngheo.domain.transitions import transitions

series = st.lists(st.sampled_from(STATUSES), min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(series, min_size=1, max_size=8))
def test_agrees_with_the_domain(households: list[list[str]]) -> None:
    rows = [
        {"household_id": h, "year": 2021 + i, "status": s}
        for h, statuses in enumerate(households)
        for i, s in enumerate(statuses)
    ]
    frame = pl.DataFrame(rows).sort("household_id", "year")
    got = frame.select(transition_expr()).to_series().cast(pl.String).to_list()
    expected = [t for statuses in households for t in transitions(statuses)]  # type: ignore[arg-type]
    assert got == expected


def test_fell_back_needs_an_earlier_poor_year() -> None:
    frame = pl.DataFrame(
        {"household_id": [1, 1, 1, 2, 2], "status": ["poor", "not_poor", "poor", "average", "poor"]}
    )
    got = frame.select(transition_expr()).to_series().cast(pl.String).to_list()
    assert got == [None, "escaped", "fell_back", None, "newly_poor"]
