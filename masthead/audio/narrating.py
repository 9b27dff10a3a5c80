"""Deciding when an article needs narrating, and narrating it in the worker.

``request_narration`` runs in the web process when an article is published
(or an editor asks): it prepares the script, which is cheap, and looks up its
hash. The same words in the same voice are never synthesised twice: a known
hash reuses its narration; a new one is recorded as *queued* and handed to the
worker (``tasks.narrate``), which does the synthesis and encoding.

Every narration ends *ready*, *not narrated* (with the reason: no body text,
too long) or *failed* (with the error). A worker that dies mid-narration
leaves it *narrating* with a stale heartbeat; the clock's ``check_narrations``
queues it again, and gives up with a clear message after ``MAX_ATTEMPTS``.
"""

import json
import logging
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import engines
from .encoding import NarrationWriter
from .models import BEING_MADE, ArticleAudio, Narration, PronunciationEntry, audio_root
from .script import Script, article_script

logger = logging.getLogger(__name__)

SENTENCE_PAUSE = 0.12  # seconds of silence after each sentence
PARAGRAPH_PAUSE = 0.45  # and after each paragraph (the headline and byline are paragraphs)
HEARTBEAT_SECONDS = 5
MAX_ATTEMPTS = 3


def script_for(article, draft: bool = False) -> Script:
    """The script of the article's live version, or of its latest draft."""
    page = article.get_latest_revision_as_object() if draft else article
    return article_script(page, PronunciationEntry.as_dict())


def skip_reason(script: Script) -> str:
    """Why a script is not narrated, or "" when it is."""
    if script.body_word_count == 0 and script.unreadable_passages:
        return _(
            "The article has no text the voice can read: its body is written in a script the voices "
            "do not speak (they read English, and Cyrillic in Latin letters)."
        )
    if script.body_word_count == 0:
        return _("The article has no body text to read (only pictures, embeds or links).")
    if script.mostly_other_script:
        return _(
            "The article is written mostly in a script other than Latin letters (Ukrainian or Chinese, "
            "say). The voices read English, so it is not narrated; names in Cyrillic within an English "
            "article are read."
        )
    limit = settings.AUDIO_MAX_WORDS
    if script.word_count > limit:
        return _(
            "The article has %(words)s words; narrations are made for up to %(limit)s (AUDIO_MAX_WORDS)."
        ) % {
            "words": f"{script.word_count:,}",
            "limit": f"{limit:,}",
        }
    return ""


def request_narration(
    article, draft: bool = False, force: bool = False, queue: bool = True
) -> Narration | None:
    """Make sure the article's current text has a narration, queueing one if needed.

    ``draft``: narrate the latest draft for the editor to listen to, without
    changing what readers hear. ``force``: synthesise again even if this text
    was narrated (an editor's *Regenerate*). ``queue=False`` leaves the
    synthesis to the caller (``narrate_archive``). Returns None when the editor
    turned narration off for the article.
    """
    audio = ArticleAudio.for_article(article)
    if not audio.enabled:
        return None
    script = script_for(article, draft)
    voice = audio.voice_id
    key = script.hash(voice)
    reason = skip_reason(script)
    narration, created = Narration.objects.get_or_create(
        article_id=article.pk,
        key=key,
        defaults={
            "voice": voice,
            "script": json.dumps(script.paragraphs, ensure_ascii=False),
            "word_count": script.word_count,
            "status": Narration.Status.SKIPPED if reason else Narration.Status.QUEUED,
            "message": reason,
        },
    )
    # Failed, or not narrated under rules that have changed since (AUDIO_MAX_WORDS raised,
    # a voice installed): try again. A Regenerate keeps the files readers hear meanwhile.
    retry = (Narration.Status.FAILED, Narration.Status.SKIPPED)
    requeue = not created and not reason and (force or narration.status in retry)
    if requeue and narration.status != Narration.Status.NARRATING:
        Narration.objects.filter(pk=narration.pk).update(
            status=Narration.Status.QUEUED, message="", attempts=0
        )
        narration.status, narration.message = Narration.Status.QUEUED, ""
    elif not created and narration.status == Narration.Status.SKIPPED and reason != narration.message:
        # Still not narrated, perhaps for another reason now (a changed AUDIO_MAX_WORDS).
        Narration.objects.filter(pk=narration.pk).update(message=reason)
        narration.message = reason
    if queue and ((created and not reason) or requeue):
        enqueue(narration.pk)
    if not draft:
        show(audio, narration)
    return narration


