"""Status changes between reviews (domain notes §3.9)."""

import pytest

from giamngheo.domain.transitions import transition, transition_label, transitions


@pytest.mark.parametrize(
    ("previous", "current", "ever_poor", "expected"),
    [
        ("poor", "poor", True, "unchanged"),
        ("poor", "near_poor", True, "poor_to_near_poor"),
        ("poor", "not_poor", True, "escaped"),
        ("poor", "average", True, "escaped"),
        ("near_poor", "not_poor", False, "escaped_near_poor"),
        ("near_poor", "poor", False, "newly_poor"),
        ("near_poor", "poor", True, "fell_back"),
        ("not_poor", "poor", False, "newly_poor"),
        ("not_poor", "poor", True, "fell_back"),
        ("average", "near_poor", False, "newly_near_poor"),
        (None, "poor", False, "newly_poor"),
        (None, "near_poor", False, "newly_near_poor"),
        ("average", "not_poor", False, "unchanged"),
    ],
)
def test_transition(previous: str | None, current: str, ever_poor: bool, expected: str) -> None:
    assert transition(previous=previous, current=current, ever_poor=ever_poor) == expected  # type: ignore[arg-type]


def test_a_series_remembers_earlier_poverty() -> None:
    series = ["poor", "not_poor", "near_poor", "poor", "poor"]
    assert transitions(series) == [None, "escaped", "newly_near_poor", "fell_back", "unchanged"]  # type: ignore[arg-type]
    assert transition_label("fell_back") == "Tái nghèo"
    assert transition_label("fell_back", "en") == "Fell back into poverty"
