"""Public pages are cacheable for readers, private for signed-in editors."""

from masthead.articles.tests.factories import ArticleFactory


def test_reader_gets_a_short_public_cache_lifetime_and_an_etag(client, db, settings):
    settings.PUBLIC_CACHE_SECONDS = 60
    article = ArticleFactory()
    response = client.get(article.url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert response["ETag"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_repeat_visit_with_the_etag_is_a_304_without_a_body(client, db):
    article = ArticleFactory()
    etag = client.get(article.url)["ETag"]
    response = client.get(article.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""


def test_changed_article_gets_a_new_etag(client, db):
    article = ArticleFactory(title="Before")
    etag = client.get(article.url)["ETag"]
    article.title = "After"
    article.save_revision().publish()
    response = client.get(article.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert b"After" in response.content


def test_signed_in_editor_pages_are_private(admin_client, db):
    article = ArticleFactory()
    response = admin_client.get(article.url)
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_missing_pages_and_the_admin_are_not_cached_publicly(client, admin_client, db):
    assert "public" not in client.get("/no-such-page/").get("Cache-Control", "")
    assert "public" not in admin_client.get("/admin/").get("Cache-Control", "")
