"""Included by ``giamngheo.web.urls`` at ``theo-doi/`` inside the ``web`` namespace."""

from django.urls import include, path

from giamngheo.web.pages.monitoring import dashboard, targets

urlpatterns = [
    path("", dashboard.monitoring_home, name="monitoring"),
    path("tinh/<str:code>/", dashboard.province_page, name="monitoring-province"),
    path("xa/<str:code>/", dashboard.commune_page, name="monitoring-commune"),
    path("thon/<str:code>/", dashboard.village_page, name="monitoring-village"),
    path("chi-tieu/", targets.targets_page, name="monitoring-targets"),
    path("bao-cao/", include("giamngheo.web.pages.monitoring.export_urls")),
]
