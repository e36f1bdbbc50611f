"""Imported lists of other givers, clusters of records that are one person, candidate pairs
waiting for a person's decision, and those decisions (which can be undone).

A record is a registry member or an imported list entry; its *key* for the linkage engine
is ``2 × member id`` or ``2 × entry id + 1``. Records themselves are never changed by
linkage: a merge only moves memberships between clusters, so both records keep their
history, and undoing a merge moves them back.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.models import Organisation
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.programmes.choices import SupportType
from giamngheo.apps.registry.models import Member

type Units = tuple[int | None, int | None, int | None]


class ListKind(models.TextChoices):
    FATHERLAND_FRONT = "fatherland_front", _("Danh sách tặng quà của Mặt trận Tổ quốc")
    RED_CROSS = "red_cross", _("Danh sách của Hội Chữ thập đỏ")
    LENDER = "lender", _("Danh sách vay vốn")
    OTHER = "other", _("Danh sách khác")


class ImportedList(models.Model):
    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="+"
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("xã, phường"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    name = models.CharField(_("tên danh sách"), max_length=255)
    kind = models.CharField(_("loại danh sách"), max_length=20, choices=ListKind.choices)
    giver = models.CharField(_("bên hỗ trợ"), max_length=200)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("tổ chức"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    support_type = models.CharField(_("loại hỗ trợ"), max_length=20, choices=SupportType.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    rows = models.PositiveIntegerField(_("số dòng"), default=0)
    imported_at = models.DateTimeField(_("nhập lúc"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("danh sách nhập")
        verbose_name_plural = _("danh sách nhập")
        ordering = ["-imported_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="list_period_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def audit_units(self) -> Units:
        return self.province_id, self.commune_id, None


class ListEntry(models.Model):
    """One person on an imported list, as written there (only ``commune`` is resolved)."""

    imported_list = models.ForeignKey(
        ImportedList, verbose_name=_("danh sách"), on_delete=models.CASCADE,
        related_name="entries",
    )  # fmt: skip
    row_number = models.PositiveIntegerField(_("dòng"))
    full_name = models.CharField(_("họ và tên"), max_length=100)
    birth_on = models.DateField(_("ngày sinh"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    id_number = models.CharField(_("số định danh / CMND"), max_length=12, blank=True)
    sex = models.CharField(_("giới tính"), max_length=6, blank=True)
    commune_text = models.CharField(_("xã (như ghi)"), max_length=100, blank=True)
    village_text = models.CharField(_("thôn (như ghi)"), max_length=100, blank=True)
    commune = models.ForeignKey(
        Commune, verbose_name=_("xã, phường hiện nay"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    commune_codes = models.JSONField(_("mã xã có thể"), default=list, blank=True)
    amount_vnd = models.BigIntegerField(_("số tiền (đồng)"), null=True, blank=True)
    delivered_on = models.DateField(_("ngày nhận"), null=True, blank=True)

    class Meta:
        verbose_name = _("dòng danh sách")
        verbose_name_plural = _("dòng danh sách")
        ordering = ["imported_list", "row_number"]
        constraints = [
            models.UniqueConstraint(fields=["imported_list", "row_number"], name="entry_row_unique")
        ]

    def __str__(self) -> str:
        return f"{self.imported_list_id}:{self.row_number} {self.full_name}"

    @property
    def key(self) -> int:
        return 2 * self.pk + 1

    def audit_units(self) -> Units:
        lst = self.imported_list
        return lst.province_id, self.commune_id or lst.commune_id, None


class Cluster(models.Model):
    """One person as linkage sees them. Ids are never reused; a merged cluster points at
    the one it was merged into (and is emptied) until the merge is undone."""

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    merged_into = models.ForeignKey(
        "self", verbose_name=_("đã gộp vào"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("nhóm bản ghi cùng một người")
        verbose_name_plural = _("nhóm bản ghi cùng một người")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"#{self.pk}"

    def audit_units(self) -> Units:
        return self.province_id, None, None


class ClusterMember(models.Model):
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("nhóm"), on_delete=models.PROTECT, related_name="records"
    )
    member = models.OneToOneField(
        Member, verbose_name=_("nhân khẩu"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="linkage",
    )  # fmt: skip
    entry = models.OneToOneField(
        ListEntry, verbose_name=_("dòng danh sách"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="linkage",
    )  # fmt: skip

    class Meta:
        verbose_name = _("bản ghi trong nhóm")
        verbose_name_plural = _("bản ghi trong nhóm")
        constraints = [
            models.CheckConstraint(
                condition=Q(member__isnull=True, entry__isnull=False)
                | Q(member__isnull=False, entry__isnull=True),
                name="cluster_record_is_member_or_entry",
            )
        ]

    def __str__(self) -> str:
        return f"{self.cluster_id}: {self.key}"

    @property
    def key(self) -> int:
        return 2 * self.member_id if self.member_id else 2 * (self.entry_id or 0) + 1


class PairStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xem xét")
    MERGED = "merged", _("Cùng một người (đã gộp)")
    NOT_SAME = "not_same", _("Không phải cùng một người")
    UNSURE = "unsure", _("Chưa chắc chắn")


class CandidatePair(models.Model):
    """Two records in different clusters that may be the same person, with the model's
    explanation (the level each field reached and its weight)."""

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="+"
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("xã, phường"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    left_key = models.BigIntegerField(_("bản ghi trái"))
    right_key = models.BigIntegerField(_("bản ghi phải"))
    match_weight = models.FloatField(_("trọng số khớp"))
    match_probability = models.FloatField(_("xác suất khớp"))
    explanation = models.JSONField(_("giải thích"), default=list)
    model = models.CharField(_("mô hình"), max_length=32)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PairStatus.choices, default=PairStatus.PENDING
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("cặp nghi trùng")
        verbose_name_plural = _("cặp nghi trùng")
        ordering = ["-match_probability", "id"]
        constraints = [
            models.UniqueConstraint(fields=["left_key", "right_key"], name="pair_unique"),
            models.CheckConstraint(condition=Q(left_key__lt=models.F("right_key")),
                                   name="pair_ordered"),
        ]  # fmt: skip
        indexes = [models.Index(fields=["status", "commune"])]

    def __str__(self) -> str:
        return f"{self.left_key}~{self.right_key}"

    def audit_units(self) -> Units:
        return self.province_id, self.commune_id, None


class Decision(models.TextChoices):
    MERGE = "merge", _("Gộp: cùng một người")
    NOT_SAME = "not_same", _("Không phải cùng một người")
    UNSURE = "unsure", _("Chưa chắc chắn")


class ReviewDecision(models.Model):
    pair = models.ForeignKey(
        CandidatePair, verbose_name=_("cặp"), on_delete=models.PROTECT, related_name="decisions"
    )
    decision = models.CharField(_("quyết định"), max_length=10, choices=Decision.choices)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    moved = models.JSONField(_("bản ghi đã chuyển nhóm"), default=list, blank=True)
    merged_from = models.ForeignKey(
        Cluster, verbose_name=_("nhóm bị gộp"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField(_("quyết định lúc"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người quyết định"), null=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    undone_at = models.DateTimeField(_("huỷ lúc"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người huỷ"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("quyết định đối soát")
        verbose_name_plural = _("quyết định đối soát")
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.pair_id}: {self.decision}"

    def audit_units(self) -> Units:
        return self.pair.audit_units()
