"""Campaigns: a site-wide banner while live, and a progress bar fed by real payments."""

from datetime import timedelta

from django.utils import timezone
from lxml import html

from masthead.revenue.models import Payment

from .factories import CampaignFactory, DonationFactory


def banner(client, url: str = "/support/"):
    tree = html.fromstring(client.get(url).content)
    found = tree.xpath("//*[@data-revenue-banner]")
    return found[0] if found else None


def test_a_live_campaign_shows_its_banner_with_real_progress(client, revenue, campaign):
    donation = DonationFactory(campaign=campaign, amount=12_345)
    Payment.objects.create(
        donation=donation, amount=12_345, currency="usd", status="succeeded", amount_refunded=345
    )
    DonationFactory(campaign=campaign, amount=99_999)  # checkout opened, never paid: not counted

    shown = banner(client)
    assert shown is not None
    assert "Support our investigations unit" in shown.text_content()
    progress = shown.xpath(".//progress")[0]
    assert (progress.get("max"), progress.get("value")) == ("500000", "12000")
    assert "$120 raised of $5,000" in shown.text_content()
    assert shown.xpath(".//a")[0].get("href") == f"/support/?campaign={campaign.slug}"
    close = shown.xpath(".//button[@data-revenue-dismiss]")[0]
    assert close.get("hidden") is not None  # shown by the script, which remembers the choice
    assert shown.get("data-dismiss-days") == "7"


def test_the_banner_follows_the_campaign_schedule(client, revenue, django_capture_on_commit_callbacks):
    now = timezone.now()
    CampaignFactory(name="Later", starts_at=now + timedelta(days=1))
    CampaignFactory(name="Over", starts_at=now - timedelta(days=10), ends_at=now - timedelta(minutes=1))
    CampaignFactory(name="Quiet", show_banner=False)
    assert banner(client) is None
    with django_capture_on_commit_callbacks(execute=True):  # saving a campaign refreshes the cached banner
        CampaignFactory(name="Now", banner_text="", starts_at=now - timedelta(minutes=1))
    assert "Now" in banner(client).text_content()


def test_pages_carry_no_inline_script_or_style(client, revenue, campaign):
    tree = html.fromstring(client.get("/support/").content)
    assert not tree.xpath("//*[@style]")
    assert not tree.xpath("//script[not(@src)]")
    assert not [el for el in tree.iter() if any(a.startswith("on") for a in el.attrib)]


def test_a_payment_from_a_webhook_moves_the_progress_bar_at_once(
    client, revenue, campaign, webhook_secret, django_capture_on_commit_callbacks
):
    from . import stripe_events as events

    assert banner(client).xpath(".//progress")[0].get("value") == "0"  # now cached
    donation = DonationFactory(campaign=campaign, amount=5000)
    with django_capture_on_commit_callbacks(execute=True):
        events.send(client, events.checkout_completed(donation))
    assert banner(client).xpath(".//progress")[0].get("value") == "5000"
