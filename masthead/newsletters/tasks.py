"""Newsletter work for the background worker, written against ``django.tasks``."""

from django.tasks import task

from . import sending


@task()
def send_issue(issue_id: int) -> int:
    """Send an issue to the readers no sender has reached yet (see ``sending``)."""
    return sending.send_issue(issue_id)


@task()
def check_newsletters() -> dict[str, list[int]]:
    """Compose the digests whose time has come, start scheduled issues, resume sends whose worker died."""
    from .composer import compose_due_digests

    composed = [digest.issue_id for digest in compose_due_digests() if digest.issue_id]
    return {"composed": composed, **sending.check_issues()}


@task()
def send_confirmation(subscriber_id: int, list_ids: list[int]) -> bool:
    """Mail the double opt-in link; nothing if the address was deleted meanwhile."""
    from .emails import confirmation_message, mailer
    from .models import NewsletterList, Subscriber

    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.status == Subscriber.Status.SUPPRESSED:
        return False
    lists = list(NewsletterList.objects.filter(pk__in=list_ids))
    with mailer() as connection:
        connection.send_messages([confirmation_message(subscriber, lists)])
    return True


@task()
def send_welcome(subscriber_id: int) -> bool:
    """Mail a newly confirmed reader what they signed up for and their preferences link."""
    from .emails import mailer, welcome_message
    from .models import Subscriber

    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.CONFIRMED).first()
    if subscriber is None:
        return False
    with mailer() as connection:
        connection.send_messages([welcome_message(subscriber)])
    return True
