"""Included as ``ra-soat/`` inside the ``web`` namespace (names ``web:review-…``)."""

from django.urls import path

from giamngheo.web.pages.review import campaigns, documents, reports, village

urlpatterns = [
    path("", campaigns.campaign_list, name="review-campaigns"),
    path("<int:pk>/", campaigns.campaign_detail, name="review-campaign"),
    path("<int:pk>/mau-phieu.xlsx", campaigns.import_template, name="review-template"),
    path("<int:pk>/bao-cao/", reports.report_list, name="review-reports"),
    path("<int:pk>/bao-cao/<slug:slug>.xlsx", reports.report_download, name="review-report"),
    path("<int:pk>/xa/<int:commune_id>/", campaigns.commune_detail, name="review-commune"),
    path(
        "<int:pk>/xa/<int:commune_id>/<slug:action>/",
        campaigns.commune_action,
        name="review-commune-action",
    ),
    path("<int:pk>/thon/<int:village_id>/", village.village_detail, name="review-village"),
    path("ho/<int:entry_id>/phieu/", village.entry_survey, name="review-survey"),
    path("khieu-nai/<int:pk>/phuc-tra/", village.complaint_recheck, name="review-recheck"),
    path("loi-nhap/<uuid:job_id>/", campaigns.import_errors, name="review-import-errors"),
    path("bien-ban/<int:pk>/", documents.minutes, name="review-minutes"),
    path("niem-yet/<slug:slug>/", documents.posting_public, name="review-posting"),
    path("ban-niem-yet/<int:pk>/", documents.posting_sheet, name="review-posting-sheet"),
    path("quyet-dinh/<int:pk>/", documents.decision, name="review-decision"),
    path(
        "quyet-dinh/<int:pk>/giay-chung-nhan/",
        documents.certificates,
        name="review-certificates",
    ),
    path("lich-su/<int:household_id>/", documents.history, name="review-history"),
    path("bien-dong/", documents.transitions, name="review-transitions"),
]
