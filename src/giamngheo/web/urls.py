from django.urls import include, path

from giamngheo.web import views
from giamngheo.web.pages import audit, auth, classification, households, jobs

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("chuan-ngheo/", views.standards, name="standards"),
    path("dang-nhap/", auth.SignInView.as_view(), name="login"),
    path("dang-xuat/", auth.SignOutView.as_view(), name="logout"),
    path("ho/", households.household_list, name="households"),
    path("ho/<int:pk>/", households.household_detail, name="household"),
    path("nhat-ky/", audit.audit_list, name="audit"),
    path("phan-loai/", classification.classification_start, name="classification"),
    path("cong-viec/<uuid:job_id>/", jobs.job_progress, name="job-progress"),
    path("chuong-trinh/", include("giamngheo.web.pages.programmes.urls")),
    path("ra-soat/", include("giamngheo.web.pages.review.urls")),
    path("doi-soat/", include("giamngheo.web.pages.linkage.urls")),
    path("nguon-von/", include("giamngheo.web.pages.funds.urls")),
    path("theo-doi/", include("giamngheo.web.pages.monitoring.urls")),
]
