"""The explanation of a pair is shown in Vietnamese; the stored labels stay the model's."""

from __future__ import annotations

from django.utils import translation

from giamngheo.apps.linkage.explain import FIELDS, LEVELS, ExplainedField, explanation_shown
from giamngheo.linkage.engine import COMPARISON_NAMES, level_labels, model_load


def test_every_field_and_level_of_the_shipped_model_has_a_vietnamese_label() -> None:
    labels = level_labels(model_load())
    assert set(labels) == set(FIELDS) == set(COMPARISON_NAMES)
    shipped = {label for levels in labels.values() for label in levels} | {"unknown"}
    assert shipped == set(LEVELS)
    assert all(str(LEVELS[label]) != label for label in shipped)


def test_a_stored_explanation_is_shown_in_vietnamese() -> None:
    stored = [
        {"field": "name", "gamma": 3, "level": "middle name differs or dropped", "weight": 4.5},
        {"field": "identity", "gamma": -1, "level": "unknown", "weight": 0.0},
        {"field": "birth", "gamma": 0, "level": "different", "weight": None},
    ]
    assert explanation_shown(stored) == [
        ExplainedField(field="Họ và tên", level="khác hoặc thiếu tên đệm", weight=4.5),
        ExplainedField(field="Số định danh / CMND", level="không rõ (thiếu thông tin)",
                       weight=0.0),
        ExplainedField(field="Ngày sinh", level="khác nhau", weight=None),
    ]  # fmt: skip


def test_a_label_of_a_later_model_is_shown_as_the_model_wrote_it() -> None:
    stored = [{"field": "phone", "gamma": 1, "level": "same phone", "weight": 2.0}]
    assert explanation_shown(stored) == [
        ExplainedField(field="phone", level="same phone", weight=2.0)
    ]


def test_an_english_reader_sees_the_labels_in_english() -> None:
    stored = [
        {"field": "name", "gamma": 3, "level": "middle name differs or dropped", "weight": 1.0}
    ]
    with translation.override("en"):
        (shown,) = explanation_shown(stored)
        assert (str(shown.field), str(shown.level)) == (
            "Full name",
            "middle name differs or dropped",
        )
