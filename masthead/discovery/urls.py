"""Discovery's addresses: feeds, sitemaps, robots.txt and sharing (see the README's "Discovery")."""

from django.urls import path, re_path

from . import feeds, views

app_name = "discovery"

# Wagtail allows letters of any script in slugs, and so do these routes.
SLUG = r"(?P<slug>[-\w]+)"


def feed_routes(prefix: str, kind: str) -> list:
    """``rss.xml``, ``atom.xml`` and ``feed.json`` under ``prefix``, named ``<kind>-<format>``."""
    scope = {"kind": kind}
    return [
        re_path(rf"^{prefix}rss\.xml$", feeds.ArticleRssFeed(), scope, name=f"{kind}-rss"),
        re_path(rf"^{prefix}atom\.xml$", feeds.ArticleAtomFeed(), scope, name=f"{kind}-atom"),
        re_path(rf"^{prefix}feed\.json$", feeds.json_feed, scope, name=f"{kind}-json"),
    ]


urlpatterns = [
    *feed_routes("feeds/", "site"),
    *feed_routes(rf"feeds/section/{SLUG}/", "section"),
    *feed_routes(rf"feeds/author/{SLUG}/", "author"),
    *feed_routes(rf"feeds/tag/{SLUG}/", "tag"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemaps/pages.xml", views.sitemap_pages, name="sitemap-pages"),
    path("sitemaps/tags.xml", views.sitemap_tags, name="sitemap-tags"),
    re_path(rf"^sitemaps/section/{SLUG}\.xml$", views.sitemap_section, name="sitemap-section"),
    re_path(
        rf"^sitemaps/section/{SLUG}/(?P<year>[0-9]{{4}})-(?P<month>[0-9]{{2}})\.xml$",
        views.sitemap_section_month,
        name="sitemap-section-month",
    ),
    path("news-sitemap.xml", views.news_sitemap, name="news-sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("share/<int:pk>/card.png", views.article_card, name="article-card"),
    path("share/<int:pk>/mastodon/", views.mastodon_share, name="mastodon"),
    path("share/site-card.png", views.site_card, name="site-card"),
    path("share/logo.png", views.logo, name="logo"),
]
