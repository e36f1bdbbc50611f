"""Included by ``giamngheo.web.urls`` at ``chuong-trinh/`` inside the ``web`` namespace."""

from django.urls import path

from giamngheo.web.pages.programmes import (
    budget,
    campaigns,
    delivery,
    enrolment,
    housing,
    levels,
    livelihood,
    overview,
    publish,
    reports,
    structure,
)

urlpatterns = [
    path("", overview.programmes_home, name="programmes"),
    path("mau/<slug:what>/", overview.template_load, name="programmes-template"),
    path("moi/", structure.programme_new, name="programmes-programme-new"),
    path("<int:pk>/sua/", structure.programme_edit, name="programmes-programme-edit"),
    path("du-an/", structure.structure_list, name="programmes-structure"),
    path("<int:programme_pk>/du-an/moi/", structure.project_new, name="programmes-project-new"),
    path("du-an/<int:pk>/sua/", structure.project_edit, name="programmes-project-edit"),
    path(
        "du-an/<int:project_pk>/tieu-du-an/moi/",
        structure.sub_project_new,
        name="programmes-sub-project-new",
    ),
    path(
        "tieu-du-an/<int:pk>/sua/", structure.sub_project_edit, name="programmes-sub-project-edit"
    ),
    path("kinh-phi/", budget.budget_list, name="programmes-budget"),
    path("kinh-phi/moi/", budget.budget_line_new, name="programmes-budget-new"),
    path("kinh-phi/<int:pk>/sua/", budget.budget_line_edit, name="programmes-budget-edit"),
    path("mo-hinh/", livelihood.livelihood_list, name="programmes-livelihood"),
    path("mo-hinh/moi/", livelihood.livelihood_new, name="programmes-livelihood-new"),
    path("mo-hinh/<int:pk>/sua/", livelihood.livelihood_edit, name="programmes-livelihood-edit"),
    path("quy-tac/moi/", publish.rule_publish, name="programmes-rule-publish"),
    path("muc-ho-tro/moi/", levels.level_publish, name="programmes-level-publish"),
    path("ghi-danh/", enrolment.enrolment_page, name="programmes-enrolment"),
    path("ghi-danh/<uuid:job_id>/", enrolment.enrolment_job, name="programmes-enrolment-job"),
    path("ho-tro/", delivery.support_page, name="programmes-support"),
    path("dot/", reports.campaign_list, name="programmes-campaigns"),
    path("dot/moi/", campaigns.campaign_new, name="programmes-campaign-new"),
    path("dot/thuong-nien/", campaigns.campaigns_yearly, name="programmes-campaigns-yearly"),
    path("dot/<int:pk>/", reports.campaign_detail, name="programmes-campaign"),
    path("nha-o/<int:pk>/tien-do/", housing.housing_stage, name="programmes-housing-stage"),
    path("nha-o/", reports.housing_page, name="programmes-housing"),
    path(
        "quy-tac/<int:rule_pk>/ho/<int:household_pk>/",
        reports.eligibility_page,
        name="programmes-eligibility",
    ),
]
