"""Vectorised classification: the rules of :mod:`giamngheo.domain.rules` as Polars expressions.

The indicator flags of each standard are packed into one ``UInt16`` bitmask (bit ``j`` is the
standard's ``j``-th indicator). The deprivation count is the sum of the flags and the
``S:deprived`` text is a lookup of the mask in a table of all ``2**d`` id lists, so the work
per household is a handful of integer operations whatever the number of standards.

Output columns per standard ``S`` (its id): ``S:status`` (Enum of the four statuses),
``S:deprivations`` (UInt8) and ``S:deprived`` (Enum of ``;``-joined indicator ids).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import polars as pl

from giamngheo.domain.model import STATUSES, Standard

STATUS_DTYPE = pl.Enum(list(STATUSES))
MASK_DTYPE = pl.UInt16
_MASK_PREFIX = "__giamngheo_mask_"


def output_columns(standard: Standard) -> tuple[str, str, str]:
    """Names of the three columns classification adds for ``standard``."""
    return (f"{standard.id}:status", f"{standard.id}:deprivations", f"{standard.id}:deprived")


def classify_lazy(lf: pl.LazyFrame, standards: Sequence[Standard]) -> pl.LazyFrame:
    """Add ``S:status``, ``S:deprivations`` and ``S:deprived`` for every standard ``S``.

    Input columns follow the survey data contract: ``area`` (``rural``/``urban``), ``income``
    (or ``income_score`` for a score-form standard) and ``dep_<id>`` flags (0/1 or boolean).
    The input is assumed valid (see :mod:`giamngheo.analytics.validate`); other columns pass
    through. All standards are computed in one pass.
    """
    masks = _mask_names(standards)
    lf = lf.with_columns(
        deprivation_mask(ids).alias(name) for ids, name in masks.items()
    )  # one mask per distinct indicator list, shared by standards that agree on it
    exprs = [
        expr
        for standard in standards
        for expr in standard_exprs(standard, pl.col(masks[standard.indicator_ids]))
    ]
    return lf.with_columns(exprs).drop(list(masks.values()))


def _mask_names(standards: Sequence[Standard]) -> dict[tuple[str, ...], str]:
    names: dict[tuple[str, ...], str] = {}
    for standard in standards:
        names.setdefault(standard.indicator_ids, f"{_MASK_PREFIX}{len(names)}")
    return names


def deprivation_mask(indicator_ids: Sequence[str]) -> pl.Expr:
    """Pack the ``dep_<id>`` flags into a ``UInt16`` bitmask, bit ``j`` = ``indicator_ids[j]``.

    Each group of 8 flags is summed in ``UInt8`` (half the memory traffic of summing in
    ``UInt16``, measured ~1.5× faster) and the bytes are then combined.
    """
    total: pl.Expr | None = None
    for start in range(0, len(indicator_ids), 8):
        byte = _add(
            [
                pl.col(f"dep_{iid}").cast(pl.UInt8) * pl.lit(1 << bit, pl.UInt8)
                for bit, iid in enumerate(indicator_ids[start : start + 8])
            ]
        ).cast(MASK_DTYPE)
        shifted = byte if start == 0 else byte * pl.lit(1 << start, MASK_DTYPE)
        total = shifted if total is None else total + shifted
    assert total is not None, "a standard has at least one indicator"
    return total


def deprivation_count(indicator_ids: Sequence[str]) -> pl.Expr:
    """Number of deprived indicators as a ``UInt8`` sum of the flags.

    Summing the flags (whose casts the mask shares) measured ~3.5× faster here than the
    popcount of the packed mask.
    """
    return _add([pl.col(f"dep_{iid}").cast(pl.UInt8) for iid in indicator_ids])


def _add(terms: list[pl.Expr]) -> pl.Expr:
    total = terms[0]
    for term in terms[1:]:
        total = total + term
    return total


def standard_exprs(standard: Standard, mask: pl.Expr) -> list[pl.Expr]:
    """The three output expressions of ``standard`` computed from its packed ``mask``."""
    status_col, count_col, deprived_col = output_columns(standard)
    count = deprivation_count(standard.indicator_ids)
    labels = deprived_labels(standard.indicator_ids)
    return [
        status_expr(standard, count).alias(status_col),
        count.alias(count_col),
        pl.lit(labels).gather(mask).alias(deprived_col),
    ]


def status_expr(standard: Standard, count: pl.Expr) -> pl.Expr:
    """``poor`` / ``near_poor`` / ``average`` / ``not_poor`` as an Enum expression."""
    income = pl.col(standard.measure_column)
    line = _by_area(standard.income_line.rural, standard.income_line.urban)
    poor_or_near = (
        pl.when(count >= standard.min_deprivations)
        .then(_status("poor"))
        .otherwise(_status("near_poor"))
    )
    above_line = pl.when(income > line)
    band = standard.average_line
    if band is None:
        return above_line.then(_status("not_poor")).otherwise(poor_or_near)
    top = _by_area(band.rural, band.urban)
    return (
        pl.when(income > top)
        .then(_status("not_poor"))
        .when(income > line)
        .then(_status("average"))
        .otherwise(poor_or_near)
    )


def _by_area(rural: int, urban: int) -> pl.Expr:
    return (
        pl.when(pl.col("area") == "urban")
        .then(pl.lit(urban, pl.Int64))
        .otherwise(pl.lit(rural, pl.Int64))
    )


def _status(status: str) -> pl.Expr:
    return pl.lit(status, STATUS_DTYPE)


@cache
def deprived_labels(indicator_ids: tuple[str, ...]) -> pl.Series:
    """Every ``;``-joined id list, indexed by mask value, as an Enum Series."""
    texts = [
        ";".join(iid for bit, iid in enumerate(indicator_ids) if mask >> bit & 1)
        for mask in range(1 << len(indicator_ids))
    ]
    return pl.Series("deprived", texts, dtype=pl.Enum(texts))
