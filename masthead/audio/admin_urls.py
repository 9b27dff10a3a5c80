from django.urls import path, re_path

from . import admin_views

urlpatterns = [
    path("", admin_views.narration_index, name="index"),
    path("article/<int:page_id>/", admin_views.article_audio, name="article"),
    re_path(r"^narration/(?P<pk>[0-9]+)\.(?P<fmt>opus|mp3)$", admin_views.narration_file, name="file"),
]
