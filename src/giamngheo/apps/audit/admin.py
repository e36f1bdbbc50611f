from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.audit.selectors import audit_events


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ("at", "action", "target_type", "target_id", "actor", "actor_label", "summary")
    list_filter = ("action", "target_type")
    search_fields = ("target_id", "summary")
    date_hierarchy = "at"

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEvent]:
        return audit_events(user=request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
