"""Request-wide behaviour shared by every page of the site."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from .models import NewsroomSettings


def newsroom_for(request: HttpRequest) -> NewsroomSettings:
    """The settings of the site a request is for; the defaults when no site matches.

    ``for_request`` keeps the settings on the request, so the templates'
    ``settings`` context reuses them without another query.
    """
    if Site.find_for_request(request) is None:
        return NewsroomSettings.of(None)
    return NewsroomSettings.for_request(request)


class NewsroomLocaleMiddleware:
    """Speak the newsroom's language and show times in its time zone.

    Times are stored in UTC; the zone and language are site settings, looked
    up once per request (Wagtail caches the setting on the request). The admin
    keeps each editor's own language and zone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(("/admin/", "/static/", "/media/")):
            return self.get_response(request)
        newsroom = newsroom_for(request)
        timezone.activate(newsroom.time_zone)
        translation.activate(newsroom.language)
        request.LANGUAGE_CODE = newsroom.language
        try:
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", newsroom.language)
            return response
        finally:
            # The thread's next request (or task) starts from the project's defaults.
            timezone.deactivate()
            translation.deactivate()


class PublicCacheMiddleware:
    """Let browsers and a CDN keep public pages for a short while.

    A successful GET by a reader without a session (no sign-in, no unlocked
    private page) gets ``Cache-Control: public, max-age=PUBLIC_CACHE_SECONDS``;
    anyone with a session (a signed-in editor sees the user bar) gets
    ``private, no-cache``. The decision reads the cookie, not the session, so
    readers' pages do not vary on cookies. With Django's
    ``ConditionalGetMiddleware`` (ETag, 304) repeat visits are cheap.
    Responses that set their own ``Cache-Control`` or a cookie are left alone.
    """

    EXCLUDED_PREFIXES = ("/admin/", "/documents/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD")
            or request.path.startswith(self.EXCLUDED_PREFIXES)
            or "Cache-Control" in response.headers
            or response.cookies
        ):
            return response
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code == 200:
            seconds = settings.PUBLIC_CACHE_SECONDS
            patch_cache_control(response, public=True, max_age=seconds, stale_while_revalidate=seconds)
        return response
