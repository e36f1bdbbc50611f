"""The status transitions of :mod:`giamngheo.domain.transitions` as one Polars expression.

The frame must be sorted by ``year`` within each household (and standard); the transition of a
household's first review is null, as in :func:`giamngheo.domain.transitions.transitions`.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from giamngheo.domain.transitions import TRANSITION_LABELS

TRANSITION_DTYPE = pl.Enum(list(TRANSITION_LABELS))
_LISTED = ("poor", "near_poor")


def transition_expr(status: str = "status", over: Sequence[str] = ("household_id",)) -> pl.Expr:
    """The transition into each row's ``status`` from the household's previous row."""
    current = pl.col(status).cast(pl.String)
    previous = current.shift(1).over(over)
    ever_poor = (current == "poor").cast(pl.UInt32).cum_sum().shift(1).over(over) > 0
    unchanged = (previous == current) | (~previous.is_in(_LISTED) & ~current.is_in(_LISTED))
    value = (
        pl.when(previous.is_null())
        .then(None)
        .when(unchanged)
        .then(pl.lit("unchanged"))
        .when(current == "poor")
        .then(pl.when(ever_poor).then(pl.lit("fell_back")).otherwise(pl.lit("newly_poor")))
        .when(current == "near_poor")
        .then(
            pl.when(previous == "poor")
            .then(pl.lit("poor_to_near_poor"))
            .otherwise(pl.lit("newly_near_poor"))
        )
        .when(previous == "poor")
        .then(pl.lit("escaped"))
        .otherwise(pl.lit("escaped_near_poor"))
    )
    return value.cast(TRANSITION_DTYPE)