def show(audio: ArticleAudio, narration: Narration) -> None:
    """Make ``narration`` what readers hear, or, while the worker makes it, keep what they hear now.

    A changed text (or voice) keeps the previous narration on the article
    until the new one is ready; if the new one fails or is not narrated,
    readers hear nothing rather than words the article no longer has.
    """
    if audio.live_narration_id == narration.pk:
        if audio.pending_narration_id is not None:
            audio.pending_narration = None
            audio.save(update_fields=["pending_narration"])
        return
    current = audio.live_narration
    if narration.being_made and not narration.has_audio and current is not None and current.has_audio:
        if audio.pending_narration_id != narration.pk:
            audio.pending_narration = narration
            audio.save(update_fields=["pending_narration"])
            # The worker may have finished in between: it found nothing to promote then.
            if not Narration.objects.filter(pk=narration.pk, status__in=BEING_MADE).exists():
                promote(narration.pk)
        return
    audio.live_narration, audio.pending_narration = narration, None
    audio.save(update_fields=["live_narration", "pending_narration"])


def promote(narration_id: int) -> None:
    """A pending narration is done (ready, failed or not narrated): readers now get it."""
    ArticleAudio.objects.filter(pending_narration_id=narration_id).update(
        live_narration_id=narration_id, pending_narration=None
    )


def enqueue(narration_id: int) -> None:
    """Hand a queued narration to the worker once the current transaction commits.

    ``heartbeat_at`` of a queued narration is when it was last handed over:
    ``check_narrations`` hands it over again if no worker took it for long.
    """
    from .tasks import narrate

    Narration.objects.filter(pk=narration_id).update(heartbeat_at=timezone.now())
    transaction.on_commit(lambda: narrate.enqueue(narration_id))


def claim(narration_id: int) -> Narration | None:
    """Take a queued narration for this worker; None if another has it or it is done."""
    now = timezone.now()
    taken = Narration.objects.filter(pk=narration_id, status=Narration.Status.QUEUED).update(
        status=Narration.Status.NARRATING, started_at=now, heartbeat_at=now, message=""
    )
    return Narration.objects.filter(pk=narration_id).first() if taken else None


NOT_CLAIMED = "not claimed"


def narrate(narration_id: int, hand_back: bool = True) -> str:
    """Synthesise and encode a queued narration (in the worker); returns its final status.

    Returns ``NOT_CLAIMED`` when the narration is not queued (another process
    has it, or it is done). Stopped mid-way (Ctrl-C, the worker shutting
    down), it puts the narration back as it found it, queued with the attempt
    not counted, and re-raises; ``hand_back`` also hands it to the workers
    again (``narrate_archive`` does not: running it again carries on).
    """
    narration = claim(narration_id)
    if narration is None:
        return NOT_CLAIMED
    Narration.objects.filter(pk=narration.pk).update(attempts=narration.attempts + 1)
    try:
        synthesise(narration)
    except engines.UnknownVoice:
        fail(
            narration,
            _("The voice “%(voice)s” is not installed where the worker runs.") % {"voice": narration.voice},
        )
    except Exception as error:
        logger.exception("Narration %s failed", narration.pk)
        fail(
            narration, _("Narration failed: %(error)s") % {"error": f"{type(error).__name__}: {error}"[:500]}
        )
    except BaseException:  # KeyboardInterrupt, SystemExit: stopped, not failed
        release(narration, hand_back)
        raise
    return Narration.objects.filter(pk=narration.pk).values_list("status", flat=True).first() or "deleted"


def release(narration: Narration, hand_back: bool) -> None:
    """Put a narration this process claimed back in the queue, as it was before the claim."""
    released = Narration.objects.filter(pk=narration.pk, status=Narration.Status.NARRATING).update(
        status=Narration.Status.QUEUED,
        attempts=narration.attempts,
        started_at=None,
        heartbeat_at=timezone.now(),
    )
    if released:
        logger.warning("Narration %s stopped mid-way: queued again", narration.pk)
        if hand_back:
            enqueue(narration.pk)


def fail(narration: Narration, message: str) -> None:
    Narration.objects.filter(pk=narration.pk).update(
        status=Narration.Status.FAILED, message=message, finished_at=timezone.now()
    )
    promote(narration.pk)


def speak(engine, paragraphs: list[list[str]], writer: NarrationWriter, after_sentence=None) -> float:
    """Synthesise the paragraphs sentence by sentence into ``writer``; returns the seconds of synthesis.

    The worker's loop (``bench/audio.py`` measures this very function).
    """
    synthesis = 0.0
    for paragraph in paragraphs:
        for sentence in paragraph:
            before = time.perf_counter()
            samples = engine.synthesize(sentence)
            synthesis += time.perf_counter() - before
            writer.write(samples)
            writer.pause(SENTENCE_PAUSE)
            if after_sentence is not None:
                after_sentence()
        writer.pause(PARAGRAPH_PAUSE - SENTENCE_PAUSE)
    return synthesis


