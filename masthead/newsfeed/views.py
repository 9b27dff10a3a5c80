"""Reader-facing News Feed pages: the running feed, one day, one item."""

from datetime import date, datetime, time, timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from masthead.core.pagination import paginate

from .models import NewsItem

ITEMS_PER_PAGE = 50


def feed_page(request: HttpRequest) -> HttpResponse:
    """Every item, newest first, grouped by day, paginated into the archive."""
    items = paginate(request, NewsItem.objects.published().select_related("article"), ITEMS_PER_PAGE)
    return TemplateResponse(request, "newsfeed/feed_page.html", {"items": items})


def day_page(request: HttpRequest, year: int, month: int, day: int) -> HttpResponse:
    """The items of one day in the newsroom's time zone, with links to the days around it."""
    try:
        the_day = date(year, month, day)
    except ValueError as error:
        raise Http404(_("There is no such day.")) from error
    zone = timezone.get_current_timezone()
    start = datetime.combine(the_day, time.min, tzinfo=zone)
    end = datetime.combine(the_day + timedelta(days=1), time.min, tzinfo=zone)
    published = NewsItem.objects.published()
    items = published.filter(posted_at__gte=start, posted_at__lt=end).select_related("article")
    earlier = published.filter(posted_at__lt=start).first()
    later = published.filter(posted_at__gte=end).last()
    context = {
        "day": the_day,
        "items": items,
        "earlier_day": timezone.localtime(earlier.posted_at).date() if earlier else None,
        "later_day": timezone.localtime(later.posted_at).date() if later else None,
    }
    return TemplateResponse(request, "newsfeed/day_page.html", context)


def item_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The permanent address of one item."""
    item = get_object_or_404(NewsItem.objects.published().select_related("article"), pk=pk)
    return TemplateResponse(request, "newsfeed/item_page.html", {"item": item})
