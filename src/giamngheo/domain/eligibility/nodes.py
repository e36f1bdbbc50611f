"""The parsed form of an eligibility rule: a small tree of frozen values.

``pos`` is the 0-based offset in the rule text where the node starts (errors report it
1-based, as a column).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Op = Literal["==", "!=", "<", "<=", ">", ">=", "in", "not in"]
Literal_ = int | str
OPS: tuple[Op, ...] = ("==", "!=", "<", "<=", ">", ">=", "in", "not in")


@dataclass(frozen=True, slots=True, kw_only=True)
class Ref:
    """An attribute as named in the rule: ``deprived("water")``, ``members_under(16)``."""

    name: str
    arg: Literal_ | None = None  # indicator id or age
    standard: str | None = None  # ``None``: the rule's default standard
    pos: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Compare:
    ref: Ref
    op: Op
    value: Literal_ | tuple[Literal_, ...]  # a tuple for ``in`` / ``not in``
    pos: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Flag:
    """A yes/no attribute used as a condition: ``border``, ``deprived("water")``."""

    ref: Ref
    pos: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Not:
    operand: Node
    pos: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class AllOf:
    """Every operand holds (``and``)."""

    operands: tuple[Node, ...]
    pos: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class AnyOf:
    """At least one operand holds (``or``)."""

    operands: tuple[Node, ...]
    pos: int = 0


type Node = Compare | Flag | Not | AllOf | AnyOf


def refs(node: Node) -> Iterator[Ref]:
    """Every attribute reference in the tree, in reading order."""
    match node:
        case Compare(ref=ref) | Flag(ref=ref):
            yield ref
        case Not(operand=operand):
            yield from refs(operand)
        case AllOf(operands=operands) | AnyOf(operands=operands):
            for operand in operands:
                yield from refs(operand)
