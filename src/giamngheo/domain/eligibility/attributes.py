"""The household attributes an eligibility rule may name, with their types and labels.

A rule names an attribute, sometimes with arguments: ``status`` (under the rule's standard)
or ``status("quangninh-2023-2025")``, ``deprived("water")``, ``members_under(16)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from giamngheo.domain.model import AREAS, STATUSES, Text

Kind = Literal["bool", "int", "text"]
# What an attribute takes in parentheses: nothing, an optional standard id, an indicator id
# and an optional standard id, or an age in years.
Arguments = Literal["none", "standard", "indicator", "age"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribute:
    name: str
    kind: Kind
    arguments: Arguments
    label: Text  # ``{arg}`` stands for the indicator or the age
    values: tuple[str, ...] = ()  # the only text values allowed (empty: any)


def _a(
    name: str, kind: Kind, arguments: Arguments, vi: str, en: str, values: tuple[str, ...] = ()
) -> Attribute:
    label = Text(vi=vi, en=en)
    return Attribute(name=name, kind=kind, arguments=arguments, label=label, values=values)


ATTRIBUTES: dict[str, Attribute] = {
    a.name: a
    for a in (
        _a("status", "text", "standard", "phân loại hộ", "household status", values=STATUSES),
        _a("deprivations", "int", "standard", "số chỉ số thiếu hụt", "number of deprivations"),
        _a("deprived", "bool", "indicator", "thiếu hụt chỉ số {arg}", "deprived in {arg}"),
        _a("minority", "bool", "none", "chủ hộ là người dân tộc thiểu số",
           "the head belongs to an ethnic minority"),
        _a("ethnicity", "text", "none", "dân tộc của chủ hộ", "ethnicity of the head"),
        _a("area", "text", "none", "khu vực", "area", values=AREAS),
        _a("ethnic_minority_mountainous", "bool", "none", "xã vùng đồng bào dân tộc thiểu số "
           "và miền núi", "commune in an ethnic-minority and mountainous area"),
        _a("border", "bool", "none", "xã biên giới", "border commune"),
        _a("island", "bool", "none", "xã hải đảo, ven biển", "island or coastal commune"),
        _a("extremely_difficult", "bool", "none", "xã đặc biệt khó khăn",
           "extremely difficult commune"),
        _a("poor_commune", "bool", "none", "xã nghèo", "poor commune"),
        _a("remote_village", "bool", "none", "thôn đặc biệt khó khăn",
           "extremely difficult village"),
        _a("months_since_escape", "int", "none", "số tháng từ khi thoát nghèo",
           "months since escaping poverty"),
        _a("members", "int", "none", "số nhân khẩu", "number of members"),
        _a("members_under", "int", "age", "số nhân khẩu dưới {arg} tuổi",
           "members under {arg}"),
        _a("members_aged", "int", "age", "số nhân khẩu từ {arg} tuổi trở lên",
           "members aged {arg} or over"),
    )
}  # fmt: skip

# Literal texts that mean the same in every attribute's explanation.
VALUE_LABELS: dict[str, Text] = {
    "poor": Text(vi="hộ nghèo", en="poor"),
    "near_poor": Text(vi="hộ cận nghèo", en="near-poor"),
    "average": Text(vi="hộ có mức sống trung bình", en="average living standard"),
    "not_poor": Text(vi="không nghèo", en="not poor"),
    "rural": Text(vi="nông thôn", en="rural"),
    "urban": Text(vi="thành thị", en="urban"),
}
