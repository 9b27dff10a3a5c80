"""Rate and size limits on readers' endpoints: search, links in emails, forms, webhooks, the live stream."""

import asyncio

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from masthead.newsletters.models import Subscriber
from masthead.newsletters.tests.factories import NewsletterListFactory, SubscriberFactory
from masthead.newsletters.tokens import manage_token
from masthead.security.limits import DEFAULT_RATE_LIMITS, PUBLIC_FORM_BYTES, RateLimit
from masthead.security.streams import limit_streams_per_client


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()  # the limits count in the cache
    yield
    cache.clear()


class FrozenClock:
    """The limits count in fixed windows: a test must not straddle a window's end."""

    def __init__(self, now: float) -> None:
        self.now = now

    def time(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    clock = FrozenClock(1_800_000_030.0)  # 30 s into a minute
    monkeypatch.setattr("masthead.newsletters.signup.time", clock)
    monkeypatch.setattr("masthead.security.limits.time", clock)
    return clock


@pytest.fixture
def small_search_limit(settings):
    settings.MASTHEAD_REQUEST_RATE_LIMITS = {
        **DEFAULT_RATE_LIMITS,
        "search:index": RateLimit(5, 60, "network"),
    }
    return settings.MASTHEAD_REQUEST_RATE_LIMITS["search:index"]


def reader(address: str = "203.0.113.7") -> Client:
    return Client(REMOTE_ADDR=address)


def test_search_answers_429_with_a_page_after_60_searches_a_minute_from_one_network(db):
    limit = DEFAULT_RATE_LIMITS["search:index"]
    assert (limit.count, limit.seconds) == (60, 60)
    me = reader()
    statuses = [me.get("/search/", {"q": f"tram {n}"}).status_code for n in range(limit.count)]
    assert set(statuses) == {200}
    refused = me.get("/search/", {"q": "tram"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "30"  # when this minute's window ends
    assert refused["Cache-Control"] == "no-store"
    assert "Please slow down" in refused.content.decode()
    assert "too many requests from your network" in refused.content.decode()
    assert "Content-Security-Policy" in refused  # the site's headers, as on any page
    # Another network searches on.
    assert reader("198.51.100.20").get("/search/", {"q": "tram"}).status_code == 200


def test_ipv6_readers_count_per_64_network_and_the_next_window_starts_afresh(
    db, small_search_limit, frozen_clock
):
    neighbours = [reader(f"2001:db8::{n}") for n in range(1, 3)]
    for n in range(small_search_limit.count):
        assert neighbours[n % 2].get("/search/", {"q": "x"}).status_code == 200
    assert neighbours[0].get("/search/", {"q": "x"}).status_code == 429
    assert reader("2001:db8:0:1::1").get("/search/", {"q": "x"}).status_code == 200  # another /64
    frozen_clock.now += 30
    assert neighbours[0].get("/search/", {"q": "x"}).status_code == 200


@pytest.fixture
def subscribers(db):
    daily = NewsletterListFactory(name="Korvany Daily")
    return daily, [SubscriberFactory(lists=[daily]) for _ in range(3)]


def test_one_email_link_opened_too_often_is_refused_and_other_links_are_not(subscribers):
    daily, (first, second, _third) = subscribers
    limit = DEFAULT_RATE_LIMITS["newsletters:preferences"]
    me = reader()
    mine = f"/newsletters/preferences/{manage_token(first.key)}/"
    assert {me.get(mine).status_code for _ in range(limit.count)} == {200}
    refused = me.get(mine)
    assert refused.status_code == 429
    assert "This link was opened too many times" in refused.content.decode()
    # The same client opening another reader's link is not held back.
    assert me.get(f"/newsletters/preferences/{manage_token(second.key)}/").status_code == 200


def test_a_mail_provider_unsubscribing_thousands_from_one_address_is_never_limited(subscribers):
    daily = subscribers[0]
    people = [SubscriberFactory(lists=[daily]) for _ in range(40)]
    provider = reader("192.0.2.25")  # one-click unsubscribe (RFC 8058) POSTs from the provider's servers
    for person in people:
        response = provider.post(f"/newsletters/unsubscribe/{manage_token(person.key, daily.pk)}/")
        assert response.status_code == 200
    assert not Subscriber.objects.filter(pk__in=[p.pk for p in people], subscriptions__isnull=False).exists()


def test_a_bad_token_counts_too(db):
    me = reader()
    url = "/newsletters/unsubscribe/not-a-token/"
    assert {me.get(url).status_code for _ in range(DEFAULT_RATE_LIMITS["newsletters:unsubscribe"].count)} == {
        400
    }
    assert me.get(url).status_code == 429


@pytest.mark.parametrize(
    "url",
    ["/newsletters/subscribe/", "/support/donate/", "/support/partner/"],
)
def test_a_public_form_over_64_kib_is_refused_with_413_before_the_view(db, url):
    body = "message=" + "x" * (PUBLIC_FORM_BYTES + 1)
    response = reader().post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert "This form takes at most 64 KiB" in response.content.decode()
    # An ordinary form still reaches the view (which answers it as it does: not 413).
    assert reader("198.51.100.9").post(url, {"email": "reader@example.org"}).status_code != 413


def oversized() -> bytes:
    return b"{" + b" " * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + b"}"


def test_oversized_webhook_bodies_are_refused_with_400_not_a_server_error(db, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_masthead"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test"
    client = Client(raise_request_exception=False)
    stripe = client.post(
        "/support/stripe/webhook/",
        oversized(),
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE="t=1,v1=x",
    )
    assert stripe.status_code == 400
    assert b"Bad Request (400)" in stripe.content  # refused for its size, before the signature check
    tracking = client.post(
        "/newsletters/webhooks/postmark/tracking/",
        oversized(),
        content_type="application/json",
        headers={"authorization": "Basic aG9vay11c2VyOmhvb2stcGFzc3dvcmQ="},  # hook-user:hook-password
    )
    assert tracking.status_code == 400
    assert b"Bad Request (400)" in tracking.content


def test_an_oversized_post_to_the_admin_sign_in_is_refused_with_400(db):
    client = Client(raise_request_exception=False)
    body = "username=x&password=" + "y" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


class FakeStream:
    """An ASGI app whose streams stay open until released."""

    def __init__(self) -> None:
        self.release = asyncio.Event()

    async def __call__(self, scope, receive, send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await self.release.wait()
        await send({"type": "http.response.body", "body": b""})


async def call(app, path: str = "/news-feed/stream/", client: str = "203.0.113.7", headers=()) -> int:
    sent: list[dict] = []

    async def receive() -> dict:
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "path": path,
        "method": "GET",
        "client": (client, 5000),
        "headers": list(headers),
    }
    await app(scope, receive, send)
    return sent[0]["status"]


def test_one_client_holds_at_most_so_many_live_streams_at_once(settings):
    settings.NEWSLETTER_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"

    async def scenario() -> None:
        stream = FakeStream()
        app = limit_streams_per_client(stream, "/news-feed/stream/", most=3)
        proxy = "10.0.0.1"  # every connection comes through the proxy, which names the reader
        reader_a = [(b"x-real-ip", b"203.0.113.7")]
        held = [asyncio.ensure_future(call(app, client=proxy, headers=reader_a)) for _ in range(3)]
        await asyncio.sleep(0.01)
        assert app.open_streams["203.0.113.7"] == 3
        assert await call(app, client=proxy, headers=reader_a) == 429
        # Another reader behind the same proxy, and other paths, are not affected.
        other = asyncio.ensure_future(call(app, client=proxy, headers=[(b"x-real-ip", b"198.51.100.4")]))
        await asyncio.sleep(0.01)
        assert app.open_streams["198.51.100.4"] == 1
        stream.release.set()
        assert await asyncio.gather(*held, other) == [200, 200, 200, 200]
        assert not app.open_streams  # closed streams are forgotten
        stream.release.clear()
        again = asyncio.ensure_future(call(app, client=proxy, headers=reader_a))
        await asyncio.sleep(0.01)
        assert app.open_streams["203.0.113.7"] == 1
        stream.release.set()
        assert await again == 200

    asyncio.run(scenario())


@pytest.mark.parametrize("proxy", ["127.0.0.1", "10.1.2.3", "::1"])
def test_behind_a_proxy_that_names_no_reader_search_is_not_limited_per_network(
    db, settings, small_search_limit, proxy
):
    # Every reader would seem to come from the proxy: limiting that one address would stop them all.
    settings.NEWSLETTER_CLIENT_IP_HEADER = ""
    through_proxy = reader(proxy)
    statuses = {
        through_proxy.get("/search/", {"q": "x"}).status_code for _ in range(small_search_limit.count + 2)
    }
    assert statuses == {200}
    # Once the proxy names the reader, the reader is limited.
    settings.NEWSLETTER_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    named = Client(REMOTE_ADDR=proxy, HTTP_X_REAL_IP="203.0.113.50")
    statuses = [named.get("/search/", {"q": "x"}).status_code for _ in range(small_search_limit.count + 1)]
    assert statuses[-1] == 429 and set(statuses[:-1]) == {200}


def test_a_long_article_of_250_paragraphs_saves_in_the_admin(db, django_user_model):
    from django.urls import reverse
    from wagtail.test.utils.form_data import rich_text, streamfield

    from masthead.articles.models import ArticlePage
    from masthead.articles.tests.factories import AuthorFactory, SectionFactory
    from masthead.articles.tests.test_admin_publishing import article_form

    editor = django_user_model.objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    client = Client()
    client.force_login(editor)
    section, author = SectionFactory(), AuthorFactory()
    body = streamfield([("paragraph", rich_text(f"<p>Paragraph {n}.</p>")) for n in range(250)])
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))
    assert client.post(url, article_form(author, body=body)).status_code == 302
    assert len(ArticlePage.objects.get(title="Tram depot reopens after flood repairs").body) == 250


def test_a_crafted_mastodon_share_link_does_not_send_readers_to_another_site(db):
    from masthead.articles.tests.factories import ArticleFactory

    article = ArticleFactory(title="Depot reopens")
    response = reader().get(f"/share/{article.pk}/mastodon/", {"server": "phishing.example"})
    assert not response.get("Location", "").startswith("https://phishing.example")
