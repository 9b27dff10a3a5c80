"""Template tags: the article's audio player and the links advertising the podcast feeds."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from masthead.articles.models import ArticlePage, HomePage, SectionPage
from masthead.core.middleware import newsroom_for

from ..feeds import narration_url
from ..narrating import live_narration

register = template.Library()


def clock(seconds: float) -> str:
    """``754`` → "12:34"; an hour or more → "1:02:03"."""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


@register.inclusion_tag("audio/player.html", takes_context=True)
def article_audio(context: template.Context, page: ArticlePage) -> dict:
    """The audio version of a live article, above its body: nothing until its narration is ready."""
    request = context.get("request")
    if page.pk is None or not page.live or (request is not None and getattr(request, "is_preview", False)):
        return {}
    narration = live_narration(page)
    if narration is None:
        return {}
    section = page.section
    return {
        "narration": narration,
        "opus_url": narration_url(narration, "opus"),
        "mp3_url": narration_url(narration, "mp3"),
        "duration": clock(narration.duration_seconds),
        "duration_iso": f"PT{round(narration.duration_seconds)}S",
        "podcast_url": reverse("audio:section-podcast", kwargs={"slug": section.slug})
        if isinstance(section, SectionPage)
        else reverse("audio:podcast"),
        "article_pk": page.pk,
    }


@register.inclusion_tag("audio/podcast_links.html", takes_context=True)
def podcast_links(context: template.Context) -> dict:
    """``<link rel="alternate">`` to the podcast of the site, and of the section a page belongs to."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or request is None:
        return {}
    newsroom = newsroom_for(request).name
    links = []
    section = page if isinstance(page, SectionPage) else getattr(page, "section", None)
    if isinstance(section, SectionPage):
        links.append(
            (
                _("%(newsroom)s: %(section)s, audio articles (podcast)")
                % {"newsroom": newsroom, "section": section.title},
                reverse("audio:section-podcast", kwargs={"slug": section.slug}),
            )
        )
    if isinstance(page, HomePage | SectionPage | ArticlePage):
        links.append(
            (_("%(newsroom)s: audio articles (podcast)") % {"newsroom": newsroom}, reverse("audio:podcast"))
        )
    return {"links": links}
