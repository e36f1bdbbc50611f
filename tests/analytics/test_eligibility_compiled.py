"""The compiled Polars rule agrees with the one-household oracle on random rules and
households (hypothesis), and the text of a random rule parses back to the same rule."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from giamngheo.analytics.eligibility import eligible_lazy, facts_frames
from giamngheo.domain.eligibility import (
    ATTRIBUTES,
    AllOf,
    AnyOf,
    Classified,
    Compare,
    Flag,
    HouseholdFacts,
    Node,
    Not,
    Ref,
    Rule,
    rule_evaluate,
    rule_parse,
    rule_text,
)
from giamngheo.domain.model import STATUSES
from giamngheo.domain.standards import standard_get

STANDARDS = ("vn-2022-2025", "quangninh-2023-2025")
INDICATORS = standard_get("vn-2022-2025").indicator_ids
AS_OF = dt.date(2026, 3, 1)
ETHNICITIES = ("01", "02", "08", "54")


def _ref(name: str) -> st.SearchStrategy[Ref]:
    arguments = ATTRIBUTES[name].arguments
    standard = st.sampled_from((None, *STANDARDS))
    if arguments == "standard":
        return st.builds(Ref, name=st.just(name), standard=standard)
    if arguments == "indicator":
        return st.builds(
            Ref, name=st.just(name), arg=st.sampled_from(INDICATORS), standard=standard
        )
    if arguments == "age":
        return st.builds(Ref, name=st.just(name), arg=st.integers(1, 90))
    return st.just(Ref(name=name))


def _values(name: str) -> st.SearchStrategy[int | str]:
    attribute = ATTRIBUTES[name]
    if attribute.values:
        return st.sampled_from(attribute.values)
    if name == "ethnicity":
        return st.sampled_from(ETHNICITIES)
    return st.integers(0, 40)


@st.composite
def leaves(draw: st.DrawFn) -> Node:
    name = draw(st.sampled_from(sorted(ATTRIBUTES)))
    ref = draw(_ref(name))
    kind = ATTRIBUTES[name].kind
    if kind == "bool":
        return Flag(ref=ref)
    ops = ["==", "!=", "in", "not in"] + (["<", "<=", ">", ">="] if kind == "int" else [])
    op = draw(st.sampled_from(ops))
    if op in ("in", "not in"):
        return Compare(
            ref=ref, op=op, value=tuple(draw(st.lists(_values(name), min_size=1, max_size=3)))
        )
    return Compare(ref=ref, op=op, value=draw(_values(name)))


nodes = st.recursive(
    leaves(),
    lambda inner: st.one_of(
        st.builds(Not, operand=inner),
        st.builds(AllOf, operands=st.lists(inner, min_size=2, max_size=3).map(tuple)),
        st.builds(AnyOf, operands=st.lists(inner, min_size=2, max_size=3).map(tuple)),
    ),
    max_leaves=8,
)

classified = st.builds(
    Classified,
    status=st.sampled_from(STATUSES),
    deprivations=st.integers(0, 12),
    deprived=st.frozensets(st.sampled_from(INDICATORS), max_size=4),
)
dates = st.dates(dt.date(1930, 1, 1), dt.date(2026, 2, 28))
households = st.builds(
    HouseholdFacts,
    as_of=st.just(AS_OF),
    area=st.sampled_from(("rural", "urban")),
    head_ethnicity=st.sampled_from((None, *ETHNICITIES)),
    classifications=st.dictionaries(st.sampled_from(STANDARDS), classified),
    ethnic_minority_mountainous=st.booleans(),
    border=st.booleans(),
    island=st.booleans(),
    extremely_difficult=st.booleans(),
    poor_commune=st.booleans(),
    remote_village=st.booleans(),
    escaped_on=st.one_of(st.none(), st.dates(dt.date(2018, 1, 1), dt.date(2026, 2, 28))),
    member_births=st.lists(dates, max_size=5).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(node=nodes, facts=st.lists(households, min_size=1, max_size=20))
def test_compiled_rule_agrees_with_the_oracle(node: Node, facts: list[HouseholdFacts]) -> None:
    rule = Rule(text=rule_text(node), standard=STANDARDS[0], node=node)
    frame, members = facts_frames(facts, STANDARDS)
    compiled = (
        eligible_lazy(frame.lazy(), members.lazy(), rule, as_of=AS_OF)
        .sort("household_id")
        .collect()
        .get_column("eligible")
    )
    assert compiled.null_count() == 0
    assert compiled.to_list() == [rule_evaluate(rule, f) for f in facts]


@settings(max_examples=300, deadline=None)
@given(node=nodes)
def test_rule_text_parses_back_to_the_same_rule(node: Node) -> None:
    text = rule_text(node)
    again = rule_parse(text, standard=STANDARDS[0]).node
    assert rule_text(again) == text


def test_leap_day_birthdays_and_month_ends() -> None:
    rule = rule_parse("members_under(16) == 1 and months_since_escape == 36", standard=STANDARDS[0])
    day = dt.date(2024, 2, 28)
    facts = [
        HouseholdFacts(as_of=day, area="rural", member_births=(dt.date(2008, 2, 29),),
                       escaped_on=dt.date(2021, 2, 28)),
        HouseholdFacts(as_of=day, area="rural", member_births=(dt.date(2008, 2, 28),),
                       escaped_on=dt.date(2021, 2, 28)),
        HouseholdFacts(as_of=day, area="rural", member_births=(dt.date(2008, 2, 29),),
                       escaped_on=dt.date(2021, 3, 1)),
    ]  # fmt: skip
    frame, members = facts_frames(facts, STANDARDS)
    got = eligible_lazy(frame.lazy(), members.lazy(), rule, as_of=day).collect()
    assert got.get_column("eligible").to_list() == [rule_evaluate(rule, f) for f in facts]
    assert got.get_column("eligible").to_list() == [True, False, False]
    assert isinstance(got, pl.DataFrame)
