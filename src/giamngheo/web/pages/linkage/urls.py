"""Included by ``giamngheo.web.urls`` at ``doi-soat/`` inside the ``web`` namespace."""

from django.urls import path

from giamngheo.web.pages.linkage import lists, queue, reports

urlpatterns = [
    path("", queue.queue_page, name="linkage"),
    path("chay/", queue.run_page, name="linkage-run"),
    path("cap/<int:pk>/", queue.decide_page, name="linkage-decide"),
    path("quyet-dinh/<int:pk>/huy/", queue.undo_page, name="linkage-undo"),
    path("danh-sach/", lists.lists_page, name="linkage-lists"),
    path("danh-sach/loi/", lists.problems_page, name="linkage-list-problems"),
    path("trung-lap/", reports.overlaps_page, name="linkage-overlaps"),
    path("bo-sot/", reports.omissions_page, name="linkage-omissions"),
]