def synthesise(narration: Narration) -> None:
    engine = engines.engine_for(narration.voice)
    token = secrets.token_urlsafe(6)
    stem = f"{narration.article_id}/{narration.key[:16]}-{token}"
    root = audio_root()
    writer = NarrationWriter(root / f"{stem}.opus", root / f"{stem}.mp3", engine.sample_rate)
    started = time.perf_counter()
    beat = time.monotonic()

    def heartbeat() -> None:
        nonlocal beat
        if time.monotonic() - beat > HEARTBEAT_SECONDS:
            beat = time.monotonic()
            Narration.objects.filter(pk=narration.pk).update(heartbeat_at=timezone.now())

    try:
        synthesis = speak(engine, narration.paragraphs, writer, heartbeat)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    old = [narration.opus_file, narration.mp3_file]
    updated = Narration.objects.filter(pk=narration.pk, status=Narration.Status.NARRATING).update(
        status=Narration.Status.READY,
        message="",
        opus_file=f"{stem}.opus",
        mp3_file=f"{stem}.mp3",
        opus_bytes=(root / f"{stem}.opus").stat().st_size,
        mp3_bytes=(root / f"{stem}.mp3").stat().st_size,
        duration_ms=round(writer.duration * 1000),
        synthesis_seconds=synthesis,
        finished_at=timezone.now(),
    )
    if not updated:  # taken back by the stale check while we worked: keep the other result
        (root / f"{stem}.opus").unlink(missing_ok=True)
        (root / f"{stem}.mp3").unlink(missing_ok=True)
        return
    promote(narration.pk)
    for name in old:
        if name:
            (root / name).unlink(missing_ok=True)
    logger.info(
        "Narrated article %s: %.1f s of audio in %.1f s", narration.article_id, writer.duration,
        time.perf_counter() - started,
    )  # fmt: skip
    forget_old_narrations(narration)


def forget_old_narrations(latest: Narration) -> None:
    """Delete an article's narrations nobody can hear any more, with their files.

    Kept: the one readers hear, the one just made (e.g. a draft an editor
    listens to), and any still waiting for the worker.
    """
    audio = ArticleAudio.objects.filter(article_id=latest.article_id)
    kept = [pk for pair in audio.values_list("live_narration", "pending_narration") for pk in pair]
    stale = Narration.objects.filter(article_id=latest.article_id, created_at__lt=latest.created_at).exclude(
        Q(pk=latest.pk) | Q(pk__in=[pk for pk in kept if pk is not None]) | Q(status__in=BEING_MADE)
    )
    for narration in stale:
        narration.delete()  # and its files (signal_handlers.delete_narration_files)


def check_narrations(now=None) -> list[int]:
    """Queue again the narrations whose worker stopped; fail those that stopped too often.

    A narration still waiting long after it was handed to the worker (its
    task lost with a flushed queue, say) is handed over again.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.AUDIO_STALE_SECONDS)
    requeued = []
    waiting_since = now - timedelta(seconds=settings.AUDIO_STALE_SECONDS * 15)
    for pk in (
        Narration.objects.filter(status=Narration.Status.QUEUED)
        .filter(
            Q(heartbeat_at__lt=waiting_since) | Q(heartbeat_at__isnull=True, created_at__lt=waiting_since)
        )
        .values_list("pk", flat=True)
    ):
        enqueue(pk)
        requeued.append(pk)
    for narration in Narration.objects.filter(status=Narration.Status.NARRATING, heartbeat_at__lt=cutoff):
        if narration.attempts >= MAX_ATTEMPTS:
            updated = Narration.objects.filter(pk=narration.pk, status=Narration.Status.NARRATING).update(
                status=Narration.Status.FAILED,
                message=_("The worker stopped %(count)s times while narrating this article.")
                % {"count": narration.attempts},
                finished_at=now,
            )
            if updated:
                promote(narration.pk)
            continue
        updated = Narration.objects.filter(
            pk=narration.pk, status=Narration.Status.NARRATING, heartbeat_at=narration.heartbeat_at
        ).update(status=Narration.Status.QUEUED)
        if updated:
            enqueue(narration.pk)
            requeued.append(narration.pk)
    return requeued


def live_narration(article) -> Narration | None:
    """The narration readers hear on a live article, if it is ready."""
    audio = ArticleAudio.objects.select_related("live_narration").filter(article_id=article.pk).first()
    if audio is None or not audio.enabled or audio.live_narration is None:
        return None
    return audio.live_narration if audio.live_narration.has_audio else None
