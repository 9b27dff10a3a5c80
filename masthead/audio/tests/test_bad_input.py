"""Odd articles are narrated or skipped with a clear status; no narration is ever left hanging."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from masthead.articles.tests.factories import ArticleFactory, ImageFactory, paragraph
from masthead.audio.models import Narration
from masthead.audio.narrating import check_narrations, narrate, request_narration

pytestmark = pytest.mark.django_db


def narrate_now(article) -> Narration:
    narration = request_narration(article, queue=False)
    narrate(narration.pk)
    narration.refresh_from_db()
    return narration


def test_article_with_only_a_picture_and_an_embed_is_not_narrated_and_says_why(section):
    article = ArticleFactory(
        parent=section,
        body=[
            {"type": "image", "value": {"image": ImageFactory().pk, "caption": "A caption.", "credit": ""}},
            {"type": "embed", "value": {"embed": "https://www.youtube.com/watch?v=abc", "caption": "Video."}},
        ],
    )
    narration = request_narration(article)
    assert narration.status == Narration.Status.SKIPPED
    assert "no body text" in narration.message


def test_article_written_only_in_a_script_the_voices_do_not_speak_says_so(section):
    article = ArticleFactory(
        parent=section,
        title="Bridge",
        body=[paragraph("市议会周二投票决定重建这座老桥。"), paragraph("工程将于春季开始。")],
    )
    narration = request_narration(article)
    assert narration.status == Narration.Status.SKIPPED
    assert "no text the voice can read" in narration.message
    assert "no body text" not in narration.message


def test_article_with_an_empty_body_is_not_narrated(section):
    narration = request_narration(ArticleFactory(parent=section, body=[]))
    assert narration.status == Narration.Status.SKIPPED


def test_a_20000_word_article_is_not_narrated_and_the_admin_says_why(section):
    body = [
        paragraph("The committee heard evidence from residents about the bridge. " * 50) for _ in range(50)
    ]
    article = ArticleFactory(parent=section, body=body)
    narration = request_narration(article)
    assert narration.word_count > 20000
    assert narration.status == Narration.Status.SKIPPED
    assert "AUDIO_MAX_WORDS" in narration.message
    assert "15,000" in narration.message


def test_cyrillic_names_in_an_english_article_are_read_in_latin_letters(section):
    article = ArticleFactory(
        parent=section,
        title="Mayor meets Олена Зеленська",
        body=[paragraph("Олена Зеленська spoke to reporters in Київ on Monday.")],
    )
    narration = narrate_now(article)
    assert narration.status == Narration.Status.READY
    assert "Olena Zelenska" in narration.script
    # Київ becomes Kyiv, which the seeded dictionary says as Ukrainians do.
    assert "in Keev on Monday" in narration.script
    assert narration.duration_ms > 1000


@override_settings(AUDIO_DEFAULT_VOICE="hibari:no-such-voice")
def test_a_voice_missing_on_the_worker_fails_with_a_message(article):
    narration = narrate_now(article)
    assert narration.status == Narration.Status.FAILED
    assert "not installed" in narration.message


def test_a_narration_whose_worker_died_is_queued_again_then_failed_after_three_tries(article):
    narration = request_narration(article, queue=False)
    long_ago = timezone.now() - timedelta(minutes=10)
    Narration.objects.filter(pk=narration.pk).update(
        status=Narration.Status.NARRATING, heartbeat_at=long_ago, attempts=1
    )
    assert check_narrations() == [narration.pk]
    narration.refresh_from_db()
    assert narration.status == Narration.Status.QUEUED

    Narration.objects.filter(pk=narration.pk).update(
        status=Narration.Status.NARRATING, heartbeat_at=long_ago, attempts=3
    )
    assert check_narrations() == []
    narration.refresh_from_db()
    assert narration.status == Narration.Status.FAILED
    assert "stopped 3 times" in narration.message


def test_a_failed_narration_is_tried_again_when_the_article_is_published_again(article):
    narration = request_narration(article, queue=False)
    Narration.objects.filter(pk=narration.pk).update(status=Narration.Status.FAILED, message="boom")
    again = request_narration(article, queue=False)
    assert again.pk == narration.pk
    assert again.status == Narration.Status.QUEUED


def test_a_narration_nobody_took_is_handed_to_the_worker_again(article):
    narration = request_narration(article, queue=False)
    Narration.objects.filter(pk=narration.pk).update(heartbeat_at=timezone.now() - timedelta(hours=2))
    assert check_narrations() == [narration.pk]


def test_an_article_written_in_ukrainian_is_not_narrated_in_an_english_voice(section):
    article = ArticleFactory(
        parent=section,
        title="Міська рада проголосувала за новий міст",
        body=[
            paragraph("Київська міська рада у вівторок проголосувала за відбудову старого мосту."),
            paragraph("Роботи почнуться навесні й триватимуть два роки; вартість — 30 млн гривень."),
        ],
    )
    narration = request_narration(article)
    assert narration.status == Narration.Status.SKIPPED
    assert "mostly in a script other than Latin letters" in narration.message


def test_an_english_article_quoting_ukrainian_is_narrated(section):
    article = ArticleFactory(
        parent=section,
        body=[
            paragraph("The sign on the door of the council chamber read «Засідання триває» on Tuesday."),
            paragraph("Members voted to rebuild the bridge, and work will start in the spring."),
        ],
    )
    assert request_narration(article, queue=False).status == Narration.Status.QUEUED


def test_an_article_not_narrated_under_old_rules_is_narrated_once_they_allow_it(section):
    article = ArticleFactory(parent=section, body=[paragraph("The bridge will reopen in May. " * 20)])
    with override_settings(AUDIO_MAX_WORDS=50):
        skipped = request_narration(article, queue=False)
    assert skipped.status == Narration.Status.SKIPPED and "up to 50" in skipped.message
    with override_settings(AUDIO_MAX_WORDS=60):  # still too long: the message says the new limit
        assert "up to 60" in request_narration(article, queue=False).message
    again = request_narration(article, queue=False)
    assert again.pk == skipped.pk and again.status == Narration.Status.QUEUED and again.message == ""
    assert narrate(again.pk) == Narration.Status.READY
