"""Publishing eligibility rules and support levels. Nothing here edits a published row: a
change publishes the next version of the same code."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.geo.models import Province
from giamngheo.apps.programmes.choices import SupportType
from giamngheo.apps.programmes.levels import priorities_parse
from giamngheo.apps.programmes.models import EligibilityRule, SupportLevel
from giamngheo.apps.programmes.scope import province_require
from giamngheo.apps.programmes.templates import DEFAULT_LEVELS, DEFAULT_RULES
from giamngheo.domain.eligibility import RuleSyntaxError, rule_parse

MANAGE = Capability.PROGRAMMES_MANAGE
DEFAULT_STANDARD = "vn-2022-2025"


def rule_check(expression: str, *, standard_id: str, field: str = "expression") -> None:
    """``ValidationError`` on ``field`` naming the position when the text is not a rule (its
    ``params`` carry the 1-based ``position``, so a page can mark it in the text)."""
    try:
        rule_parse(expression, standard=standard_id)
    except RuleSyntaxError as error:
        text, where = str(error).replace("%", "%%"), {"position": error.position}
        raise ValidationError(
            {field: ValidationError(text, code=error.reason, params=where)}
        ) from error


@transaction.atomic(durable=True)
def eligibility_rule_publish(
    *, actor: Any, province: Province, code: str, name: str, expression: str, standard_id: str
) -> EligibilityRule:
    """Publish ``code``'s next version (1 for a new code)."""
    return _rule_publish(actor, province, code, name, expression, standard_id)


def _rule_publish(
    actor: Any, province: Province, code: str, name: str, expression: str, standard_id: str
) -> EligibilityRule:
    province_require(actor, MANAGE, province)
    rule_check(expression, standard_id=standard_id)
    rule = EligibilityRule(
        province=province, code=code, version=_next_version(EligibilityRule, province, code),
        name=name, expression=expression.strip(), standard_id=standard_id,
        published_by=_user(actor),
    )  # fmt: skip
    audited_save(instance=rule, summary=f"Ban hành quy tắc {rule.label}")
    return rule


@transaction.atomic(durable=True)
def support_level_publish(
    *, actor: Any, province: Province, code: str, eligibility: EligibilityRule, **fields: Any
) -> SupportLevel:
    """Publish ``code``'s next version. ``priorities`` are checked as rules; a housing level
    names its kind; the eligibility rule must be the province's."""
    return _level_publish(actor, province, code, eligibility, fields)


def _level_publish(
    actor: Any, province: Province, code: str, eligibility: EligibilityRule, fields: dict[str, Any]
) -> SupportLevel:
    province_require(actor, MANAGE, province)
    if eligibility.province_id != province.pk:
        raise ValidationError({"eligibility": "Quy tắc đối tượng không thuộc tỉnh này."})
    level = SupportLevel(
        province=province, code=code, version=_next_version(SupportLevel, province, code),
        eligibility=eligibility, published_by=_user(actor), **fields,
    )  # fmt: skip
    _level_check(level)
    audited_save(instance=level, summary=f"Ban hành mức hỗ trợ {level.label}")
    return level


def _level_check(level: SupportLevel) -> None:
    try:
        priorities_parse(level.priorities or [], standard=level.eligibility.standard_id)
    except RuleSyntaxError as error:
        raise ValidationError({"priorities": str(error)}) from error
    except (KeyError, TypeError, ValueError) as error:
        raise ValidationError({"priorities": "Mỗi ưu tiên cần 'when' và số cộng thêm."}) from error
    if level.support_type == SupportType.HOUSING and not level.housing_kind:
        raise ValidationError({"housing_kind": "Mức hỗ trợ nhà ở phải ghi xây mới hay sửa chữa."})


@transaction.atomic(durable=True)
def levels_template_load(
    *, actor: Any, province: Province, standard_id: str = DEFAULT_STANDARD, multiplier: int = 1000
) -> list[SupportLevel]:
    """Publish the default rules and levels (§7 of the domain notes) for the province, with
    its multiplier (‰) applied to VND amounts."""
    rules = {
        r["code"]: _rule_publish(
            actor, province, r["code"], r["name"], r["expression"], standard_id
        )
        for r in DEFAULT_RULES
    }
    levels = []
    for raw in DEFAULT_LEVELS:
        fields = {k: v for k, v in raw.items() if k not in ("code", "eligibility")}
        if fields["unit"] == "vnd":
            fields["multiplier_permille"] = multiplier
        levels.append(
            _level_publish(actor, province, raw["code"], rules[raw["eligibility"]], fields)
        )
    return levels


def _next_version(
    model: type[EligibilityRule] | type[SupportLevel], province: Province, code: str
) -> int:
    last = model.objects.filter(province=province, code=code).aggregate(v=Max("version"))["v"]
    return (last or 0) + 1


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None
