"""The pure ledger rules: balanced postings, floors, and the hash chain."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giamngheo.domain.ledger import (
    GENESIS,
    ChainEntry,
    LedgerRefusedError,
    Posting,
    amount_check,
    chain_first_break,
    entry_digest,
    floors_check,
    postings_check,
)


def P(account: str, amount: int) -> Posting:  # noqa: N802 - reads like the notation
    return Posting(account=account, amount_vnd=amount)


@pytest.mark.parametrize(
    ("postings", "code"),
    [
        ([P("a", 5)], "too_few_postings"),
        ([P("a", 5), P("b", -4)], "unbalanced"),
        ([P("a", 0), P("b", 0)], "amount_not_positive"),
        ([P("a", True), P("b", -1)], "amount_not_positive"),
        ([P("a", 1.0), P("b", -1)], "amount_not_positive"),  # type: ignore[arg-type]
    ],
)
def test_refused_postings(postings: list[Posting], code: str) -> None:
    with pytest.raises(LedgerRefusedError) as caught:
        postings_check(postings)
    assert caught.value.code == code


@pytest.mark.parametrize("amount", [0, -1, 2.5, True, "5"])
def test_amount_must_be_a_positive_integer(amount: object) -> None:
    with pytest.raises(LedgerRefusedError, match="số nguyên dương"):
        amount_check(amount)


def test_floors() -> None:
    balances = {"held": 10, "income": -10}
    after = floors_check(
        balances, [P("alloc", 10), P("held", -10)], floored=lambda a: a != "income"
    )
    assert after == {"alloc": 10, "held": 0}
    with pytest.raises(LedgerRefusedError, match="còn 10"):
        floors_check(balances, [P("alloc", 11), P("held", -11)], floored=lambda a: a != "income")


@given(st.lists(st.integers(min_value=-(10**15), max_value=10**15).filter(bool), min_size=1))
def test_any_list_closed_by_its_opposite_balances(amounts: list[int]) -> None:
    postings = [P(f"a{i}", a) for i, a in enumerate(amounts)]
    rest = -sum(amounts)
    if rest:
        postings.append(P("close", rest))
    if len(postings) >= 2:
        postings_check(postings)


def _chain(contents: list[dict[str, object]]) -> list[ChainEntry]:
    previous, entries = GENESIS, []
    for seq, content in enumerate(contents, start=1):
        digest = entry_digest(previous=previous, content=content)
        entries.append(ChainEntry(seq=seq, previous_hash=previous, hash=digest, content=content))
        previous = digest
    return entries


contents = st.lists(
    st.fixed_dictionaries({"amount_vnd": st.integers(), "memo": st.text(max_size=5)}),
    min_size=1,
    max_size=12,
)


@given(contents, st.data())
def test_chain_names_the_first_tampered_entry(
    items: list[dict[str, object]], data: st.DataObject
) -> None:
    entries = _chain(items)
    assert chain_first_break(entries) is None
    at = data.draw(st.integers(min_value=0, max_value=len(entries) - 1))
    edited = list(entries)
    changed = dict(entries[at].content) | {"amount_vnd": int(entries[at].content["amount_vnd"]) + 1}  # type: ignore[call-overload]
    edited[at] = ChainEntry(
        seq=at + 1, previous_hash=entries[at].previous_hash, hash=entries[at].hash, content=changed
    )
    broken = chain_first_break(edited)
    assert broken is not None
    assert (broken.seq, broken.reason) == (at + 1, "hash")
    if len(entries) > 1 and at < len(entries) - 1:
        dropped = entries[:at] + entries[at + 1 :]
        gap = chain_first_break(dropped)
        assert gap is not None
        assert gap.seq == at + 2


def test_hash_covers_key_order_independently() -> None:
    assert entry_digest(previous=GENESIS, content={"a": 1, "b": "đ"}) == entry_digest(
        previous=GENESIS, content={"b": "đ", "a": 1}
    )
