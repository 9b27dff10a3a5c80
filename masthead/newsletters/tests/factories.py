"""Factories for newsletter lists, subscribers and issues."""

import factory

from masthead.newsletters.models import Issue, NewsletterList, Subscriber, Subscription


class NewsletterListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterList
        django_get_or_create = ("slug",)

    name = "Korvany Daily"
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    description = "The day's news in your inbox at seven."
    sender_name = "The Korvany Ledger"
    sender_email = "daily@ledger.example"


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber; pass ``lists=[...]`` to subscribe them."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    status = Subscriber.Status.CONFIRMED
    source = Subscriber.Source.SIGNUP

    @factory.post_generation
    def lists(self, create, extracted, **kwargs):
        for newsletter_list in extracted or ():
            Subscription.objects.create(subscriber=self, newsletter_list=newsletter_list)


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    newsletter_list = factory.SubFactory(NewsletterListFactory)
    subject = "Korvany Daily — the news of the day"
    intro = "Good morning. Here is what happened."
