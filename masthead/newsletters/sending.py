"""Sending an issue to its list: claim a batch, send it over one connection, record each copy.

No reader may get an issue twice, and a crash should cost nobody their copy:

1. A sender claims a batch of recipients by inserting one ``Delivery`` row per
   recipient (status ``sending``). The row is unique per (issue, subscriber),
   so two senders, or a sender after a restart, can never claim the same
   reader twice; the claim is committed before anything is sent.
2. It sends the batch over its connections, writing to the batch's journal
   (``journal.py``) as each copy goes out, then records each row as ``sent``
   or ``failed`` (the server refused it) and removes the journal.
3. If the worker dies in between, its rows stay ``sending``. The clock's
   check (``check_issues``) notices the issue has made no progress for
   ``NEWSLETTER_STALE_SECONDS`` and settles the batch from its journal
   (``settle_abandoned``): copies handed over whole are sent, copies that
   never left are released for the next sender, and a copy the worker died
   while handing over is ``unknown``: reported in the admin, never sent
   again. Exactly-once is impossible over SMTP in that one moment; Masthead
   then chooses *at most once*.
4. An editor may choose to send the unknown copies again
   (``resend_unknown``), accepting that readers whose copy did arrive get
   a second one. Every copy keeps its Message-ID across attempts.
"""

import logging
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from .emails import RenderedIssue, deliver_many, mailer, render_issue
from .journal import Journal, forget, read_journal
from .models import Delivery, Issue, Subscriber, Subscription
from .pipelining import ConnectionBroke

logger = logging.getLogger(__name__)


def enqueue_senders(issue_id: int) -> None:
    """Start the issue's senders in the background worker(s), after the current transaction."""
    from .tasks import send_issue

    def enqueue() -> None:
        for _ in range(max(1, settings.NEWSLETTER_SENDERS)):
            send_issue.enqueue(issue_id)

    transaction.on_commit(enqueue)


Recipient = tuple[int, str, str]  # (delivery id, address, subscriber key)


def claim_batch(issue: Issue, after: int, size: int) -> tuple[list[Recipient], int | None]:
    """Claim up to ``size`` unclaimed recipients after subscriber id ``after``.

    Returns the claimed (delivery id, address, key) triples and the last
    subscriber id looked at, or None when no unclaimed recipient is left.

    One statement picks the candidates and inserts their delivery rows
    (``INSERT ... SELECT ... ON CONFLICT DO NOTHING``, in SQLite and
    PostgreSQL alike): a reader another sender claimed meanwhile is skipped
    by the unique constraint, so each row returned is ours alone.
    """
    candidates = (
        issue.unclaimed_recipients().filter(subscriber_id__gt=after).values_list("subscriber_id")[:size]
    )
    connection = transaction.get_connection()
    select, select_params = candidates.query.get_compiler(connection=connection).as_sql()
    batch, now = uuid.uuid4(), timezone.now()
    field = Delivery._meta.get_field
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(field(name).column)
        for name in ("issue", "subscriber", "status", "error", "batch", "claimed_at", "attempts")
    )
    # Names come from the models, values go as parameters. The WHERE is for
    # SQLite, which needs one between a SELECT and ON CONFLICT.
    table, returned = quote(Delivery._meta.db_table), f"{quote('id')}, {quote(field('subscriber').column)}"
    sql = (
        f"INSERT INTO {table} ({columns}) "  # noqa: S608
        f"SELECT %s, candidate.{quote('subscriber_id')}, %s, '', %s, %s, 1 FROM ({select}) candidate "
        f"WHERE 1 = 1 ON CONFLICT DO NOTHING RETURNING {returned}"
    )
    params = [
        issue.pk,
        Delivery.Status.SENDING,
        field("batch").get_db_prep_value(batch, connection),
        field("claimed_at").get_db_prep_value(now, connection),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *select_params])
        inserted = {subscriber_id: pk for pk, subscriber_id in cursor.fetchall()}
    if not inserted:
        # Nothing left after ``after`` unless another sender just took the rest.
        if not candidates.exists():
            return [], None
        return [], after
    return addressed(inserted), max(inserted)


