"""Request-wide behaviour shared by every page of the site."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .models import NewsroomSettings


class NewsroomTimeZoneMiddleware:
    """Show every time on the site in the newsroom's own time zone.

    Times are stored in UTC; the zone is a site setting, so it is looked up
    once per request (Wagtail caches the setting on the request).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(("/admin/", "/static/", "/media/")):
            return self.get_response(request)
        newsroom = NewsroomSettings.for_request(request)
        timezone.activate(newsroom.time_zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
