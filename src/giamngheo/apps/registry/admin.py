"""Admin pages for the registry; every save and delete goes through the audited services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.forms import ModelForm
from django.http import HttpRequest

from giamngheo.apps.audit.services import audited_delete, audited_save
from giamngheo.apps.registry.models import Household, Member, Survey


class AuditedAdmin[M: models.Model](admin.ModelAdmin[M]):
    def save_model(self, request: HttpRequest, obj: M, form: ModelForm[M], change: bool) -> None:
        with transaction.atomic():
            audited_save(instance=obj, summary="Sửa qua trang quản trị")

    def delete_model(self, request: HttpRequest, obj: M) -> None:
        with transaction.atomic():
            audited_delete(instance=obj, summary="Xoá qua trang quản trị")

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        with transaction.atomic():
            for obj in formset.save(commit=False):
                audited_save(instance=obj, summary="Sửa qua trang quản trị")
            for obj in formset.deleted_objects:
                audited_delete(instance=obj, summary="Xoá qua trang quản trị")

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with transaction.atomic():
            for obj in queryset:
                audited_delete(instance=obj, summary="Xoá qua trang quản trị")


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


@admin.register(Member)
class MemberAdmin(AuditedAdmin[Member]):
    list_display = ("full_name", "household", "sex", "relation", "ethnicity")
    list_filter = ("sex", "relation", "ethnicity", "disability")
    search_fields = ("full_name", "household__code")
    raw_id_fields = ("household",)


@admin.register(Survey)
class SurveyAdmin(AuditedAdmin[Survey]):
    list_display = ("household", "year", "kind", "surveyed_on", "income_vnd", "income_score")
    list_filter = ("year", "kind")
    search_fields = ("household__code",)
    raw_id_fields = ("household",)
