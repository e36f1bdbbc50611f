"""A parsed eligibility rule, and reading one from text."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from giamngheo.domain.eligibility.errors import RuleSyntaxError
from giamngheo.domain.eligibility.nodes import AllOf, AnyOf, Compare, Flag, Literal_, Node, Not, Ref
from giamngheo.domain.eligibility.nodes import refs as node_refs
from giamngheo.domain.eligibility.parser import Parser
from giamngheo.domain.standards import standards_all


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A rule's text, its tree and the standard that ``status``, ``deprivations`` and
    ``deprived`` (and the escape date) refer to when they name none."""

    text: str
    standard: str
    node: Node

    def refs(self) -> Iterator[Ref]:
        return node_refs(self.node)

    def standards(self) -> set[str]:
        """Every standard whose results the rule reads."""
        return {
            r.standard or self.standard
            for r in self.refs()
            if r.name in ("status", "deprivations", "deprived", "months_since_escape")
        }


def rule_parse(
    text: str,
    *,
    standard: str,
    standards: Collection[str] | None = None,
    indicators: Collection[str] | None = None,
) -> Rule:
    """Read ``text`` as a rule whose default standard is ``standard``.

    ``standards`` and ``indicators`` are the ids the rule may name (default: every shipped
    standard and its indicators). :class:`RuleSyntaxError` names the position of the first
    problem.

    >>> rule = rule_parse('status in ("poor", "near_poor") and members_under(16) > 0',
    ...                   standard="vn-2022-2025")
    >>> rule_text(rule.node)
    'status in ("poor", "near_poor") and members_under(16) > 0'
    """
    known = standards_all()
    if standards is None:
        standards = {s.id for s in known}
    if indicators is None:
        indicators = {i for s in known for i in s.indicator_ids}
    if standard not in standards:
        raise RuleSyntaxError(0, "unknown_standard", standard)
    node = Parser(text, standards=standards, indicators=indicators).parse()
    return Rule(text=text, standard=standard, node=node)


def rule_text(node: Node) -> str:
    """The canonical text of a rule tree (parsing it gives the same tree)."""
    match node:
        case Compare(ref=ref, op=op, value=value):
            return f"{ref_text(ref)} {op} {_value_text(value)}"
        case Flag(ref=ref):
            return ref_text(ref)
        case Not(operand=operand):
            return f"not {_wrapped(operand, tight=True)}"
        case AllOf(operands=operands):
            return " and ".join(_wrapped(o, tight=True) for o in operands)
        case AnyOf(operands=operands):
            return " or ".join(_wrapped(o, tight=False) for o in operands)


def _wrapped(node: Node, *, tight: bool) -> str:
    nested = isinstance(node, AnyOf) or (tight and isinstance(node, AllOf))
    return f"({rule_text(node)})" if nested else rule_text(node)


def ref_text(ref: Ref) -> str:
    args = [a for a in (ref.arg, ref.standard) if a is not None]
    return f"{ref.name}({', '.join(map(_literal_text, args))})" if args else ref.name


def _value_text(value: Literal_ | tuple[Literal_, ...]) -> str:
    if isinstance(value, tuple):
        return f"({', '.join(map(_literal_text, value))})"
    return _literal_text(value)


def _literal_text(value: Literal_) -> str:
    if isinstance(value, int):
        return str(value)
    return f"'{value}'" if '"' in value else f'"{value}"'
