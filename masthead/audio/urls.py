"""Article audio for readers: narration files, podcast feeds and the podcast's cover."""

from django.urls import path, re_path

from . import feeds, views

app_name = "audio"

urlpatterns = [
    re_path(r"^(?P<pk>[0-9]+)-(?P<key>[0-9a-f]{16})\.(?P<fmt>opus|mp3)$", views.narration_file, name="file"),
    path("podcast.xml", feeds.PodcastFeed(), name="podcast"),
    re_path(r"^podcast/section/(?P<slug>[-\w]+)\.xml$", feeds.PodcastFeed(), name="section-podcast"),
    path("podcast/cover.png", views.podcast_cover, name="cover"),
]
