"""The annual review of poor and near-poor households (Decision 24/2021/QĐ-TTg, Circular
07/2021): campaigns, the households listed in them, village meetings, public postings,
complaints, the commune chairman's recognition decision and the resulting statuses."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.registry.models import Household, Survey
from giamngheo.apps.standards.models import PovertyStatus

type Units = tuple[int | None, int | None, int | None]


class CampaignKind(models.TextChoices):
    PERIODIC = "periodic", _("Rà soát định kỳ")
    REGULAR = "regular", _("Rà soát thường xuyên")


class EntrySource(models.TextChoices):
    CURRENT_LIST = "current_list", _("Đang trong danh sách hộ nghèo, cận nghèo")
    REQUEST = "request", _("Có giấy đề nghị")


class Transition(models.TextChoices):
    UNCHANGED = "unchanged", _("Không đổi")
    ESCAPED = "escaped", _("Thoát nghèo")
    ESCAPED_NEAR_POOR = "escaped_near_poor", _("Thoát cận nghèo")
    POOR_TO_NEAR_POOR = "poor_to_near_poor", _("Từ nghèo sang cận nghèo")
    NEWLY_POOR = "newly_poor", _("Nghèo phát sinh")
    NEWLY_NEAR_POOR = "newly_near_poor", _("Cận nghèo phát sinh")
    FELL_BACK = "fell_back", _("Tái nghèo")


class ComplaintOutcome(models.TextChoices):
    KEPT = "kept", _("Giữ nguyên kết quả")
    CHANGED = "changed", _("Điều chỉnh kết quả")


class ReviewCampaign(models.Model):
    """One review in a province: the periodic review of a year (1 Sep – 14 Dec) or a monthly
    regular review (from the 15th, decided within 15 days), under one standard."""

    province = models.ForeignKey(Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại rà soát"), max_length=8, choices=CampaignKind.choices)
    opens_on = models.DateField(_("bắt đầu"))
    closes_on = models.DateField(_("hạn hoàn thành"))
    standard_id = models.CharField(_("chuẩn nghèo áp dụng"), max_length=64)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("đợt rà soát")
        verbose_name_plural = _("đợt rà soát")
        ordering = ["-opens_on", "province"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "kind", "opens_on"], name="review_campaign_once"
            ),
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="review_campaign_closes_after_opening",
                violation_error_message=_("Hạn hoàn thành phải sau ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.opens_on:%d/%m/%Y} – {self.province}"

    @property
    def request_form(self) -> str:
        """The request form of this kind of review: 01 (periodic) or 04 (regular)."""
        return "01" if self.kind == CampaignKind.PERIODIC else "04"

    def audit_units(self) -> Units:
        return self.province_id, None, None


class ReviewEntry(models.Model):
    """A household listed in a campaign, its survey and its proposed classification."""

    campaign = models.ForeignKey(
        ReviewCampaign, verbose_name=_("đợt rà soát"), on_delete=models.CASCADE,
        related_name="entries",
    )  # fmt: skip
    household = models.ForeignKey(
        Household, verbose_name=_("hộ"), on_delete=models.PROTECT, related_name="review_entries"
    )
    source = models.CharField(_("lý do rà soát"), max_length=12, choices=EntrySource.choices)
    request_form = models.CharField(_("mẫu giấy đề nghị"), max_length=2, blank=True)
    requested_on = models.DateField(_("ngày nhận giấy đề nghị"), null=True, blank=True)
    request_reason = models.CharField(_("nội dung đề nghị"), max_length=255, blank=True)
    survey = models.ForeignKey(
        Survey, verbose_name=_("phiếu rà soát"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    previous_status = models.CharField(
        _("phân loại trước"), max_length=10, choices=PovertyStatus.choices, blank=True
    )
    proposed_status = models.CharField(
        _("kết quả đề xuất"), max_length=10, choices=PovertyStatus.choices, blank=True
    )
    transition = models.CharField(
        _("biến động"), max_length=18, choices=Transition.choices, blank=True
    )
    classified_at = models.DateTimeField(_("phân loại lúc"), null=True, blank=True)
    needs_resurvey = models.BooleanField(_("phải rà soát lại"), default=False)

    class Meta:
        verbose_name = _("hộ trong đợt rà soát")
        verbose_name_plural = _("hộ trong đợt rà soát")
        ordering = ["campaign", "household__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "household"], name="review_entry_once_per_campaign"
            )
        ]

    def __str__(self) -> str:
        return f"{self.household.code} ({self.campaign_id})"

    def audit_units(self) -> Units:
        return self.household.audit_units()


class VillageStep(models.Model):
    """Common fields of what happens in one village during a campaign."""

    campaign = models.ForeignKey(
        ReviewCampaign, verbose_name=_("đợt rà soát"), on_delete=models.CASCADE, related_name="+"
    )
    village = models.ForeignKey(
        Village, verbose_name=_("thôn, tổ dân phố"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        abstract = True

    def audit_units(self) -> Units:
        return self.campaign.province_id, self.village.commune_id, self.village_id


class VillageMeeting(VillageStep):
    """The village meeting (họp dân) that agrees the proposed list: it stands only when at
    least half of the attendees agree."""

    held_on = models.DateField(_("ngày họp"))
    attendees = models.PositiveIntegerField(_("số người dự họp"), validators=[MinValueValidator(1)])
    votes_for = models.PositiveIntegerField(_("số người đồng ý"))
    chaired_by = models.CharField(_("chủ trì"), max_length=100)
    notes = models.TextField(_("ý kiến tại cuộc họp"), blank=True)
    passed = models.BooleanField(_("được thông qua"))

    class Meta:
        verbose_name = _("cuộc họp dân")
        verbose_name_plural = _("cuộc họp dân")
        ordering = ["campaign", "village", "held_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(votes_for__lte=F("attendees")),
                name="meeting_votes_within_attendees",
                violation_error_message=_("Số người đồng ý không được lớn hơn số người dự họp."),
            ),
            models.CheckConstraint(condition=Q(attendees__gte=1), name="meeting_has_attendees"),
        ]

    def __str__(self) -> str:
        return f"{self.village} {self.held_on:%d/%m/%Y}"


def posting_slug() -> str:
    """A random, unguessable name for a posting's public page (22 URL-safe characters)."""
    return secrets.token_urlsafe(16)