def addressed(claimed: dict[int, int]) -> list[Recipient]:
    """The address and key of each claimed subscriber (subscriber id → delivery id).

    A reader who unsubscribed since the claim is released, not sent to.
    """
    rows = Subscriber.objects.filter(pk__in=list(claimed)).values_list("pk", "email", "key", "status")
    ours, gone = [], []
    for subscriber_id, email, key, status in rows:
        if status == Subscriber.Status.CONFIRMED:
            ours.append((claimed[subscriber_id], email, key))
        else:
            gone.append(claimed[subscriber_id])
    if gone:
        Delivery.objects.filter(pk__in=gone).delete()
    return ours


def claim_resends(issue: Issue, size: int) -> list[Recipient]:
    """Claim up to ``size`` copies an editor queued to be sent again (see ``resend_unknown``).

    The conditional update moves each row from ``resend`` to ``sending``
    once, whichever sender gets there first. A reader who left the list
    meanwhile is not written to: the copy goes back to ``unknown``.
    """
    pks = list(
        issue.deliveries.filter(status=Delivery.Status.RESEND)
        .order_by("subscriber_id")
        .values_list("pk", flat=True)[:size]
    )
    if not pks:
        return []
    batch = uuid.uuid4()
    Delivery.objects.filter(pk__in=pks, status=Delivery.Status.RESEND).update(
        status=Delivery.Status.SENDING, batch=batch, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    on_list = Subscription.objects.filter(
        newsletter_list_id=issue.newsletter_list_id, subscriber_id=OuterRef("subscriber_id")
    )
    rows = (
        Delivery.objects.filter(batch=batch)
        .annotate(on_list=Exists(on_list))
        .values_list("pk", "subscriber__email", "subscriber__key", "subscriber__status", "on_list")
    )
    ours, gone = [], []
    for pk, email, key, status, listed in rows:
        if status == Subscriber.Status.CONFIRMED and listed:
            ours.append((pk, email, key))
        else:
            gone.append(pk)
    if gone:
        Delivery.objects.filter(pk__in=gone).update(
            status=Delivery.Status.UNKNOWN, error="Not sent again: the reader left the list meanwhile."
        )
    return ours


def record_outcomes(sent: list[int], failed: list[tuple[int, str]], unknown: list[tuple[int, str]]) -> None:
    now = timezone.now()
    if sent:
        Delivery.objects.filter(pk__in=sent).update(status=Delivery.Status.SENT, sent_at=now)
    for status, rows in ((Delivery.Status.FAILED, failed), (Delivery.Status.UNKNOWN, unknown)):
        for pk, error in rows:
            Delivery.objects.filter(pk=pk).update(status=status, error=error[:1000])


class ConnectionLost(Exception):
    """The mail server went away mid-batch; the rest of the batch waits for a later sender."""


@dataclass
class ChunkOutcome:
    sent: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    unknown: list[tuple[int, str]] = field(default_factory=list)
    untried: list[int] = field(default_factory=list)
    lost: str = ""


def send_chunk(
    rendered: RenderedIssue, chunk: list[Recipient], connection=None, journal: Journal | None = None
) -> ChunkOutcome:
    """Send part of a batch over one connection, touching no database (it may run in a thread).

    A message the server refused is *failed*. If the connection breaks,
    the one message the server may have kept is *unknown*, and the others
    not answered yet are left untried. A connection passed in stays open
    for the next chunk unless it broke; without one, a fresh connection is
    opened and closed.
    """
    outcome = ChunkOutcome()
    own = connection is None
    connection = connection or mailer()
    answered = set()
    try:
        connection.open()
        for pk, error in deliver_many(connection, rendered, chunk, journal):
            answered.add(pk)
            if error is None:
                outcome.sent.append(pk)
            else:
                outcome.failed.append((pk, str(error)))
    except ConnectionBroke as error:
        outcome.lost = str(error)
        if error.in_flight is not None:
            outcome.unknown.append((error.in_flight, outcome.lost))
            answered.add(error.in_flight)
    except Exception as error:  # could not connect: nothing unanswered was tried
        outcome.lost = f"{type(error).__name__}: {error}"
    finally:
        if own or outcome.lost:
            close_quietly(connection)
    outcome.untried = [pk for pk, _email, _key in chunk if pk not in answered]
    return outcome


def close_quietly(connection) -> None:
    try:
        connection.close()
    except Exception:  # closing a broken connection must not hide the real error
        logger.debug("Error while closing the mail connection", exc_info=True)


class Mailers:
    """The connections one sender keeps open from batch to batch, each with its thread.

    Opening an SMTP connection costs several round trips; a sender opens
    ``NEWSLETTER_CONNECTIONS`` once and reuses them for every batch. A
    connection the server dropped between batches (an idle timeout) is
    replaced, and its chunk tried again, before anything is counted lost.
    """

    def __init__(self, count: int | None = None) -> None:
        self.count = max(1, count or settings.NEWSLETTER_CONNECTIONS)
        self.open: list = [None] * self.count
        self.threads = (
            ThreadPoolExecutor(self.count, thread_name_prefix="newsletter-smtp") if self.count > 1 else None
        )

    def send(
        self, rendered: RenderedIssue, claimed: list[Recipient], journal: Journal | None = None
    ) -> list[ChunkOutcome]:
        """Send a claimed batch, split over the connections side by side."""
        used = min(self.count, len(claimed))
        chunks = [claimed[i::used] for i in range(used)]
        if self.threads is None:
            return [self.send_chunk(rendered, journal, 0, chunks[0])]
        return list(self.threads.map(partial(self.send_chunk, rendered, journal), range(used), chunks))

    def send_chunk(
        self, rendered: RenderedIssue, journal: Journal | None, index: int, chunk: list[Recipient]
    ) -> ChunkOutcome:
        reused = self.open[index] is not None
        connection = self.open[index] or mailer()
        outcome = send_chunk(rendered, chunk, connection, journal)
        if outcome.lost and reused and len(outcome.untried) == len(chunk):
            connection = mailer()  # the old one had gone stale: nothing was tried on it
            outcome = send_chunk(rendered, chunk, connection, journal)
        self.open[index] = None if outcome.lost else connection
        return outcome

    def close(self) -> None:
        for connection in self.open:
            if connection is not None:
                close_quietly(connection)
        self.open = [None] * self.count
        if self.threads is not None:
            self.threads.shutdown()

    def __enter__(self) -> "Mailers":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def send_batch(
    rendered: RenderedIssue,
    claimed: list[Recipient],
    connections: int | None = None,
    mailers: Mailers | None = None,
) -> int:
    """Send one claimed batch, then record every copy; returns how many the server accepted.

    The batch is split over ``NEWSLETTER_CONNECTIONS`` SMTP connections used
    side by side (one thread each, see ``Mailers``), so one sender keeps the
    CPU busy while a connection waits for the server. Rows never tried
    (after a lost connection) are released for a later sender and
    ConnectionLost is raised: the clock resumes the issue once it is stale.
    """
    # Resolve the URLs, the signing key and the encoded parts once, before the threads start.
    rendered.link_patterns, rendered.tokens, rendered.parts, rendered.envelope_sender  # noqa: B018
    batch = Delivery.objects.filter(pk=claimed[0][0]).values_list("batch", flat=True).get()
    journal = Journal(batch)
    try:
        if mailers is None:
            with Mailers(connections) as own:
                outcomes = own.send(rendered, claimed, journal)
        else:
            outcomes = mailers.send(rendered, claimed, journal)
        record_outcomes(
            [pk for o in outcomes for pk in o.sent],
            [row for o in outcomes for row in o.failed],
            [row for o in outcomes for row in o.unknown],
        )
    except BaseException:
        journal.close(remove=False)  # the clock's check settles the batch from it
        raise
    journal.close()
    untried = [pk for o in outcomes for pk in o.untried]
    if untried:
        Delivery.objects.filter(pk__in=untried, status=Delivery.Status.SENDING).delete()
    lost = next((o.lost for o in outcomes if o.lost), "")
    if lost:
        raise ConnectionLost(lost)
    return sum(len(o.sent) for o in outcomes)


def current_status(issue_id: int) -> str | None:
    return Issue.objects.filter(pk=issue_id).values_list("status", flat=True).first()


def send_issue(issue_id: int, batch_size: int | None = None) -> int:
    """Send a ``sending`` issue to every confirmed reader of its list not reached yet.

    Stops between batches when the issue is paused. Several senders may run
    at once on one issue. Returns the number of copies this sender sent.
    """
    issue = Issue.objects.select_related("newsletter_list").filter(pk=issue_id).first()
    if issue is None or issue.status != Issue.Status.SENDING:
        return 0
    rendered = render_issue(issue)
    with Mailers() as mailers:
        return send_batches(issue, rendered, batch_size or settings.NEWSLETTER_BATCH_SIZE, mailers)


def send_batches(issue: Issue, rendered: RenderedIssue, size: int, mailers: Mailers) -> int:
    """Claim, send and record batch after batch until nobody is left or the issue is paused."""
    issue_id, cursor, total = issue.pk, 0, 0
    while current_status(issue_id) == Issue.Status.SENDING:
        claimed, last = claim_batch(issue, cursor, size)
        if last is None:
            if cursor:
                # One more pass from the start: readers who confirmed meanwhile, or
                # whom another sender released, may sit behind the cursor.
                cursor = 0
                continue
            claimed = claim_resends(issue, size)
            if not claimed:
                finish_if_done(issue_id)
                break
        else:
            cursor = last
        if claimed:
            try:
                total += send_batch(rendered, claimed, mailers=mailers)
            except Exception as error:
                Issue.objects.filter(pk=issue_id).update(last_error=f"{type(error).__name__}: {error}"[:1000])
                raise
        Issue.objects.filter(pk=issue_id).update(last_progress_at=timezone.now(), last_error="")
    return total


def finish_if_done(issue_id: int) -> bool:
    """Mark the issue sent once every recipient has a settled delivery record."""
    issue = Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).first()
    if issue is None:
        return False
    if (
        issue.unclaimed_recipients().exists()
        or issue.deliveries.filter(status__in=[Delivery.Status.SENDING, Delivery.Status.RESEND]).exists()
    ):
        return False
    return bool(
        Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
            status=Issue.Status.SENT, finished_at=timezone.now()
        )
    )


