from django.urls import path

from giamngheo.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("chuan-ngheo/", views.standards, name="standards"),
]
