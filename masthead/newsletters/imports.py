"""Import subscribers from CSV (a Mailchimp audience export or any file with an email column).

All or nothing: the file is checked completely first; if any row is wrong,
nothing is written and the report lists every problem with its line. A dry
run stops after the check and says what would change.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ErasedAddress, NewsletterList, Subscriber, Subscription, normalise_email

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_EMAIL_LENGTH = 254
MAX_NAME_LENGTH = 100
EMAIL_COLUMNS = ("email address", "email", "e-mail", "email_address", "e-mail address")
FIRST_NAME_COLUMNS = ("first name", "first_name", "firstname", "fname")
LAST_NAME_COLUMNS = ("last name", "last_name", "lastname", "lname")
# Mailchimp exports an audience as three files; the unsubscribed and the
# cleaned (bounced) members carry the time they left in these columns.
UNSUBSCRIBED_COLUMNS = ("unsub_time",)
CLEANED_COLUMNS = ("clean_time",)
CHUNK = 500


@dataclass
class ImportRow:
    line: int
    email: str
    first_name: str
    last_name: str
    left: str = ""  # "unsubscribed" or "cleaned" when the file says the reader left


@dataclass
class ImportReport:
    dry_run: bool
    rows: int = 0
    new: int = 0
    existing: int = 0
    imported: bool = False
    errors: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str, int]] = field(default_factory=list)
    left_earlier: list[tuple[int, str]] = field(default_factory=list)
    erased: list[tuple[int, str]] = field(default_factory=list)
    left_in_file: list[tuple[int, str]] = field(default_factory=list)


def find_column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    return next((lowered.index(name) for name in names if name in lowered), None)


def read_rows(data: bytes, report: ImportReport) -> list[ImportRow]:
    """Check every row; problems go to ``report.errors``, duplicates to ``report.duplicates``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append((0, _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")))
        return []
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample.splitlines()[0] if sample else "", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[ImportRow] = []
    seen: dict[str, int] = {}
    try:
        header = next(reader, None)
        if not header:
            report.errors.append((0, _("The file is empty.")))
            return []
        email_at = find_column(header, EMAIL_COLUMNS)
        if email_at is None:
            report.errors.append((1, _("No email column: name one “Email Address” or “email”.")))
            return []
        first_at = find_column(header, FIRST_NAME_COLUMNS)
        last_at = find_column(header, LAST_NAME_COLUMNS)
        unsubscribed_at = find_column(header, UNSUBSCRIBED_COLUMNS)
        cleaned_at = find_column(header, CLEANED_COLUMNS)
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            report.rows += 1
            if len(values) > len(header):
                report.errors.append((line, _("This row has more fields than the header.")))
                continue
            values = values + [""] * (len(header) - len(values))
            raw = values[email_at].strip()
            email = normalise_email(raw)
            first = values[first_at].strip() if first_at is not None else ""
            last = values[last_at].strip() if last_at is not None else ""
            if not email:
                report.errors.append((line, _("The email address is missing.")))
                continue
            if len(email) > MAX_EMAIL_LENGTH:
                report.errors.append((line, _("The email address is longer than 254 characters.")))
                continue
            try:
                validate_email(email)
            except ValidationError:
                report.errors.append(
                    (line, _("“%(value)s” is not a correct email address.") % {"value": raw[:80]})
                )
                continue
            if len(first) > MAX_NAME_LENGTH or len(last) > MAX_NAME_LENGTH:
                report.errors.append((line, _("A name is longer than 100 characters.")))
                continue
            if email in seen:
                report.duplicates.append((line, email, seen[email]))
                continue
            seen[email] = line
            left = ""
            if cleaned_at is not None and values[cleaned_at].strip():
                left = "cleaned"
            elif unsubscribed_at is not None and values[unsubscribed_at].strip():
                left = "unsubscribed"
            rows.append(ImportRow(line, email, first, last, left))
    except csv.Error as error:
        report.errors.append((reader.line_num, _("The file is not valid CSV: %(error)s") % {"error": error}))
    return rows


def import_subscribers(data: bytes, lists: list[NewsletterList], dry_run: bool = True) -> ImportReport:
    """Check ``data`` and, unless it is a dry run or has errors, import it in one transaction.

    New addresses are added as confirmed (the newsroom vouches that they
    opted in elsewhere). Known addresses get the lists added; addresses that
    unsubscribed or were suppressed are reported and left alone, and so are
    addresses whose owners deleted their data (only they can sign up again).
    Rows the file itself marks as gone (Mailchimp's unsubscribed and cleaned
    exports) subscribe nobody: a new address is kept as unsubscribed or
    suppressed, so a later import of an older file cannot add it back.
    """
    report = ImportReport(dry_run=dry_run)
    rows = read_rows(data, report)
    if not report.errors and not rows:
        report.errors.append((0, _("The file has no subscribers in it.")))
    if report.errors:
        return report
    known: dict[str, Subscriber] = {}
    emails = [row.email for row in rows]
    for start in range(0, len(emails), CHUNK):
        for subscriber in Subscriber.objects.filter(email__in=emails[start : start + CHUNK]):
            known[subscriber.email] = subscriber
    left = {Subscriber.Status.UNSUBSCRIBED, Subscriber.Status.SUPPRESSED}
    erased = ErasedAddress.objects.among(emails)
    to_create, to_subscribe = [], []
    to_keep_out = []
    for row in rows:
        subscriber = known.get(row.email)
        if row.email in erased:
            report.erased.append((row.line, row.email))
        elif row.left:
            report.left_in_file.append((row.line, row.email))
            if subscriber is None:
                to_keep_out.append(row)
        elif subscriber is None:
            to_create.append(row)
        elif subscriber.status in left:
            report.left_earlier.append((row.line, row.email))
        else:
            to_subscribe.append(subscriber)
    report.new, report.existing = len(to_create), len(to_subscribe)
    if dry_run:
        return report
    now = timezone.now()
    with transaction.atomic():
        status_of = {
            "cleaned": {
                "status": Subscriber.Status.SUPPRESSED,
                "suppressed_at": now,
                "suppression_reason": _("Cleaned in the imported file (the address bounced)"),
            },
            "unsubscribed": {"status": Subscriber.Status.UNSUBSCRIBED, "unsubscribed_at": now},
            "": {"status": Subscriber.Status.CONFIRMED, "confirmed_at": now},
        }
        Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=row.email,
                    first_name=row.first_name,
                    last_name=row.last_name,
                    source=Subscriber.Source.IMPORT,
                    created_at=now,
                    **status_of[row.left],
                )
                for row in [*to_create, *to_keep_out]
            ],
            batch_size=CHUNK,
        )
        pending = [s.pk for s in to_subscribe if s.status == Subscriber.Status.PENDING]
        Subscriber.objects.filter(pk__in=pending).update(status=Subscriber.Status.CONFIRMED, confirmed_at=now)
        ids = [s.pk for s in to_subscribe]
        new_emails = [row.email for row in to_create]
        for start in range(0, len(new_emails), CHUNK):
            ids += Subscriber.objects.filter(email__in=new_emails[start : start + CHUNK]).values_list(
                "pk", flat=True
            )
        Subscription.objects.bulk_create(
            [
                Subscription(subscriber_id=pk, newsletter_list=nl, created_at=now)
                for pk in ids
                for nl in lists
            ],
            batch_size=CHUNK,
            ignore_conflicts=True,
        )
    report.imported = True
    return report
