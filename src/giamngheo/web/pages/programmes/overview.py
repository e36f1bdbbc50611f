"""Programmes with their projects, the eligibility rules and the support levels in force."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.programmes.selectors import levels_current, programmes_visible, rules_visible
from giamngheo.apps.programmes.services import levels_template_load, programme_template_load
from giamngheo.web.pages.programmes.common import province_of, require


@login_required
def programmes_home(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    context = {
        "programmes": programmes_visible(user=request.user),
        "rules": rules_visible(user=request.user).order_by("code", "-version"),
        "levels": sorted(levels_current(user=request.user), key=lambda lv: lv.code),
        "can_manage": scope_of(request.user).can(Capability.PROGRAMMES_MANAGE),
    }
    return render(request, "web/programmes/home.html", context)


@login_required
@require_POST
def template_load(request: HttpRequest, what: str) -> HttpResponse:
    """Load QĐ90's programme or the default levels into the officer's province."""
    require(request, Capability.PROGRAMMES_MANAGE)
    province = province_of(request.user)
    try:
        if province is None:
            raise ValidationError(_("Chỉ cán bộ cấp tỉnh nạp được mẫu."))
        if what == "qd90":
            programme_template_load(actor=request.user, province=province)
        else:
            levels_template_load(actor=request.user, province=province)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Đã nạp mẫu."))
    return redirect("web:programmes")
