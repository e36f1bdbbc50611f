"""Alkire–Foster multidimensional poverty (H, A, M0) on lazy Polars, from integer partial sums.

Weights are turned into integers over a common denominator and the cut-off ``k`` is a
:class:`~fractions.Fraction`, so identification (``c_i ≥ k``) is exact integer arithmetic.
The per-group sums (:func:`mpi_partial_sums`) add up across partitions (:func:`mpi_merge`),
and every ratio in :func:`mpi_finish` is one division of two integers, so each float equals
the exact fraction rounded once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import polars as pl

from giamngheo.domain.model import Standard

ALL = "all"
Number = int | float | Fraction


@dataclass(frozen=True, slots=True, kw_only=True)
class MpiSpec:
    """Indicators (output names), their 0/1 input columns, integer weights and cut-off ``k``."""

    indicators: tuple[str, ...]
    columns: tuple[str, ...]
    weights: tuple[int, ...]
    k: Fraction

    @classmethod
    def of(
        cls,
        *,
        indicators: Sequence[str],
        columns: Sequence[str] | None = None,
        weights: Sequence[Number] | None = None,
        k: Number | None = None,
    ) -> MpiSpec:
        """Normalise weights (default equal) and ``k`` (default 1/d, the union approach)."""
        ids = tuple(indicators)
        cols = tuple(columns) if columns is not None else ids
        if not ids or len(cols) != len(ids) or len(set(ids)) != len(ids):
            raise ValueError("indicators must be distinct and match the columns")
        cut = Fraction(1, len(ids)) if k is None else Fraction(k)
        if not 0 < cut <= 1:
            raise ValueError(f"k must be in (0, 1], not {cut}")
        return cls(indicators=ids, columns=cols, weights=_integer_weights(weights, len(ids)), k=cut)

    @classmethod
    def for_standard(
        cls, standard: Standard, *, weights: Sequence[Number] | None = None, k: Number | None = None
    ) -> MpiSpec:
        """The standard's indicators (``dep_<id>``), equal weights, ``k`` = cut-off / d."""
        d = len(standard.indicators)
        return cls.of(
            indicators=standard.indicator_ids,
            columns=standard.dep_columns,
            weights=weights,
            k=Fraction(standard.min_deprivations, d) if k is None else k,
        )

    @property
    def total(self) -> int:
        """Sum of the integer weights (the score of someone deprived in everything)."""
        return sum(self.weights)

    def weight(self, indicator: str) -> Fraction:
        """Normalised weight ``w_j`` (weights sum to 1)."""
        return Fraction(self.weights[self.indicators.index(indicator)], self.total)


