"""The site's search page."""

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Site

from masthead.articles.models import SectionPage, attach_sections
from masthead.core.pagination import paginate

from .forms import SearchForm
from .highlight import mark, snippet, words_pattern
from .queries import ArticleSearch
from .words import search_words

RESULTS_PER_PAGE = 10


def search(request: HttpRequest) -> HttpResponse:
    """Live articles matching the reader's words, best match first, filtered and paginated.

    A form with mistakes (a bad date, an unknown section) is shown again
    with its messages and a 400; nothing is searched.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    sections = list(SectionPage.objects.live().child_of(site.root_page).order_by("path"))
    form = SearchForm(request.GET, sections)
    context = {"form": form, "words": None, "results": None, "any_word": False}
    if not form.is_valid():
        return TemplateResponse(request, "search/search_page.html", context, status=400)

    words = search_words(form.cleaned_data["q"])
    context["words"] = words
    if words:
        search = ArticleSearch(
            root=site.root_page,
            words=words,
            section=form.chosen_section,
            published_from=form.cleaned_data["from"],
            published_to=form.cleaned_data["to"],
            newest_first=form.cleaned_data["sort"] == "newest",
        )
        results, context["any_word"] = search.run()
        page = paginate(request, results, RESULTS_PER_PAGE)
        pattern = words_pattern(words.words)
        articles = attach_sections(list(page.object_list))
        for article in articles:
            article.marked_title = mark(article.title, pattern)
            article.snippet = snippet(article, words.words)
        context["results"] = page
        context["articles"] = articles
        query = request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
    return TemplateResponse(request, "search/search_page.html", context)
