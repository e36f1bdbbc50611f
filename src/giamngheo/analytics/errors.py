"""The error raised for a bad survey table, with the file, row and column it concerns."""

from __future__ import annotations

from typing import Literal

from giamngheo.domain.model import Lang

ErrorKind = Literal[
    "missing_column",
    "unknown_column",
    "empty_income",
    "non_integer_income",
    "negative_income",
    "bad_area",
    "bad_flag",
    "empty_id",
    "duplicate_id",
    "unreadable",
]

_MESSAGES: dict[ErrorKind, tuple[str, str]] = {
    "missing_column": ("thiếu cột bắt buộc", "required column is missing"),
    "unknown_column": (
        "cột chỉ số thiếu hụt không thuộc chuẩn nghèo đã chọn",
        "deprivation column is not an indicator of the chosen standards",
    ),
    "empty_income": ("thu nhập để trống", "income is empty"),
    "non_integer_income": ("thu nhập không phải số nguyên", "income is not an integer"),
    "negative_income": ("thu nhập âm", "income is negative"),
    "bad_area": ("khu vực phải là rural hoặc urban", "area must be rural or urban"),
    "bad_flag": ("chỉ số thiếu hụt phải là 0 hoặc 1", "deprivation flag must be 0 or 1"),
    "empty_id": ("mã hộ để trống", "household_id is empty"),
    "duplicate_id": ("mã hộ bị trùng", "household_id is duplicated"),
    "unreadable": ("không đọc được tệp", "the file cannot be read"),
}


class SurveyInputError(ValueError):
    """Bad input in a survey table.

    ``row`` counts as a spreadsheet does: the header is row 1, the first household row 2.
    ``str(error)`` is the Vietnamese message; :meth:`message` gives either language.
    """

    def __init__(
        self,
        *,
        kind: ErrorKind,
        file: str,
        row: int | None,
        column: str | None,
        value: str | None = None,
        note: str | None = None,
    ) -> None:
        self.kind = kind
        self.file = file
        self.row = row
        self.column = column
        self.value = value
        self.note = note
        super().__init__(self.message("vi"))

    def message(self, lang: Lang = "vi") -> str:
        """``file, row N, column C: problem (value)`` in Vietnamese or English."""
        vi, en = _MESSAGES[self.kind]
        words = ("Tệp", "dòng", "cột") if lang == "vi" else ("File", "row", "column")
        place = [f"{words[0]} {self.file}"]
        if self.row is not None:
            place.append(f"{words[1]} {self.row}")
        if self.column is not None:
            place.append(f"{words[2]} {self.column}")
        text = f"{', '.join(place)}: {vi if lang == 'vi' else en}"
        if self.value is not None:
            text += f" ({self.value!r})"
        return f"{text}; {self.note}" if self.note else text
