"""Template tags for the pieces every newsroom page shares."""

from django import template
from django.http import HttpRequest
from wagtail.models import Site

from masthead.articles.models import EditorsPicks, HomePage, SectionPage

register = template.Library()


@register.simple_tag(takes_context=True)
def site_sections(context: template.Context) -> list[SectionPage]:
    """The live sections under the current site's home page, in menu order."""
    request: HttpRequest | None = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return list(
        SectionPage.objects.live()
        .in_menu()
        .child_of(site.root_page)
        .order_by("path")
        .only("title", "url_path")
    )


@register.inclusion_tag("components/editors_picks.html", takes_context=True)
def editors_picks(context: template.Context, exclude_pk: int | None = None) -> dict:
    """The Editors' Picks box: the curated articles, in the editors' order."""
    request = context["request"]
    articles = [a for a in EditorsPicks.for_request(request).articles() if a.pk != exclude_pk]
    return {"request": request, "picks": articles}


@register.simple_tag(takes_context=True)
def tag_url(context: template.Context, tag) -> str:
    """The address of the page listing every article with ``tag``."""
    site = Site.find_for_request(context["request"])
    root_url = site.root_page.get_url(context["request"]) if site else "/"
    return root_url + HomePage().reverse_subpage("tag", kwargs={"tag": tag.slug})
