"""Amounts in Vietnamese words, as a payment voucher writes them."""

from __future__ import annotations

import doctest

import pytest

from giamngheo.apps.funds import words
from giamngheo.apps.funds.words import amount_in_words


def test_the_examples_in_the_docstring_hold() -> None:
    result = doctest.testmod(words)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (5, "Năm đồng"),
        (10, "Mười đồng"),
        (14, "Mười bốn đồng"),
        (15, "Mười lăm đồng"),
        (41, "Bốn mươi mốt đồng"),
        (55, "Năm mươi lăm đồng"),
        (110, "Một trăm mười đồng"),
        (1_001, "Một nghìn không trăm linh một đồng"),
        (500_000, "Năm trăm nghìn đồng"),
        (2_100_000, "Hai triệu một trăm nghìn đồng"),
        (1_000_000_001, "Một tỷ không trăm linh một đồng"),
        (
            123_456_789_000,
            "Một trăm hai mươi ba tỷ bốn trăm năm mươi sáu triệu bảy trăm tám mươi chín nghìn đồng",
        ),
    ],
)
def test_readings(amount: int, text: str) -> None:
    assert amount_in_words(amount) == text


def test_a_negative_amount_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        amount_in_words(-1)
