"""The site's addresses with a language prefix on pages, as a translated newsroom would serve them."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls

from masthead.urls import urlpatterns as site_urlpatterns

# Everything the site serves, with Wagtail's catch-all pages (the last
# pattern) moved under a language prefix.
urlpatterns = [
    *site_urlpatterns[:-1],
    *i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False),
]
