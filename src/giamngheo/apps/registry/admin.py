"""Admin pages for the registry; every save and delete goes through the audited services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_require
from giamngheo.apps.audit.services import audited_delete, audited_save
from giamngheo.apps.registry.models import Household, Member, Survey
from giamngheo.apps.registry.selectors import households_visible, members_visible, surveys_visible


class AuditedAdmin[M: models.Model](admin.ModelAdmin[M]):
    """Saves and deletes through the audit trail, refusing records outside the user's scope
    (the lists are already filtered by the registry selectors)."""

    def save_model(self, request: HttpRequest, obj: M, form: ModelForm[M], change: bool) -> None:
        _require_in_scope(request, obj)
        with transaction.atomic():
            audited_save(instance=obj, summary="Sửa qua trang quản trị")

    def delete_model(self, request: HttpRequest, obj: M) -> None:
        with transaction.atomic():
            audited_delete(instance=obj, summary="Xoá qua trang quản trị")

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        with transaction.atomic():
            for obj in formset.save(commit=False):
                _require_in_scope(request, obj)
                audited_save(instance=obj, summary="Sửa qua trang quản trị")
            for obj in formset.deleted_objects:
                audited_delete(instance=obj, summary="Xoá qua trang quản trị")

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with transaction.atomic():
            for obj in queryset:
                audited_delete(instance=obj, summary="Xoá qua trang quản trị")


def _require_in_scope(request: HttpRequest, obj: models.Model) -> None:
    village = getattr(obj, "village", None) or getattr(
        getattr(obj, "household", None), "village", None
    )
    scope_require(request.user, Capability.REGISTRY_EDIT, village=village)


class MemberInline(admin.TabularInline[Member, Household]):
    model = Member
    extra = 0
    fields = ("full_name", "sex", "birth_on", "relation", "ethnicity", "citizen_id")
    show_change_link = True


@admin.register(Household)
class HouseholdAdmin(AuditedAdmin[Household]):
    list_display = ("code", "village", "area", "address")
    list_filter = ("area", "province")
    search_fields = ("code", "address", "village__name")
    autocomplete_fields = ("village",)
    list_select_related = ("village", "village__commune")
    inlines = [MemberInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Household]:
        return households_visible(user=request.user)


@admin.register(Member)
class MemberAdmin(AuditedAdmin[Member]):
    list_display = ("full_name", "household", "sex", "relation", "ethnicity")
    list_filter = ("sex", "relation", "ethnicity", "disability")
    search_fields = ("household__code",)  # not names: admin search terms go into the URL
    raw_id_fields = ("household",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Member]:
        return members_visible(user=request.user)


@admin.register(Survey)
class SurveyAdmin(AuditedAdmin[Survey]):
    list_display = ("household", "year", "kind", "surveyed_on", "income_vnd", "income_score")
    list_filter = ("year", "kind")
    search_fields = ("household__code",)
    raw_id_fields = ("household",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Survey]:
        return surveys_visible(user=request.user)
