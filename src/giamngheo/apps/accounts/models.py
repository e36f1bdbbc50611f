"""Users. Roles and scopes arrive with the accounts issue; the model exists from the first
migration so that ``AUTH_USER_MODEL`` never has to change under existing data."""

from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
