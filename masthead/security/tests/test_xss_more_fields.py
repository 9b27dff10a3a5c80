"""Markup typed into more fields renders as text wherever staff or readers see it.

Readers write partner inquiries and donor names; editors write captions,
credits, quotes, image titles, campaigns and newsletter issues. Each is
shown back in the admin, on public pages or in an email: everywhere the
payload must arrive escaped (visible as text), never as a live ``<script>``
element or an ``on…`` handler attribute.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from masthead.articles.tests.factories import ArticleFactory, ImageFactory, SectionFactory
from masthead.newsletters.emails import render_issue
from masthead.newsletters.models import IssueItem
from masthead.newsletters.tests.factories import IssueFactory, NewsletterListFactory
from masthead.revenue.models import Donation, PartnerInquiry, RevenueSettings
from masthead.revenue.tests.factories import CampaignFactory, DonationFactory

# Short enough for every field (the shortest here takes 120 characters).
SCRIPT = "<script>alert(1)</script>"
HANDLER = "<img src=x onerror=alert(2)>"
PAYLOAD = SCRIPT + HANDLER
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_HANDLER = "&lt;img src=x onerror=alert(2)&gt;"


def assert_inert(text: str, shown: bool = True) -> None:
    """No live script or handler from the payload; with ``shown``, the payload is there as text."""
    assert SCRIPT not in text and HANDLER not in text
    tree = lxml_html.fromstring(text)
    for script in tree.iter("script"):
        assert (script.text or "").strip() != "alert(1)", "a live <script> from the payload"
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not (name.lower().startswith("on") and "alert(2)" in value), f"a live {name} handler"
    if shown:
        assert ESCAPED_SCRIPT in text.replace("&#x27;", "'"), "the payload is not shown escaped"
        assert ESCAPED_HANDLER in text


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()  # the campaign banner and the revenue settings are cached
    yield
    cache.clear()


@pytest.fixture
def superuser_client(db, django_user_model) -> Client:
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(db, django_user_model) -> Client:
    user = django_user_model.objects.create_user("desk", "desk@example.org", "a-long-test-password")
    user.groups.add(Group.objects.get(name="Editor"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def revenue(db):
    from wagtail.models import Site

    return RevenueSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        currency="usd",
        minimum_amount=100,
        maximum_amount=1_000_000,
        presets_once=[1000, 2500],
        presets_month=[500],
        presets_year=[5000],
    )


def get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_partner_inquiry_fields_are_inert_in_the_admin_list_search_and_inspect_view(superuser_client):
    inquiry = PartnerInquiry.objects.create(
        name=PAYLOAD,
        email="ads@agency.example",
        organisation="Agency " + PAYLOAD,
        message="We would like to sponsor. " + PAYLOAD,
    )
    index = reverse("partner_inquiries:index")
    listing = get(superuser_client, index)
    assert_inert(listing)
    assert_inert(get(superuser_client, index + "?q=sponsor"))
    inspect = get(superuser_client, reverse("partner_inquiries:inspect", args=[inquiry.pk]))
    assert_inert(inspect)
    assert "We would like to sponsor. " + ESCAPED_SCRIPT in inspect


def test_a_donors_name_and_address_are_inert_in_the_donation_admin(superuser_client, revenue):
    donation = DonationFactory(name="Ivan " + PAYLOAD, email="ivan@example.org", status=Donation.Status.PAID)
    listing = get(superuser_client, reverse("donations:index"))
    assert_inert(listing, shown=False)  # the list shows the address, not the name
    assert_inert(get(superuser_client, reverse("donations:index") + "?q=Ivan"), shown=False)
    assert_inert(get(superuser_client, reverse("donations:inspect", args=[donation.pk])))


def test_image_captions_credits_quotes_and_image_texts_are_inert_on_the_article(client, db):
    image = ImageFactory(title="Title " + PAYLOAD, credit="Credit " + PAYLOAD, description="Alt " + PAYLOAD)
    article = ArticleFactory(
        parent=SectionFactory(),
        title="Depot reopens",
        hero_image=image,
        body=[
            {"type": "image", "value": {"image": image.pk, "caption": "Caption " + PAYLOAD, "credit": ""}},
            {"type": "image", "value": {"image": image.pk, "caption": "", "credit": "Own " + PAYLOAD}},
            {"type": "quote", "value": {"text": "Quote " + PAYLOAD, "attribution": "Said " + PAYLOAD}},
        ],
    )
    page = get(client, article.url)
    assert_inert(page)
    for text in ("Caption ", "Credit ", "Own ", "Quote ", "Said "):
        assert text + ESCAPED_SCRIPT in page, text
    # The description is the pictures' alt text: an attribute value, escaped.
    tree = lxml_html.fromstring(page)
    alts = [img.get("alt") for img in tree.iter("img") if (img.get("alt") or "").startswith("Alt ")]
    assert alts and all(alt == "Alt " + PAYLOAD for alt in alts)  # the attribute's text, not markup


def test_image_title_credit_and_caption_are_inert_in_the_admin(editor_client, db):
    image = ImageFactory(title="Title " + PAYLOAD, credit="Credit " + PAYLOAD, description="Alt " + PAYLOAD)
    article = ArticleFactory(
        parent=SectionFactory(),
        title="Depot reopens",
        body=[
            {"type": "image", "value": {"image": image.pk, "caption": "Caption " + PAYLOAD, "credit": ""}},
            {"type": "quote", "value": {"text": "Quote " + PAYLOAD, "attribution": "Said " + PAYLOAD}},
        ],
    )
    assert_inert(get(editor_client, reverse("wagtailimages:index")))
    assert_inert(get(editor_client, reverse("wagtailimages:edit", args=[image.pk])))
    chooser = editor_client.get(reverse("wagtailimages_chooser:choose")).json()
    assert_inert(chooser["html"])
    # The page editor: block values travel as JSON for the editor's script, escaped for a script element.
    edit = get(editor_client, reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert_inert(edit, shown=False)
    assert "Caption \\u003Cscript\\u003E" in edit or "Caption &lt;script&gt;" in edit


def test_a_campaigns_name_and_description_are_inert_in_the_banner_support_page_and_admin(
    client, superuser_client, revenue
):
    campaign = CampaignFactory(
        name="Unit " + PAYLOAD, slug="unit", description="Why " + PAYLOAD, banner_text="", show_banner=True
    )
    article = ArticleFactory(parent=SectionFactory(), title="Depot reopens")
    page = get(client, article.url)
    assert_inert(page)  # the banner shows the name when it has no banner text
    assert "Unit " + ESCAPED_SCRIPT in page
    support = get(client, "/support/")
    assert_inert(support)
    assert "Why " + ESCAPED_SCRIPT in support
    campaign.banner_text = "Give " + PAYLOAD
    campaign.save()
    cache.clear()  # the banner is cached; saving refreshes it on commit
    page = get(client, article.url)
    assert_inert(page)
    assert "Give " + ESCAPED_SCRIPT in page
    assert_inert(get(superuser_client, reverse("campaigns:index")))
    assert_inert(get(superuser_client, reverse("campaigns:edit", args=[campaign.pk])), shown=False)


@pytest.fixture
def issue(db):
    daily = NewsletterListFactory(name="Korvany Daily")
    issue = IssueFactory(newsletter_list=daily, subject="Morning " + PAYLOAD, intro="Hello " + PAYLOAD)
    article = ArticleFactory(
        parent=SectionFactory(), title="Headline " + PAYLOAD, standfirst="Dek " + PAYLOAD
    )
    IssueItem.objects.create(issue=issue, article=article, sort_order=0)
    return issue


def test_a_newsletter_issues_subject_and_intro_are_inert_in_the_admin_and_its_preview(editor_client, issue):
    assert_inert(get(editor_client, reverse("wagtailsnippets_newsletters_issue:list")))
    assert_inert(get(editor_client, reverse("newsletters_admin:send", args=[issue.pk])))
    preview = get(editor_client, reverse("newsletters_admin:preview", args=[issue.pk, "html"]))
    assert_inert(preview)
    assert "Hello " + ESCAPED_SCRIPT in preview and "Headline " + ESCAPED_SCRIPT in preview
    edit = get(editor_client, reverse("wagtailsnippets_newsletters_issue:edit", args=[issue.pk]))
    assert_inert(edit, shown=False)


def test_a_newsletter_issues_subject_and_intro_are_inert_in_the_email_html(issue):
    message = render_issue(issue).message_for("reader@example.org", "key")
    body = message.alternatives[0].content
    assert_inert(body)
    assert "<title>Morning " + ESCAPED_SCRIPT in body
    assert "Hello " + ESCAPED_SCRIPT in body
    assert message.subject == "Morning " + PAYLOAD  # a header is text, shown as such by mail clients


def test_a_line_break_in_a_subject_or_sender_name_adds_no_header_to_the_email(db):
    daily = NewsletterListFactory(name="Korvany Daily", sender_name="Ledger\r\nX-Injected-From: 1")
    issue = IssueFactory(newsletter_list=daily, subject="Morning\r\nBcc: someone@example.org")
    raw = render_issue(issue).mime_for("reader@example.org", "key", to="reader@example.org")
    head = raw.split(b"\r\n\r\n", 1)[0].decode()
    names = [line.split(":", 1)[0] for line in head.split("\r\n") if line and not line[0].isspace()]
    assert "Bcc" not in names and "X-Injected-From" not in names
