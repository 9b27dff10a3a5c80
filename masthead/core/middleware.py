"""Request-wide behaviour shared by every page of the site."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from .models import NewsroomSettings


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
        newsroom = NewsroomSettings.for_request(request)
        timezone.activate(newsroom.time_zone)
        translation.activate(newsroom.language)
        request.LANGUAGE_CODE = newsroom.language
        try:
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", newsroom.language)
            return response
        finally:
            timezone.deactivate()
