"""Posting from the admin in seconds: the quick-post form and its counter."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from lxml import html

from masthead.articles.tests.factories import ArticleFactory
from masthead.newsfeed.models import MAX_LENGTH, FeedEvent, NewsItem

QUICK_POST = "newsfeed_quick_post"


def test_an_editor_posts_an_update_with_text_article_and_breaking_flag(admin_client, admin_user, client):
    article = ArticleFactory(title="The whole story")
    response = admin_client.post(
        reverse(QUICK_POST), {"text": "  Sirens in the north.\n ", "article": article.pk, "is_breaking": "on"}
    )
    assert response.status_code == 302 and response.url == reverse(QUICK_POST)
    item = NewsItem.objects.get()
    assert (item.text, item.article_id, item.is_breaking, item.posted_by, item.updated_by) == (
        "Sirens in the north.",
        article.pk,
        True,
        admin_user,
        admin_user,
    )
    assert [event.kind for event in FeedEvent.objects.all()] == ["posted"]
    page = admin_client.get(reverse(QUICK_POST))
    assert "Posted at" in page.content.decode()  # the confirmation, with links to edit and view
    banner = html.fromstring(client.get("/").content).xpath("//div[@class='breaking-banner']//a")[0]
    assert banner.text_content() == "Sirens in the north."


def test_the_form_carries_a_live_character_counter(admin_client, db):
    tree = html.fromstring(admin_client.get(reverse(QUICK_POST)).content)
    box = tree.xpath("//textarea[@name='text']")[0]
    assert box.get("data-counter-limit") == str(MAX_LENGTH)
    assert "%(count)s" in box.get("data-counter-left")
    assert tree.xpath("//script[contains(@src, 'js/newsfeed-admin.js')]")


def test_the_dashboard_offers_the_quick_post_form(admin_client, db):
    tree = html.fromstring(admin_client.get(reverse("wagtailadmin_home")).content)
    form = tree.xpath("//section[@id='news-feed-quick-post-section']//form")[0]
    assert form.get("action") == reverse(QUICK_POST)
    assert form.xpath(".//input[@name='next']/@value") == [reverse("wagtailadmin_home")]


def test_posting_from_the_dashboard_returns_there(admin_client, db):
    home = reverse("wagtailadmin_home")
    response = admin_client.post(reverse(QUICK_POST), {"text": "Quick.", "next": home})
    assert response.url == home


def test_the_return_address_cannot_leave_the_site(admin_client, db):
    response = admin_client.post(reverse(QUICK_POST), {"text": "Quick.", "next": "https://evil.example/"})
    assert response.url == reverse(QUICK_POST)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": ""}, "This field is required"),
        ({"text": "   \n  "}, "This field is required"),
        ({"text": "x" * (MAX_LENGTH + 1)}, f"at most {MAX_LENGTH} characters"),
        ({"text": "Fine.", "article": "999999"}, "Select a valid choice"),
        ({"text": "Fine.", "article": "not-a-number"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_posted(admin_client, db, fields, message):
    response = admin_client.post(reverse(QUICK_POST), fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not NewsItem.objects.exists() and not FeedEvent.objects.exists()


def test_staff_without_the_permission_cannot_post(client, db):
    user = User.objects.create_user("reader", password="pw", is_staff=False)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(reverse(QUICK_POST), {"text": "Nope."}, follow=True)
    assert "do not have permission" in response.content.decode()  # Wagtail's refusal, on the dashboard
    assert not NewsItem.objects.exists()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "news-feed-quick-post-section" not in home


def test_a_user_allowed_to_post_sees_the_form(client, db):
    group = Group.objects.create(name="Feed posters")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="add_newsitem")
    )
    user = User.objects.create_user("poster", password="pw")
    user.groups.add(group)
    client.force_login(user)
    assert client.post(reverse(QUICK_POST), {"text": "Allowed."}).status_code == 302
    assert NewsItem.objects.get().posted_by == user
