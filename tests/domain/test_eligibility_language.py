"""The rule language: what parses, what is refused (with the position), what it means for one
household, and how it is explained."""

from __future__ import annotations

import datetime as dt

import pytest

from giamngheo.domain.eligibility import (
    AllOf,
    Classified,
    Compare,
    Flag,
    HouseholdFacts,
    Not,
    RuleSyntaxError,
    age_on,
    months_between,
    rule_evaluate,
    rule_explain,
    rule_parse,
    rule_text,
)

STD = "vn-2022-2025"
AS_OF = dt.date(2026, 1, 15)


def parse(text: str):
    return rule_parse(text, standard=STD)


def facts(**kw: object) -> HouseholdFacts:
    base: dict[str, object] = {"as_of": AS_OF, "area": "rural", "head_ethnicity": "01"}
    return HouseholdFacts(**(base | kw))  # type: ignore[arg-type]


def test_precedence_and_keywords_in_both_languages() -> None:
    english = parse('status == "poor" and border or not minority')
    vietnamese = parse('status = "poor" và border hoặc không minority')
    assert rule_text(english.node) == rule_text(vietnamese.node)
    assert rule_text(english.node) == 'status == "poor" and border or not minority'
    assert isinstance(english.node.operands[0], AllOf)  # type: ignore[union-attr]


def test_arguments_name_standards_indicators_and_ages() -> None:
    rule = parse(
        'status("quangninh-2023-2025") in ("poor", "near_poor")'
        ' and deprived("water", "vn-2022-2025")'
        " and members_under(16) >= 1 and members_aged(60) ≥ 1"
    )
    compare, flag = rule.node.operands[:2]  # type: ignore[union-attr]
    assert isinstance(compare, Compare)
    assert compare.ref.standard == "quangninh-2023-2025"
    assert isinstance(flag, Flag)
    assert flag.ref.arg == "water"
    assert rule.standards() == {"quangninh-2023-2025", STD}


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("", 1, "empty"),
        ("status = poor", 10, "expected"),
        ('statu == "poor"', 1, "unknown_attribute"),
        ('status < "poor"', 8, "bad_operator"),
        ('status == "rich"', 11, "bad_value"),
        ("border == 1", 8, "not_comparable"),
        ("deprivations", 1, "needs_comparison"),
        ('deprivations > "3"', 16, "wrong_type"),
        ("members_under(200) > 0", 1, "arguments"),
        ("minority(1)", 9, "arguments"),
        ('deprived("wifi")', 10, "unknown_indicator"),
        ('status("vn-1999") == "poor"', 8, "unknown_standard"),
        ("(border or island", 18, "expected"),
        ("border island", 8, "expected"),
        ("border $ island", 8, "bad_character"),
        ('ethnicity == "99"', 14, "bad_value"),
        ("status == 'poor", 11, "unclosed_text"),
        ("months_since_escape <= -1", 24, "bad_value"),
        ("not " * 50 + "border", 161, "too_deep"),
    ],
)
def test_errors_name_the_position_and_reason(text: str, position: int, reason: str) -> None:
    with pytest.raises(RuleSyntaxError) as caught:
        parse(text)
    assert (caught.value.position, caught.value.reason) == (position, reason)
    assert str(caught.value).startswith(f"Vị trí {position}:")
    assert caught.value.message("en").startswith(f"Position {position}:")


def test_nothing_is_evaluated_as_python() -> None:
    for text in ("__import__('os')", "border.__class__", "open('x')", "1 + 1"):
        with pytest.raises(RuleSyntaxError):
            parse(text)


def test_ages_and_months_are_whole() -> None:
    assert age_on(dt.date(2010, 1, 16), AS_OF) == 15
    assert age_on(dt.date(2010, 1, 15), AS_OF) == 16
    assert months_between(dt.date(2023, 1, 15), AS_OF) == 36
    assert months_between(dt.date(2023, 1, 16), AS_OF) == 35


def test_newly_escaped_within_36_months() -> None:
    rule = parse('months_since_escape <= 36 and status not in ("poor", "near_poor")')
    result = Classified(status="average", deprivations=1)
    escaped = facts(escaped_on=dt.date(2023, 1, 15), classifications={STD: result})
    assert rule_evaluate(rule, escaped)
    assert not rule_evaluate(
        rule, facts(escaped_on=dt.date(2022, 12, 1), classifications={STD: result})
    )
    assert not rule_evaluate(rule, facts(classifications={STD: result}))  # never escaped


def test_unknown_values_make_comparisons_false_and_not_true() -> None:
    no_result = facts()
    assert not rule_evaluate(parse('status == "poor"'), no_result)
    assert not rule_evaluate(parse('status != "poor"'), no_result)
    assert rule_evaluate(parse('not status == "poor"'), no_result)
    assert not rule_evaluate(parse('deprived("water")'), no_result)
    assert not rule_evaluate(parse("minority"), facts(head_ethnicity=None))


def test_member_ages_count_on_the_rule_day() -> None:
    rule = parse("members_under(16) > 0 and members_aged(60) >= 1 and members == 3")
    births = (dt.date(2010, 1, 16), dt.date(1966, 1, 15), dt.date(1990, 6, 1))
    assert rule_evaluate(rule, facts(member_births=births))
    assert not rule_evaluate(rule, facts(member_births=(*births[1:], dt.date(2000, 1, 1))))


def test_explanation_in_vietnamese_and_english() -> None:
    rule = parse('status in ("poor", "near_poor") and (minority or remote_village)')
    household = facts(
        head_ethnicity="08", classifications={STD: Classified(status="near_poor", deprivations=2)}
    )
    vi = rule_explain(rule, household)
    assert vi.eligible
    assert vi.text.splitlines() == [
        "Đủ điều kiện",
        "✓ tất cả các điều kiện sau",
        "  ✓ phân loại hộ theo chuẩn vn-2022-2025: hộ cận nghèo — thuộc (hộ nghèo, hộ cận nghèo)",
        "  ✓ ít nhất một điều kiện sau",
        "    ✓ chủ hộ là người dân tộc thiểu số: có",
        "    ✗ thôn đặc biệt khó khăn: không",
    ]
    en = rule_explain(rule, household, "en").text
    assert "household status under vn-2022-2025: near-poor — is one of (poor, near-poor)" in en


def test_not_is_explained_above_its_operand() -> None:
    rule = parse("not border")
    assert isinstance(rule.node, Not)
    reasons = rule_explain(rule, facts(border=True)).reasons
    assert [(r.depth, r.holds) for r in reasons] == [(0, False), (1, True)]
