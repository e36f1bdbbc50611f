from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkageConfig(AppConfig):
    name = "giamngheo.apps.linkage"
    label = "linkage"
    verbose_name = _("Đối soát, chống trùng lặp và bỏ sót")