class Posting(VillageStep):
    """The public posting (niêm yết công khai) of a village's agreed list. Its public page is
    found by ``slug`` (random, so postings cannot be enumerated), and shows the list only
    during the posting period."""

    meeting = models.OneToOneField(
        VillageMeeting, verbose_name=_("cuộc họp dân"), on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField(_("ngày bắt đầu niêm yết"))
    working_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc niêm yết"), validators=[MinValueValidator(1)]
    )
    ends_on = models.DateField(_("ngày kết thúc niêm yết"))
    slug = models.CharField(
        _("mã trang công khai"), max_length=32, unique=True, default=posting_slug, editable=False
    )

    class Meta:
        verbose_name = _("niêm yết công khai")
        verbose_name_plural = _("niêm yết công khai")
        ordering = ["campaign", "village"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "village"], name="posting_once"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="posting_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.village} {self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}"


class Complaint(models.Model):
    """A complaint about a posted result; the steering committee re-checks it with a new
    survey (phúc tra) before the commune decides."""

    entry = models.ForeignKey(
        ReviewEntry, verbose_name=_("hộ"), on_delete=models.PROTECT, related_name="complaints"
    )
    complainant = models.CharField(_("người khiếu nại"), max_length=100)
    received_on = models.DateField(_("ngày nhận"))
    reason = models.TextField(_("nội dung khiếu nại"))
    due_on = models.DateField(_("hạn phúc tra"))
    checked_on = models.DateField(_("ngày phúc tra"), null=True, blank=True)
    outcome = models.CharField(
        _("kết quả phúc tra"), max_length=8, choices=ComplaintOutcome.choices, blank=True
    )
    status_before = models.CharField(
        _("phân loại trước phúc tra"), max_length=10, choices=PovertyStatus.choices
    )
    status_after = models.CharField(
        _("phân loại sau phúc tra"), max_length=10, choices=PovertyStatus.choices, blank=True
    )
    outcome_note = models.TextField(_("kết luận"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("khiếu nại")
        verbose_name_plural = _("khiếu nại")
        ordering = ["received_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("received_on")), name="complaint_due_after_receipt"
            ),
            models.CheckConstraint(
                condition=Q(checked_on__isnull=True) | Q(checked_on__gte=F("received_on")),
                name="complaint_checked_after_receipt",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry.household.code} {self.received_on:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.checked_on is None

    def audit_units(self) -> Units:
        return self.entry.audit_units()


class RecognitionDecision(models.Model):
    """The commune chairman's decision recognising the commune's results of a campaign."""

    campaign = models.ForeignKey(
        ReviewCampaign, verbose_name=_("đợt rà soát"), on_delete=models.PROTECT,
        related_name="decisions",
    )  # fmt: skip
    commune = models.ForeignKey(
        Commune, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField(_("số quyết định"), max_length=32)
    signed_on = models.DateField(_("ngày ký"))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ký"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định công nhận")
        verbose_name_plural = _("quyết định công nhận")
        ordering = ["-signed_on"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "commune"], name="decision_once"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.commune})"

    def audit_units(self) -> Units:
        return self.commune.province_id, self.commune_id, None


class HouseholdStatus(models.Model):
    """A household's current recognised status, and the date it last left the lists (the
    36-month "newly escaped" windows are counted from ``escaped_on``)."""

    household = models.OneToOneField(
        Household, verbose_name=_("hộ"), on_delete=models.CASCADE, related_name="current_status"
    )
    status = models.CharField(_("phân loại"), max_length=10, choices=PovertyStatus.choices)
    since_on = models.DateField(_("từ ngày"))
    escaped_on = models.DateField(_("ngày thoát nghèo, thoát cận nghèo"), null=True, blank=True)
    ever_poor = models.BooleanField(_("đã từng là hộ nghèo"), default=False)
    decision = models.ForeignKey(
        RecognitionDecision, verbose_name=_("quyết định"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("phân loại hiện hành của hộ")
        verbose_name_plural = _("phân loại hiện hành của hộ")
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.household_id}: {self.status}"


class StatusChange(models.Model):
    """One recognised result in a household's history (append-only)."""

    household = models.ForeignKey(
        Household, verbose_name=_("hộ"), on_delete=models.CASCADE, related_name="status_changes"
    )
    decision = models.ForeignKey(
        RecognitionDecision, verbose_name=_("quyết định"), on_delete=models.PROTECT,
        related_name="changes",
    )  # fmt: skip
    year = models.PositiveSmallIntegerField(_("năm"))
    decided_on = models.DateField(_("ngày công nhận"))
    previous_status = models.CharField(
        _("phân loại trước"), max_length=10, choices=PovertyStatus.choices, blank=True
    )
    status = models.CharField(_("phân loại"), max_length=10, choices=PovertyStatus.choices)
    transition = models.CharField(_("biến động"), max_length=18, choices=Transition.choices)
    village = models.ForeignKey(
        Village, verbose_name=_("thôn, tổ dân phố"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("lịch sử phân loại")
        verbose_name_plural = _("lịch sử phân loại")
        ordering = ["household", "decided_on", "id"]
        indexes = [models.Index(fields=["year", "village"])]

    def __str__(self) -> str:
        return f"{self.household_id} {self.year}: {self.status}"
