"""Users, their role and scope, the organisations they act for, sign-in failures (lockout)
and API tokens."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import ROLE_SCOPE_LEVELS, OrganisationKind, Role, ScopeLevel
from giamngheo.apps.geo.models import Commune, Province, Village


class Organisation(models.Model):
    """A mass organisation, business or donor whose officers record donations and support."""

    kind = models.CharField(_("loại"), max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(_("tên"), max_length=200, unique=True)
    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("tổ chức")
        verbose_name_plural = _("tổ chức")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(_("vai trò"), max_length=24, choices=Role.choices, blank=True)
    scope_province = models.ForeignKey(
        Province,
        verbose_name=_("phạm vi: tỉnh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scope_commune = models.ForeignKey(
        Commune,
        verbose_name=_("phạm vi: xã, phường"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scope_village = models.ForeignKey(
        Village,
        verbose_name=_("phạm vi: thôn, tổ dân phố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("tổ chức"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="officers",
    )

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            models.CheckConstraint(
                condition=Q(scope_village__isnull=True) | Q(scope_commune__isnull=False),
                name="user_scope_village_has_commune",
            ),
            models.CheckConstraint(
                condition=Q(scope_commune__isnull=True) | Q(scope_province__isnull=False),
                name="user_scope_commune_has_province",
            ),
        ]

    @property
    def scope_level(self) -> ScopeLevel:
        if self.scope_village_id:
            return ScopeLevel.VILLAGE
        if self.scope_commune_id:
            return ScopeLevel.COMMUNE
        if self.scope_province_id:
            return ScopeLevel.PROVINCE
        return ScopeLevel.COUNTRY

    def clean(self) -> None:
        super().clean()
        self._fill_parent_units()
        if self.role and self.scope_level not in ROLE_SCOPE_LEVELS[self.role]:
            raise ValidationError(
                {"role": _("Vai trò này không dùng được với phạm vi %(level)s.")},
                params={"level": ScopeLevel(self.scope_level).label},
            )
        if self.role == Role.ORGANISATION_OFFICER and self.organisation_id is None:
            raise ValidationError({"organisation": _("Cán bộ tổ chức phải thuộc một tổ chức.")})

    def audit_units(self) -> tuple[int | None, int | None, int | None]:
        return self.scope_province_id, self.scope_commune_id, self.scope_village_id

    def scope_set(self, unit: Province | Commune | Village | None) -> None:
        """Scope the user to a unit (``None``: the whole country); parents follow on clean."""
        self.scope_village = unit if isinstance(unit, Village) else None
        self.scope_commune = unit if isinstance(unit, Commune) else None
        self.scope_province = unit if isinstance(unit, Province) else None

    def _fill_parent_units(self) -> None:
        if self.scope_village is not None:
            self.scope_commune_id = self.scope_village.commune_id
        if self.scope_commune is not None:
            self.scope_province_id = self.scope_commune.province_id


class LoginFailure(models.Model):
    """One failed sign-in; enough recent ones lock the account name and the address."""

    username = models.CharField(_("tên đăng nhập"), max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("lần đăng nhập sai")
        verbose_name_plural = _("lần đăng nhập sai")
        indexes = [models.Index(fields=["ip_address", "at"])]

    def __str__(self) -> str:
        return f"{self.username} {self.at:%Y-%m-%d %H:%M}"


class ApiToken(models.Model):
    """A bearer token for the API. Only a SHA-256 digest of the secret is stored."""

    user = models.ForeignKey(
        User, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("tên"), max_length=100)
    prefix = models.CharField(_("tiền tố"), max_length=8, unique=True)
    digest = models.CharField(_("mã băm"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("khoá API")
        verbose_name_plural = _("khoá API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
