"""Eligibility rules: a small, safe expression language over household attributes.

Rules are data (stored text, versioned by the programmes app). This package reads them
(tokenizer and recursive-descent parser; nothing is ever passed to ``eval``), evaluates one
household (the oracle) and explains the result in Vietnamese or English.
:mod:`giamngheo.analytics.eligibility` compiles the same rules to Polars expressions.

>>> import datetime as dt
>>> rule = rule_parse('status == "poor" and minority', standard="vn-2022-2025")
>>> facts = HouseholdFacts(as_of=dt.date(2026, 1, 1), area="rural", head_ethnicity="08",
...     classifications={"vn-2022-2025": Classified(status="poor", deprivations=3)})
>>> rule_evaluate(rule, facts)
True
"""

from giamngheo.domain.eligibility.attributes import ATTRIBUTES, Attribute
from giamngheo.domain.eligibility.errors import RuleSyntaxError
from giamngheo.domain.eligibility.evaluate import (
    Explanation,
    Reason,
    ref_label,
    rule_evaluate,
    rule_explain,
)
from giamngheo.domain.eligibility.facts import (
    Classified,
    HouseholdFacts,
    age_on,
    months_between,
    value_of,
)
from giamngheo.domain.eligibility.nodes import OPS, AllOf, AnyOf, Compare, Flag, Node, Not, Op, Ref
from giamngheo.domain.eligibility.rule import Rule, ref_text, rule_parse, rule_text

__all__ = [
    "ATTRIBUTES",
    "OPS",
    "AllOf",
    "AnyOf",
    "Attribute",
    "Classified",
    "Compare",
    "Explanation",
    "Flag",
    "HouseholdFacts",
    "Node",
    "Not",
    "Op",
    "Reason",
    "Ref",
    "Rule",
    "RuleSyntaxError",
    "age_on",
    "months_between",
    "ref_label",
    "ref_text",
    "rule_evaluate",
    "rule_explain",
    "rule_parse",
    "rule_text",
    "value_of",
]
