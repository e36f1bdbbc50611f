"""Forms of the review pages (labels in Vietnamese; English through gettext)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.registry.models import Household
from giamngheo.apps.review import dates
from giamngheo.domain.model import Standard


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _date(label: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput())


class CampaignForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại rà soát"),
        choices=[("periodic", _("Rà soát định kỳ")), ("regular", _("Rà soát thường xuyên"))],
    )
    year = forms.IntegerField(label=_("Năm"), min_value=2021, max_value=2100)
    month = forms.IntegerField(
        label=_("Tháng (rà soát thường xuyên)"), min_value=1, max_value=12, required=False
    )


class RequestForm(forms.Form):
    household = forms.ModelChoiceField(label=_("Hộ"), queryset=Household.objects.none())
    received_on = _date(_("Ngày nhận giấy đề nghị"))
    reason = forms.CharField(label=_("Nội dung đề nghị"), max_length=255)

    def __init__(self, *args: Any, households: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households  # type: ignore[attr-defined]


class MeetingForm(forms.Form):
    held_on = _date(_("Ngày họp"))
    attendees = forms.IntegerField(label=_("Số người dự họp"), min_value=0)
    votes_for = forms.IntegerField(label=_("Số người đồng ý"), min_value=0)
    chaired_by = forms.CharField(label=_("Người chủ trì"), max_length=100)
    notes = forms.CharField(label=_("Ý kiến tại cuộc họp"), required=False, widget=forms.Textarea)


class PostingForm(forms.Form):
    starts_on = _date(_("Ngày bắt đầu niêm yết"))
    working_days = forms.IntegerField(
        label=_("Số ngày làm việc niêm yết"), min_value=1, initial=dates.POSTING_DAYS_DEFAULT
    )


class ComplaintForm(forms.Form):
    entry = forms.ChoiceField(label=_("Hộ bị khiếu nại"))
    complainant = forms.CharField(label=_("Người khiếu nại"), max_length=100)
    received_on = _date(_("Ngày nhận khiếu nại"))
    reason = forms.CharField(label=_("Nội dung khiếu nại"), widget=forms.Textarea)

    def __init__(self, *args: Any, entries: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entry"].choices = entries  # type: ignore[attr-defined]


class DecisionForm(forms.Form):
    number = forms.CharField(label=_("Số quyết định"), max_length=32)
    signed_on = _date(_("Ngày ký"))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp phiếu rà soát (.xlsx, .csv)"))


class SurveyForm(forms.Form):
    """The survey form of a standard: the income measure and one box per indicator, with
    the indicator's legal definition as help text."""

    surveyed_on = _date(_("Ngày rà soát"))

    def __init__(self, *args: Any, standard: Standard, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if standard.measure == "score":
            self.fields["income_score"] = forms.IntegerField(
                label=_("Điểm thu nhập (điểm A)"), min_value=0
            )
        else:
            self.fields["income_vnd"] = forms.IntegerField(
                label=_("Thu nhập bình quân (đồng/người/tháng)"), min_value=0
            )
        for indicator in standard.indicators:
            self.fields[indicator.column] = forms.BooleanField(
                label=indicator.label.vi, help_text=indicator.definition.vi, required=False
            )


class RecheckForm(SurveyForm):
    checked_on = _date(_("Ngày phúc tra"))
    outcome_note = forms.CharField(label=_("Kết luận phúc tra"), required=False)
