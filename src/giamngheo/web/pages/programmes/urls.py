"""Included by ``giamngheo.web.urls`` at ``chuong-trinh/`` inside the ``web`` namespace."""

from django.urls import path

from giamngheo.web.pages.programmes import (
    campaigns,
    delivery,
    enrolment,
    housing,
    levels,
    overview,
    publish,
    reports,
)

urlpatterns = [
    path("", overview.programmes_home, name="programmes"),
    path("mau/<slug:what>/", overview.template_load, name="programmes-template"),
    path("quy-tac/moi/", publish.rule_publish, name="programmes-rule-publish"),
    path("muc-ho-tro/moi/", levels.level_publish, name="programmes-level-publish"),
    path("ghi-danh/", enrolment.enrolment_page, name="programmes-enrolment"),
    path("ho-tro/", delivery.support_page, name="programmes-support"),
    path("dot/", reports.campaign_list, name="programmes-campaigns"),
    path("dot/moi/", campaigns.campaign_new, name="programmes-campaign-new"),
    path("dot/<int:pk>/", reports.campaign_detail, name="programmes-campaign"),
    path("nha-o/<int:pk>/tien-do/", housing.housing_stage, name="programmes-housing-stage"),
    path("nha-o/", reports.housing_page, name="programmes-housing"),
    path(
        "quy-tac/<int:rule_pk>/ho/<int:household_pk>/",
        reports.eligibility_page,
        name="programmes-eligibility",
    ),
]
