"""Sign-in and sign-out. Django's views, with a form that says when an account is locked."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.lockout import client_address, login_locked


class LockoutAwareForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _(
            "Tài khoản tạm thời bị khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau "
            "%(minutes)s phút hoặc liên hệ quản trị hệ thống."
        ),
    }

    def clean(self) -> dict[str, Any]:
        from django.conf import settings

        username = self.cleaned_data.get("username") or ""
        if login_locked(username=username, ip_address=client_address(self.request)):
            raise ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": settings.LOGIN_LOCKOUT_MINUTES},
            )
        return super().clean()


class SignInView(auth_views.LoginView):
    template_name = "web/login.html"
    authentication_form = LockoutAwareForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass
