"""How a household's status changed from one review to the next (domain notes §3.9).

>>> transition(previous="poor", current="near_poor", ever_poor=True)
'poor_to_near_poor'
>>> transition(previous="not_poor", current="poor", ever_poor=True)
'fell_back'
>>> transition(previous="near_poor", current="poor", ever_poor=False)
'newly_poor'
>>> transition(previous=None, current="poor", ever_poor=False)
'newly_poor'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from giamngheo.domain.model import Lang, Status

Transition = Literal[
    "unchanged",
    "escaped",
    "escaped_near_poor",
    "poor_to_near_poor",
    "newly_poor",
    "newly_near_poor",
    "fell_back",
]
_LISTED: frozenset[Status] = frozenset({"poor", "near_poor"})

TRANSITION_LABELS: dict[Transition, tuple[str, str]] = {
    "unchanged": ("Không đổi", "Unchanged"),
    "escaped": ("Thoát nghèo", "Escaped poverty"),
    "escaped_near_poor": ("Thoát cận nghèo", "Escaped near-poverty"),
    "poor_to_near_poor": ("Từ nghèo sang cận nghèo", "Poor to near-poor"),
    "newly_poor": ("Nghèo phát sinh", "Newly poor"),
    "newly_near_poor": ("Cận nghèo phát sinh", "Newly near-poor"),
    "fell_back": ("Tái nghèo", "Fell back into poverty"),
}


def transition(*, previous: Status | None, current: Status, ever_poor: bool) -> Transition:
    """The change from ``previous`` (``None``: not reviewed before) to ``current``;
    ``ever_poor`` says whether the household was poor in any review before ``previous``'s
    or in ``previous`` itself."""
    if previous == current or (previous not in _LISTED and current not in _LISTED):
        return "unchanged"
    if current == "poor":
        return "fell_back" if ever_poor else "newly_poor"
    if current == "near_poor":
        return "poor_to_near_poor" if previous == "poor" else "newly_near_poor"
    return "escaped" if previous == "poor" else "escaped_near_poor"


def transitions(statuses: Iterable[Status]) -> list[Transition | None]:
    """The transition into each status of a household's yearly series (first: ``None``)."""
    result: list[Transition | None] = []
    previous: Status | None = None
    ever_poor = False
    for index, status in enumerate(statuses):
        result.append(
            None
            if index == 0
            else transition(previous=previous, current=status, ever_poor=ever_poor)
        )
        ever_poor = ever_poor or status == "poor"
        previous = status
    return result


def transition_label(value: Transition, lang: Lang = "vi") -> str:
    return TRANSITION_LABELS[value][0 if lang == "vi" else 1]
