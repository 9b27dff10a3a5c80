"""What a sender has handed to the mail server, kept on local disk so a killed worker's copies can be settled.

The database records a batch's outcomes only once the batch is done. If
the worker is killed before that, the database alone cannot tell which of
the batch's copies left. So, for every batch, a sender keeps a journal:

- the file is made (empty) before the first copy is sent, and removed once
  the batch's outcomes are recorded;
- ``S <delivery id>`` is written just before a copy's content goes to the
  server, ``W <delivery id>`` once the socket has taken all of it, the final
  dot included.

Each line is one ``write`` to a file opened with ``O_APPEND``: it is in the
kernel before the next byte goes to the server, and it outlives the process
(not a power cut). When the worker's clock finds a dead sender's rows
(``sending.check_issues``), ``settle_abandoned`` reads the journal:

- *written*: the server received the whole message, and a server keeps a
  message whose final dot arrived even if the client vanishes before the
  reply (RFC 5321 leaves it to deliver; Postfix and aiosmtpd do). Recorded
  as sent. (A server that refused that message after the dot is the one
  case this records wrongly.)
- *started, not written*: the worker died while the message was on its way:
  the server may or may not have it. Recorded as unknown, never sent again.
- *neither*: the copy never left. Its claim is released and a later sender
  sends it: nobody misses the issue, and nobody gets it twice.

A batch without a journal file (its sender ran on another machine, with its
own ``NEWSLETTER_JOURNAL_DIR``) is recorded as unknown, as before journals.
"""

import os
import uuid
from pathlib import Path

from django.conf import settings


def journal_dir() -> Path:
    configured = getattr(settings, "NEWSLETTER_JOURNAL_DIR", "")
    return Path(configured) if configured else Path(settings.VAR_DIR) / "newsletter-journals"


def journal_path(batch: uuid.UUID | str) -> Path:
    return journal_dir() / f"{uuid.UUID(str(batch)).hex}.log"


class Journal:
    """One batch's journal, written from the batch's connection threads alike."""

    def __init__(self, batch: uuid.UUID | str) -> None:
        self.path = journal_path(batch)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def started(self, delivery_id: object) -> None:
        os.write(self.fd, b"S %d\n" % delivery_id)

    def written(self, delivery_id: object) -> None:
        os.write(self.fd, b"W %d\n" % delivery_id)

    def close(self, remove: bool = True) -> None:
        """Close the file; a batch whose outcomes are recorded needs it no more."""
        os.close(self.fd)
        if remove:
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc) -> None:
        self.close(remove=exc[0] is None)


def read_journal(batch: uuid.UUID | str) -> tuple[set[int], set[int]] | None:
    """The (started, written) delivery ids of a batch's journal, or None if this machine has none."""
    try:
        text = journal_path(batch).read_text(encoding="ascii", errors="replace")
    except FileNotFoundError:
        return None
    started, written = set(), set()
    for line in text.splitlines():
        kind, _, number = line.partition(" ")
        if not number.isdigit():
            continue  # a line cut short by the kill
        (started if kind == "S" else written if kind == "W" else set()).add(int(number))
    return started, written


def forget(batch: uuid.UUID | str) -> None:
    journal_path(batch).unlink(missing_ok=True)