def check_issues(now: datetime | None = None) -> dict[str, list[int]]:
    """Start the issues whose time has come; resume those whose senders died.

    Run by the worker's clock. Both steps use conditional updates, so two
    workers running the check at once start each issue once.
    """
    now = now or timezone.now()
    started, resumed = [], []
    for issue_id in Issue.objects.filter(status=Issue.Status.SCHEDULED, scheduled_at__lte=now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            if Issue.objects.filter(pk=issue_id, status=Issue.Status.SCHEDULED).update(
                status=Issue.Status.SENDING, sending_started_at=now, last_progress_at=now
            ):
                enqueue_senders(issue_id)
                started.append(issue_id)
    stale_before = now - timedelta(seconds=settings.NEWSLETTER_STALE_SECONDS)
    for issue_id in Issue.objects.filter(
        status=Issue.Status.SENDING, last_progress_at__lt=stale_before
    ).values_list("pk", flat=True):
        with transaction.atomic():
            if not Issue.objects.filter(pk=issue_id, last_progress_at__lt=stale_before).update(
                last_progress_at=now
            ):
                continue  # another worker's check took it
            settle_abandoned(
                Delivery.objects.filter(
                    issue_id=issue_id, status=Delivery.Status.SENDING, claimed_at__lt=stale_before
                )
            )
            if not finish_if_done(issue_id):
                enqueue_senders(issue_id)
                resumed.append(issue_id)
    return {"started": started, "resumed": resumed}


def settle_abandoned(rows) -> dict[str, int]:
    """Settle the copies a dead sender claimed, batch by batch, from its journal (see ``journal.py``).

    A copy the socket took whole is sent; one the worker died handing over
    is unknown; one that never left goes back to the pool for a later
    sender. A batch whose journal is not on this machine is unknown.
    Returns how many rows went each way.
    """
    counts = {"sent": 0, "unknown": 0, "released": 0}
    for batch in list(rows.values_list("batch", flat=True).distinct()):
        claimed = rows.filter(batch=batch)
        journal = read_journal(batch)
        if journal is None:
            counts["unknown"] += claimed.update(
                status=Delivery.Status.UNKNOWN,
                error="The worker stopped before recording whether this copy left; it is not sent again.",
            )
            continue
        started, written = journal
        counts["sent"] += claimed.filter(pk__in=written).update(
            status=Delivery.Status.SENT, sent_at=timezone.now()
        )
        counts["unknown"] += claimed.filter(pk__in=started - written).update(
            status=Delivery.Status.UNKNOWN,
            error="The worker stopped while handing this copy to the mail server; it is not sent again.",
        )
        counts["released"] += claimed.exclude(pk__in=started | written).delete()[0]
        transaction.on_commit(partial(forget, batch))
    return counts


def start_sending(issue: Issue) -> bool:
    """Send a draft or scheduled issue now."""
    now = timezone.now()
    updated = Issue.objects.filter(
        pk=issue.pk, status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED]
    ).update(status=Issue.Status.SENDING, scheduled_at=now, sending_started_at=now, last_progress_at=now)
    if updated:
        enqueue_senders(issue.pk)
    return bool(updated)


