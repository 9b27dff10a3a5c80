from django.urls import path

from . import admin_views

urlpatterns = [
    path("compose/", admin_views.compose, name="compose"),
    path("issues/<int:pk>/send/", admin_views.send_page, name="send"),
    path("issues/<int:pk>/progress/", admin_views.progress_json, name="progress"),
    path("issues/<int:pk>/preview/<str:kind>/", admin_views.preview, name="preview"),
    path("subscribers/import/", admin_views.import_view, name="import"),
    path("subscribers/export/", admin_views.export_view, name="export"),
]
