from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("news-feed/", include("masthead.newsfeed.urls")),
    path("newsletters/", include("masthead.newsletters.urls")),
    path("search/", include("masthead.search.urls")),
    path("audio/", include("masthead.audio.urls")),
    path("support/", include("masthead.revenue.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("masthead.discovery.urls")),
]

if getattr(settings, "SERVE_MEDIA", False) or settings.DEBUG:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [path("", include(wagtail_urls))]
