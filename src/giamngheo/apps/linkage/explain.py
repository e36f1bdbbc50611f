"""Why a pair was queued, in the reader's language.

A stored explanation keeps the model's own field names and level labels (``name``, ``middle
name differs or dropped``, as written in ``linkage/model.json``), so a stored pair always
names the levels of the model version that scored it. They are translated here, when shown:
the message ids are Vietnamese, English comes from the catalogue. A label this module does not
know (a later model version) is shown as the model wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

FIELDS: dict[str, Promise] = {
    "name": _("Họ và tên"),
    "birth": _("Ngày sinh"),
    "identity": _("Số định danh / CMND"),
    "place": _("Nơi ở"),
    "sex": _("Giới tính"),
}

LEVELS: dict[str, Promise] = {
    "unknown": _("không rõ (thiếu thông tin)"),
    "different": _("khác nhau"),
    "same, with diacritics": _("giống hệt, kể cả dấu"),
    "same without diacritics": _("giống nhau khi bỏ dấu"),
    "same words, other order": _("cùng các chữ, khác thứ tự"),
    "spelling variant": _("khác cách viết, cùng cách đọc"),
    "middle name differs or dropped": _("khác hoặc thiếu tên đệm"),
    "small typo": _("sai chính tả nhỏ"),
    "similar": _("gần giống"),
    "same date": _("trùng ngày sinh"),
    "day and month swapped": _("đảo ngày và tháng"),
    "same year (year only)": _("cùng năm sinh (chỉ ghi năm)"),
    "one digit differs": _("khác một chữ số"),
    "year ±1": _("năm sinh lệch 1 năm"),
    "same citizen ID": _("trùng số định danh cá nhân"),
    "same old ID card": _("trùng số CMND cũ"),
    "citizen ID: one digit off": _("số định danh lệch một chữ số"),
    "old ID card: one digit off": _("số CMND cũ lệch một chữ số"),
    "same commune and village": _("cùng xã và thôn"),
    "same commune": _("cùng xã"),
    "same sex": _("cùng giới tính"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ExplainedField:
    """One row of "why these two may be one person", ready to show."""

    field: str
    level: str
    weight: float | None


def explanation_shown(explanation: list[dict[str, Any]]) -> list[ExplainedField]:
    """A stored explanation with its field names and levels in the active language."""
    return [
        ExplainedField(
            field=_shown(FIELDS, row["field"]),
            level=_shown(LEVELS, row["level"]),
            weight=row.get("weight"),
        )
        for row in explanation
    ]


def _shown(labels: dict[str, Promise], key: str) -> str:
    label = labels.get(key)
    return key if label is None else str(label)
