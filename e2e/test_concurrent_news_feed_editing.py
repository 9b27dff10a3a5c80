"""Two editors fix one breaking News Feed item at once, each in their own browser."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from masthead.newsfeed.models import NewsItem

PASSWORD = "a-long-test-password"


def sign_in(page, live_server, username: str) -> None:
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def save(page) -> None:
    page.locator("#w-editor-form footer").get_by_role("button", name="Save").click()


@pytest.fixture
def breaking_item(transactional_db):
    for name in ("oksana", "bohdan"):
        get_user_model().objects.create_superuser(name, f"{name}@example.org", PASSWORD)
    return NewsItem.objects.create(text="Explosions heard in the nothern districts.", is_breaking=True)


def test_a_second_editor_saving_an_older_copy_is_told_and_overwrites_only_when_saving_again(
    page, browser, live_server, breaking_item
):
    bohdan_context = browser.new_context(viewport={"width": 1280, "height": 900})
    bohdan = bohdan_context.new_page()
    edit_url = live_server.url + reverse("wagtailsnippets_newsfeed_newsitem:edit", args=[breaking_item.pk])
    try:
        sign_in(page, live_server, "oksana")
        sign_in(bohdan, live_server, "bohdan")
        page.goto(edit_url)
        bohdan.goto(edit_url)

        # Bohdan fixes the typo first.
        bohdan.fill("#id_text", "Explosions heard in the northern districts.")
        save(bohdan)
        expect(bohdan.locator(".messages")).to_contain_text("updated")
        assert NewsItem.objects.get().text == "Explosions heard in the northern districts."

        # Oksana, in the copy she opened before, adds a detail and saves: refused, her text kept.
        page.fill("#id_text", "Explosions heard in the nothern districts; air defence is working.")
        save(page)
        expect(page.locator(".messages")).to_contain_text("bohdan saved a newer version of this item at")
        expect(page.locator(".messages")).to_contain_text("Nothing was saved")
        expect(page.locator("#id_text")).to_have_value(
            "Explosions heard in the nothern districts; air defence is working."
        )
        assert NewsItem.objects.get().text == "Explosions heard in the northern districts."

        # Bohdan's version, open in another tab, shows her what she would replace.
        other_tab = page.context.new_page()
        other_tab.goto(edit_url)
        expect(other_tab.locator("#id_text")).to_have_value("Explosions heard in the northern districts.")
        other_tab.close()

        # She mends the typo in her copy too and saves again: a deliberate overwrite.
        page.fill("#id_text", "Explosions heard in the northern districts; air defence is working.")
        save(page)
        expect(page.locator(".messages")).to_contain_text("updated")
        item = NewsItem.objects.get()
        assert item.text == "Explosions heard in the northern districts; air defence is working."
        assert item.updated_by.username == "oksana"
    finally:
        bohdan_context.close()
