"""Pagination that answers a bad page number with a 404, never a 500."""

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _


def paginate(request: HttpRequest, items: QuerySet, per_page: int) -> Page:
    """Return the page of ``items`` named by the ``page`` query parameter.

    A missing parameter means page 1; a malformed or out-of-range one is a 404
    (so crawlers do not index endless empty pages).
    """
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", "1")
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404(_("There is no page %(number)s of this list.") % {"number": number[:20]}) from error