def _integer_weights(weights: Sequence[Number] | None, d: int) -> tuple[int, ...]:
    if weights is None:
        return (1,) * d
    if len(weights) != d:
        raise ValueError(f"{len(weights)} weights for {d} indicators")
    exact = [Fraction(w) for w in weights]
    if any(w < 0 for w in exact) or sum(exact) <= 0:
        raise ValueError("weights must be non-negative with a positive sum")
    scale = math.lcm(*(w.denominator for w in exact))
    ints = [int(w * scale) for w in exact]
    common = math.gcd(*ints)
    return tuple(w // common for w in ints)


def deprivation_score(spec: MpiSpec) -> pl.Expr:
    """Weighted deprivation count ``Σ_j W_j g_ij`` in integer weight units."""
    terms = [pl.col(c).cast(pl.Int64) * w for c, w in zip(spec.columns, spec.weights, strict=True)]
    total = terms[0]
    for term in terms[1:]:
        total = total + term
    return total


def poor_flag(spec: MpiSpec, score: pl.Expr) -> pl.Expr:
    """``c_i ≥ k`` exactly: ``score · k.den ≥ k.num · total``."""
    return score * spec.k.denominator >= spec.k.numerator * spec.total


def mpi_partial_sums(lf: pl.LazyFrame, spec: MpiSpec, by: Sequence[str] = ()) -> pl.LazyFrame:
    """Integer sums per group: ``n``, ``q``, ``score_poor`` and per-indicator counts.

    ``cens_<id>`` counts poor people deprived in the indicator, ``raw_<id>`` everyone
    deprived in it. Sums from partitions of the data add up to the sums of the whole.
    """
    score = deprivation_score(spec)
    poor = poor_flag(spec, score)
    aggs = [
        pl.len().cast(pl.Int64).alias("n"),
        poor.cast(pl.Int64).sum().alias("q"),
        pl.when(poor).then(score).otherwise(0).sum().alias("score_poor"),
    ]
    for iid, col in zip(spec.indicators, spec.columns, strict=True):
        flag = pl.col(col).cast(pl.Int64)
        aggs.append((flag * poor.cast(pl.Int64)).sum().alias(f"cens_{iid}"))
        aggs.append(flag.sum().alias(f"raw_{iid}"))
    if not by:
        return lf.select(aggs)
    return lf.group_by([pl.col(b).cast(pl.String) for b in by]).agg(aggs)


def mpi_merge(partials: pl.LazyFrame, by: Sequence[str] = ()) -> pl.LazyFrame:
    """Add partial sums of several partitions (same columns) group by group."""
    if not by:
        return partials.select(pl.all().sum())
    return partials.group_by(list(by)).agg(pl.all().sum())


def mpi_finish(sums: pl.LazyFrame, spec: MpiSpec) -> pl.LazyFrame:
    """Turn integer sums into ``n, q, H, A, M0, h_<id>, uncensored_<id>, contrib_<id>``."""
    n, q, sp = pl.col("n"), pl.col("q"), pl.col("score_poor")
    exprs = [
        (q / n).alias("H"),
        pl.when(q > 0).then(sp / (q * spec.total)).otherwise(None).alias("A"),
        (sp / (n * spec.total)).alias("M0"),
    ]
    for iid, w in zip(spec.indicators, spec.weights, strict=True):
        exprs.append((pl.col(f"cens_{iid}") / n).alias(f"h_{iid}"))
        exprs.append((pl.col(f"raw_{iid}") / n).alias(f"uncensored_{iid}"))
        contrib = pl.col(f"cens_{iid}") * w / sp
        exprs.append(pl.when(sp > 0).then(contrib).otherwise(None).alias(f"contrib_{iid}"))
    return sums.with_columns(exprs)


def mpi_table(
    lf: pl.LazyFrame, spec: MpiSpec, *, by: str | None = None, all_label: str = ALL
) -> pl.DataFrame:
    """One row per group of ``by`` (sorted) and one for everyone (group ``all``).

    Columns: the group column (``by``, or ``group``), ``n``, ``q``, ``H``, ``A``, ``M0``,
    ``h_<id>`` (censored headcount), ``uncensored_<id>``, ``contrib_<id>`` (share of M0),
    ``pop_share`` and ``contrib_group`` (the group's share of the overall M0).
    """
    sums = mpi_partial_sums(lf, spec, [by] if by else []).collect()
    return mpi_table_of_sums(sums, spec, by=by, all_label=all_label)


def mpi_table_of_sums(
    sums: pl.DataFrame, spec: MpiSpec, *, by: str | None = None, all_label: str = ALL
) -> pl.DataFrame:
    """The table of :func:`mpi_table` from integer sums per group (one row per group of
    ``by``), e.g. sums merged across partitions by a driver."""
    group = by or "group"
    everyone = sums.drop(by).sum() if by else sums
    parts = [sums.rename({by: group}).sort(group, nulls_last=True)] if by else []
    parts.append(everyone.select(pl.lit(all_label, pl.String).alias(group), pl.all()))
    sums = pl.concat(parts, how="vertical")
    total_n, total_sp = everyone["n"][0], everyone["score_poor"][0]
    out = mpi_finish(sums.lazy(), spec).with_columns(
        (pl.col("n") / total_n).alias("pop_share"),
        (pl.col("score_poor") / total_sp if total_sp else pl.lit(None, pl.Float64)).alias(
            "contrib_group"
        ),
    )
    return out.select(_ordered_columns(group, spec)).collect()


def _ordered_columns(group: str, spec: MpiSpec) -> list[str]:
    cols = [group, "n", "q", "H", "A", "M0"]
    cols += [f"h_{i}" for i in spec.indicators]
    cols += [f"uncensored_{i}" for i in spec.indicators]
    cols += [f"contrib_{i}" for i in spec.indicators]
    return [*cols, "pop_share", "contrib_group"]
