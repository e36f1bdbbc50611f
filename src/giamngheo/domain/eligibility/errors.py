"""The error for a rule that cannot be read, naming the position and the reason."""

from __future__ import annotations

from giamngheo.domain.model import Lang

_REASONS: dict[str, tuple[str, str]] = {
    "too_long": ("quy tắc quá dài", "the rule is too long"),
    "bad_character": ("ký tự không dùng được: {detail}", "unexpected character: {detail}"),
    "unclosed_text": ("chuỗi chưa đóng dấu nháy", "text is missing its closing quote"),
    "number_too_long": ("số quá lớn", "number too large"),
    "expected": ("cần {detail}", "expected {detail}"),
    "unexpected": ("không hiểu '{detail}' ở đây", "did not expect '{detail}' here"),
    "unknown_attribute": ("không có thuộc tính '{detail}'", "no attribute named '{detail}'"),
    "arguments": ("đối số không hợp lệ cho {detail}", "wrong arguments for {detail}"),
    "unknown_standard": ("không có chuẩn nghèo '{detail}'", "no standard named '{detail}'"),
    "unknown_indicator": ("không có chỉ số '{detail}'", "no indicator named '{detail}'"),
    "needs_comparison": ("'{detail}' cần một phép so sánh (ví dụ: == , <, in)",
                         "'{detail}' needs a comparison (for example ==, <, in)"),
    "not_comparable": ("'{detail}' là điều kiện đúng/sai, không so sánh được",
                       "'{detail}' is a yes/no condition and cannot be compared"),
    "bad_operator": ("phép so sánh '{detail}' không dùng được với chữ",
                     "operator '{detail}' cannot be used with text"),
    "wrong_type": ("giá trị phải là {detail}", "the value must be {detail}"),
    "bad_value": ("giá trị không hợp lệ: {detail}", "value not allowed: {detail}"),
    "too_deep": ("quy tắc lồng quá sâu", "the rule is nested too deeply"),
    "empty": ("quy tắc trống", "the rule is empty"),
}  # fmt: skip


class RuleSyntaxError(ValueError):
    """A rule text that cannot be read. ``position`` is 1-based (the column of the offending
    character); ``str(error)`` is the Vietnamese message, :meth:`message` either language."""

    def __init__(self, offset: int, reason: str, detail: str = "") -> None:
        self.position = offset + 1
        self.reason = reason
        self.detail = detail
        super().__init__(self.message("vi"))

    def message(self, lang: Lang = "vi") -> str:
        vi, en = _REASONS[self.reason]
        template = vi if lang == "vi" else en
        where = "Vị trí" if lang == "vi" else "Position"
        return f"{where} {self.position}: {template.format(detail=self.detail)}"
