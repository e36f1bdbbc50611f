"""Alkire–Foster on Polars: the 2011 example exactly, decomposition, partitions, the oracle."""

from __future__ import annotations

from fractions import Fraction

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from giamngheo.analytics.driver import LocalDriver, PartitionedDriver
from giamngheo.analytics.mpi import MpiSpec, mpi_table
from giamngheo.domain.af import af_measures
from giamngheo.domain.standards import standard_get

F = Fraction

G0 = [[0, 0, 0, 0], [0, 1, 0, 1], [1, 1, 1, 1], [0, 1, 0, 0]]
DIMS = ["d1", "d2", "d3", "d4"]
EXAMPLE = pl.DataFrame(
    {"person": ["p1", "p2", "p3", "p4"], "grp": ["A", "A", "B", "B"]}
).with_columns(pl.Series(d, [row[j] for row in G0]) for j, d in enumerate(DIMS))


def _row(table: pl.DataFrame, group: str, column: str = "grp") -> dict[str, object]:
    return table.filter(pl.col(column) == group).row(0, named=True)


@pytest.mark.parametrize(
    ("k", "q", "h", "a", "m0"),
    [
        (F(1, 4), 3, F(3, 4), F(7, 12), F(7, 16)),
        (F(2, 4), 2, F(1, 2), F(3, 4), F(3, 8)),
        (F(3, 4), 1, F(1, 4), F(1), F(1, 4)),
        (F(4, 4), 1, F(1, 4), F(1), F(1, 4)),
    ],
)
def test_worked_example_exact(k: F, q: int, h: F, a: F, m0: F) -> None:
    table = mpi_table(EXAMPLE.lazy(), MpiSpec.of(indicators=DIMS, k=k))
    everyone = _row(table, "all", "group")
    assert (everyone["n"], everyone["q"]) == (4, q)
    assert (everyone["H"], everyone["A"], everyone["M0"]) == (float(h), float(a), float(m0))


def test_headcounts_and_contributions_at_half() -> None:
    everyone = _row(
        mpi_table(EXAMPLE.lazy(), MpiSpec.of(indicators=DIMS, k=F(1, 2))), "all", "group"
    )
    assert [everyone[f"h_{d}"] for d in DIMS] == [0.25, 0.5, 0.25, 0.5]
    assert [everyone[f"uncensored_{d}"] for d in DIMS] == [0.25, 0.75, 0.25, 0.5]
    assert [everyone[f"contrib_{d}"] for d in DIMS] == [1 / 6, 1 / 3, 1 / 6, 1 / 3]


def test_group_decomposition() -> None:
    table = mpi_table(EXAMPLE.lazy(), MpiSpec.of(indicators=DIMS, k=F(1, 2)), by="grp")
    assert table["grp"].to_list() == ["A", "B", "all"]
    a, b = _row(table, "A"), _row(table, "B")
    assert (a["H"], a["A"], a["M0"]) == (0.5, 0.5, 0.25)
    assert (b["H"], b["A"], b["M0"]) == (0.5, 1.0, 0.5)
    assert (a["contrib_group"], b["contrib_group"]) == (1 / 3, 2 / 3)
    assert _row(table, "all")["M0"] == 0.375


def test_weights_and_k_are_normalised_exactly() -> None:
    spec = MpiSpec.of(indicators=DIMS, weights=[0.5, 0.5, 1, 2], k="0.25")  # type: ignore[arg-type]
    assert spec.weights == (1, 1, 2, 4)
    assert spec.k == F(1, 4)
    assert spec.weight("d4") == F(1, 2)


def test_standard_defaults() -> None:
    spec = MpiSpec.for_standard(standard_get("vn-2022-2025"))
    assert spec.k == F(3, 12)
    assert spec.weights == (1,) * 12
    assert spec.columns[0] == "dep_employment"


@pytest.mark.parametrize(
    "bad", [{"k": 0}, {"k": F(5, 4)}, {"weights": [1, 1]}, {"weights": [0] * 4}]
)
def test_bad_spec(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"."):
        MpiSpec.of(indicators=DIMS, **bad)  # type: ignore[arg-type]


def test_partitions_merge_to_the_whole() -> None:
    spec = MpiSpec.of(indicators=DIMS, k=F(1, 2))
    whole = LocalDriver(EXAMPLE.lazy()).mpi(spec, ["grp"]).sort("grp")
    parts = PartitionedDriver(
        [EXAMPLE.head(1).lazy(), EXAMPLE.slice(1, 2).lazy(), EXAMPLE.tail(1).lazy()]
    )
    assert parts.mpi(spec, ["grp"]).sort("grp").equals(whole)


matrices = st.integers(1, 5).flatmap(
    lambda d: st.tuples(
        st.lists(st.lists(st.integers(0, 1), min_size=d, max_size=d), min_size=1, max_size=40),
        st.lists(st.integers(1, 4), min_size=d, max_size=d),
        st.integers(1, 12).map(lambda x: F(x, 12)),
    )
)


@settings(max_examples=100, deadline=None)
@given(case=matrices)
def test_engine_equals_af_oracle(case: tuple[list[list[int]], list[int], F]) -> None:
    g0, weights, k = case
    names = [f"x{j}" for j in range(len(weights))]
    df = pl.DataFrame(
        [pl.Series(n, [r[j] for r in g0], dtype=pl.Int64) for j, n in enumerate(names)]
    )
    got = _row(
        mpi_table(df.lazy(), MpiSpec.of(indicators=names, weights=weights, k=k)), "all", "group"
    )
    want = af_measures(g0, weights, k)
    assert (got["n"], got["q"], got["H"], got["M0"]) == (
        want.n,
        want.q,
        float(want.H),
        float(want.M0),
    )
    assert got["A"] == (float(want.A) if want.q else None)
    assert [got[f"h_{n}"] for n in names] == [float(x) for x in want.censored]
    assert [got[f"uncensored_{n}"] for n in names] == [float(x) for x in want.uncensored]
    if want.M0:
        assert [got[f"contrib_{n}"] for n in names] == [float(x) for x in want.contributions]
