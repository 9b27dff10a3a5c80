"""The site's addresses with a language prefix on pages, as a translated newsroom would serve them."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [
    path("", include("masthead.discovery.urls")),
    path("news-feed/", include("masthead.newsfeed.urls")),
    *i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False),
]