def schedule(issue: Issue, when: datetime) -> bool:
    return bool(
        Issue.objects.filter(pk=issue.pk, status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED]).update(
            status=Issue.Status.SCHEDULED, scheduled_at=when
        )
    )


def unschedule(issue: Issue) -> bool:
    return bool(
        Issue.objects.filter(pk=issue.pk, status=Issue.Status.SCHEDULED).update(status=Issue.Status.DRAFT)
    )


def pause(issue: Issue) -> bool:
    """Stop sending after the batches in flight; nothing already claimed is lost."""
    return bool(
        Issue.objects.filter(pk=issue.pk, status=Issue.Status.SENDING).update(status=Issue.Status.PAUSED)
    )


def resend_unknown(issue: Issue) -> int:
    """Queue the copies whose fate is unknown to be sent again; returns how many.

    Only on an editor's explicit choice: a worker died while these copies
    were with the mail server, so some of them may have arrived, and those
    readers will get a second copy. Each copy is sent again at most once
    per choice (the same claim rules as a first send). A sent issue goes
    back to sending; a paused one sends them when resumed.
    """
    with transaction.atomic():
        current = Issue.objects.select_for_update().get(pk=issue.pk)
        if current.status not in (Issue.Status.SENDING, Issue.Status.PAUSED, Issue.Status.SENT):
            return 0
        queued = current.deliveries.filter(status=Delivery.Status.UNKNOWN).update(
            status=Delivery.Status.RESEND, error=""
        )
        if queued and current.status != Issue.Status.PAUSED:
            Issue.objects.filter(pk=issue.pk).update(
                status=Issue.Status.SENDING, finished_at=None, last_progress_at=timezone.now()
            )
            enqueue_senders(issue.pk)
    return queued


def resume(issue: Issue) -> bool:
    updated = Issue.objects.filter(pk=issue.pk, status=Issue.Status.PAUSED).update(
        status=Issue.Status.SENDING, last_progress_at=timezone.now()
    )
    if updated:
        enqueue_senders(issue.pk)
    return bool(updated)
