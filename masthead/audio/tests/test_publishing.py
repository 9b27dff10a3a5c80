"""Editors: publishing narrates an article, and again only when its spoken text or voice changes."""

import pytest
from django.tasks.signals import task_enqueued
from django.test import override_settings

from masthead.articles.tests.factories import ArticleFactory, paragraph
from masthead.audio.models import ArticleAudio, Narration
from masthead.audio.tests.test_engines import needs_piper

pytestmark = pytest.mark.django_db


@pytest.fixture
def narrate_on_publish():
    with override_settings(AUDIO_NARRATE_ON_PUBLISH=True):
        yield


class Enqueued(list):
    """The narrations handed to the worker while a block runs (``django.tasks``' own signal)."""

    def __init__(self, capture) -> None:
        super().__init__()
        self.capture = capture

    def __enter__(self):
        self.captured = self.capture(execute=True)
        self.captured.__enter__()
        task_enqueued.connect(self.receive)
        return self

    def __exit__(self, *exc):
        try:
            return self.captured.__exit__(*exc)
        finally:
            task_enqueued.disconnect(self.receive)

    def receive(self, sender, task_result, **kwargs) -> None:
        if task_result.task.name == "narrate":
            self.append(task_result.args)


@pytest.fixture
def enqueued(django_capture_on_commit_callbacks):
    return lambda: Enqueued(django_capture_on_commit_callbacks)


def publish(article, enqueued, **changes) -> list:
    for name, value in changes.items():
        setattr(article, name, value)
    with enqueued() as narrations:
        article.save_revision().publish()
    return narrations


def test_publishing_an_article_narrates_it_once(narrate_on_publish, section, author, enqueued):
    with enqueued() as callbacks:
        article = ArticleFactory(parent=section, authors=[author], title="Ferry timetable changes")
    assert len(callbacks) == 1  # one narration queued (the test backend runs it at once)
    narration = Narration.objects.get(article=article)
    assert narration.status == Narration.Status.READY
    assert narration.duration_ms > 1000
    assert ArticleAudio.objects.get(article=article).live_narration == narration
    assert narration.file_path("opus").read_bytes()[:4] == b"OggS"


def test_saving_or_republishing_the_same_text_narrates_nothing(article, narrate_on_publish, enqueued):
    publish(article, enqueued)
    first = Narration.objects.get(article=article)
    with enqueued() as callbacks:
        article.save_revision()  # a draft save
    assert callbacks == []
    callbacks = publish(article, enqueued, slug="bridge-story")  # not spoken
    assert callbacks == []
    assert list(Narration.objects.filter(article=article)) == [first]


def test_changing_a_sentence_narrates_again_and_readers_hear_the_new_version(
    article, narrate_on_publish, enqueued, client
):
    publish(article, enqueued)
    first = Narration.objects.get(article=article)
    body = [paragraph("The council changed its mind on Wednesday.")] + list(article.body.raw_data)[1:]
    callbacks = publish(article, enqueued, body=body)
    assert len(callbacks) == 1
    audio = ArticleAudio.objects.get(article=article)
    assert audio.live_narration != first
    assert audio.live_narration.status == Narration.Status.READY
    assert "changed its mind" in audio.live_narration.script
    # The first narration nobody can hear any more is gone, files and all.
    assert not Narration.objects.filter(pk=first.pk).exists()
    assert first.file_path("mp3") is not None and not first.file_path("mp3").exists()
    html = client.get(article.url).content.decode()
    assert f"/audio/{audio.live_narration.pk}-" in html


@needs_piper
def test_changing_the_voice_narrates_again(article, narrate_on_publish, enqueued):
    publish(article, enqueued)
    first = ArticleAudio.objects.get(article=article).live_narration
    ArticleAudio.objects.filter(article=article).update(voice="hibari:heart")  # the default, named
    assert publish(article, enqueued) == []  # same voice: same hash
    ArticleAudio.objects.filter(article=article).update(voice="piper:joe")
    callbacks = publish(article, enqueued)
    assert len(callbacks) == 1
    narration = ArticleAudio.objects.get(article=article).live_narration
    assert narration.voice == "piper:joe"
    assert narration.status == Narration.Status.READY, narration.message
    assert narration.key != first.key
    assert narration.duration_ms > 3000 and narration.opus_bytes > 1000 and narration.mp3_bytes > 1000
    assert narration.file_path("opus").read_bytes()[:4] == b"OggS"
    assert narration.file_path("mp3").stat().st_size == narration.mp3_bytes


def test_narration_off_means_nothing_is_narrated(article, narrate_on_publish, enqueued):
    ArticleAudio.objects.create(article=article, enabled=False)
    assert publish(article, enqueued, title="A new headline") == []
    assert not Narration.objects.filter(article=article).exists()


def test_publishing_when_narration_is_switched_off_in_settings_queues_nothing(article, enqueued):
    assert publish(article, enqueued) == []


def test_a_changed_text_keeps_the_old_audio_on_the_page_until_the_new_one_is_ready(
    narrated_article, client, django_capture_on_commit_callbacks
):
    old = narrated_article.audio.live_narration
    narrated_article.body = [paragraph("The council changed its mind on Wednesday.")]
    with (
        django_capture_on_commit_callbacks(execute=False) as worker,
        override_settings(AUDIO_NARRATE_ON_PUBLISH=True),
    ):
        narrated_article.save_revision().publish()
    audio = ArticleAudio.objects.get(article=narrated_article)
    assert audio.live_narration == old and audio.pending_narration.status == Narration.Status.QUEUED
    assert f"/audio/{old.pk}-" in client.get(narrated_article.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        for callback in worker:
            callback()
    audio.refresh_from_db()
    assert audio.pending_narration is None
    assert audio.live_narration != old and "changed its mind" in audio.live_narration.script
    assert f"/audio/{audio.live_narration.pk}-" in client.get(narrated_article.url).content.decode()


def test_when_the_changed_texts_narration_fails_readers_hear_nothing_outdated(
    narrated_article, client, django_capture_on_commit_callbacks
):
    narrated_article.body = [paragraph("A correction: the vote was on Thursday.")]
    settings = override_settings(AUDIO_NARRATE_ON_PUBLISH=True, AUDIO_DEFAULT_VOICE="hibari:no-such-voice")
    with settings, django_capture_on_commit_callbacks(execute=True):
        narrated_article.save_revision().publish()
    audio = ArticleAudio.objects.get(article=narrated_article)
    assert audio.pending_narration is None
    assert audio.live_narration.status == Narration.Status.FAILED
    assert "data-audio-player" not in client.get(narrated_article.url).content.decode()


def test_deleting_an_article_deletes_its_audio_files(narrated_article, django_capture_on_commit_callbacks):
    narration = narrated_article.audio.live_narration
    files = [narration.file_path("opus"), narration.file_path("mp3")]
    assert all(path.is_file() for path in files)
    with django_capture_on_commit_callbacks(execute=True):
        narrated_article.delete()
    assert not Narration.objects.filter(pk=narration.pk).exists()
    assert not any(path.exists() for path in files)
