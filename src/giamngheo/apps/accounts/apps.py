from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "giamngheo.apps.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        from giamngheo.apps.accounts import lockout  # noqa: F401 - connects the signal receivers
