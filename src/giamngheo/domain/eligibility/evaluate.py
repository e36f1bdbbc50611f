"""The meaning of a rule for one household (the oracle the Polars compiler must match), and
a readable account of why it holds or not.

A comparison with a value that is not known (no classification under the standard, no escape
date, no head) is false; ``not`` turns it true. Yes/no attributes are never unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

from giamngheo.domain.eligibility.attributes import ATTRIBUTES, VALUE_LABELS
from giamngheo.domain.eligibility.facts import HouseholdFacts, Value, value_of
from giamngheo.domain.eligibility.nodes import (
    AllOf,
    AnyOf,
    Compare,
    Flag,
    Literal_,
    Node,
    Not,
    Op,
    Ref,
)
from giamngheo.domain.eligibility.rule import Rule
from giamngheo.domain.model import Lang


def rule_evaluate(rule: Rule, facts: HouseholdFacts) -> bool:
    """Whether the household meets the rule."""
    return _holds(rule.node, facts, rule.standard)


def _holds(node: Node, facts: HouseholdFacts, standard: str) -> bool:
    match node:
        case Compare(ref=ref, op=op, value=expected):
            return compare(value_of(ref, facts, standard), op, expected)
        case Flag(ref=ref):
            return value_of(ref, facts, standard) is True
        case Not(operand=operand):
            return not _holds(operand, facts, standard)
        case AllOf(operands=operands):
            return all(_holds(o, facts, standard) for o in operands)
        case AnyOf(operands=operands):
            return any(_holds(o, facts, standard) for o in operands)


def compare(actual: Value, op: Op, expected: Literal_ | tuple[Literal_, ...]) -> bool:
    if actual is None or isinstance(actual, bool):
        return False
    if isinstance(expected, tuple):
        return (actual in expected) == (op == "in")
    match op:
        case "==":
            return actual == expected
        case "!=":
            return actual != expected
    assert isinstance(actual, int)
    assert isinstance(expected, int)
    match op:
        case "<":
            return actual < expected
        case "<=":
            return actual <= expected
        case ">":
            return actual > expected
    return actual >= expected


@dataclass(frozen=True, slots=True, kw_only=True)
class Reason:
    """One line of an explanation: a condition, whether it held, at a nesting depth."""

    depth: int
    holds: bool
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Explanation:
    eligible: bool
    headline: str
    reasons: tuple[Reason, ...]

    @property
    def text(self) -> str:
        lines = [self.headline]
        lines += [f"{'  ' * r.depth}{'✓' if r.holds else '✗'} {r.text}" for r in self.reasons]
        return "\n".join(lines)


_WORDS: dict[str, tuple[str, str]] = {
    "yes": ("Đủ điều kiện", "Eligible"),
    "no": ("Không đủ điều kiện", "Not eligible"),
    "all": ("tất cả các điều kiện sau", "all of the following"),
    "any": ("ít nhất một điều kiện sau", "at least one of the following"),
    "not": ("không phải điều kiện sau", "not the following"),
    "unknown": ("không có dữ liệu", "no data"),
    "true": ("có", "yes"),
    "false": ("không", "no"),
    "under": ("theo chuẩn", "under"),
}
_OP_WORDS: dict[Op, tuple[str, str]] = {
    "==": ("là", "is"), "!=": ("khác", "is not"), "<": ("<", "<"), "<=": ("≤", "≤"),
    ">": (">", ">"), ">=": ("≥", "≥"), "in": ("thuộc", "is one of"),
    "not in": ("không thuộc", "is none of"),
}  # fmt: skip


def rule_explain(rule: Rule, facts: HouseholdFacts, lang: Lang = "vi") -> Explanation:
    """Evaluate ``rule`` for the household and say, condition by condition, why."""
    reasons: list[Reason] = []
    eligible = _explain(rule.node, facts, rule.standard, lang, 0, reasons)
    return Explanation(
        eligible=eligible, headline=_w("yes" if eligible else "no", lang), reasons=tuple(reasons)
    )


def _explain(
    node: Node, facts: HouseholdFacts, standard: str, lang: Lang, depth: int, out: list[Reason]
) -> bool:
    if isinstance(node, Compare | Flag):
        holds = _holds(node, facts, standard)
        out.append(Reason(depth=depth, holds=holds, text=_leaf(node, facts, standard, lang)))
        return holds
    at = len(out)
    if isinstance(node, Not):
        inner = _explain(node.operand, facts, standard, lang, depth + 1, out)
        out.insert(at, Reason(depth=depth, holds=not inner, text=_w("not", lang)))
        return not inner
    parts = [_explain(o, facts, standard, lang, depth + 1, out) for o in node.operands]
    holds = all(parts) if isinstance(node, AllOf) else any(parts)
    word = _w("all" if isinstance(node, AllOf) else "any", lang)
    out.insert(at, Reason(depth=depth, holds=holds, text=word))
    return holds


def _leaf(node: Compare | Flag, facts: HouseholdFacts, standard: str, lang: Lang) -> str:
    actual = value_of(node.ref, facts, standard)
    label = ref_label(node.ref, standard, lang)
    if isinstance(node, Flag):
        return f"{label}: {_shown(actual, lang)}"
    word = _OP_WORDS[node.op][0 if lang == "vi" else 1]
    return f"{label}: {_shown(actual, lang)} — {word} {_expected(node.value, lang)}"


def ref_label(ref: Ref, standard: str, lang: Lang) -> str:
    """``thiếu hụt chỉ số water theo chuẩn vn-2022-2025``."""
    text = ATTRIBUTES[ref.name].label.get(lang).format(arg=ref.arg)
    if ref.name in ("status", "deprivations", "deprived"):
        text += f" {_w('under', lang)} {ref.standard or standard}"
    return text


def _shown(value: Value, lang: Lang) -> str:
    if value is None:
        return _w("unknown", lang)
    if isinstance(value, bool):
        return _w("true" if value else "false", lang)
    return _literal_label(value, lang)


def _expected(value: Literal_ | tuple[Literal_, ...], lang: Lang) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(_literal_label(v, lang) for v in value) + ")"
    return _literal_label(value, lang)


def _literal_label(value: Literal_, lang: Lang) -> str:
    if isinstance(value, str) and value in VALUE_LABELS:
        return VALUE_LABELS[value].get(lang)
    return str(value)


def _w(key: str, lang: Lang) -> str:
    return _WORDS[key][0 if lang == "vi" else 1]
