"""narrate_archive: stopping it mid-article loses nothing, running it again carries on at once,
and every article it does not narrate is named with the reason."""

import io

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from masthead.articles.tests.factories import ArticleFactory, paragraph
from masthead.audio import narrating
from masthead.audio.models import ArticleAudio, Narration, audio_root
from masthead.audio.narrating import narrate, request_narration

pytestmark = pytest.mark.django_db


class FakeEngine:
    """Half a second of tone per sentence; stops (as Ctrl-C does) at sentence ``stop_at``."""

    sample_rate = 24000

    def __init__(self, stop_at: int = 0, stop_with: type[BaseException] = KeyboardInterrupt) -> None:
        self.stop_at, self.stop_with, self.sentences = stop_at, stop_with, 0

    def synthesize(self, sentence: str) -> np.ndarray:
        self.sentences += 1
        if self.sentences == self.stop_at:
            raise self.stop_with()
        return (0.2 * np.sin(np.arange(12000) * 0.05)).astype(np.float32)


@pytest.fixture(autouse=True)
def own_audio_root(settings, tmp_path):
    settings.AUDIO_ROOT = str(tmp_path / "audio")


@pytest.fixture
def engine(monkeypatch):
    def use(**kwargs) -> FakeEngine:
        fake = FakeEngine(**kwargs)
        monkeypatch.setattr(narrating.engines, "engine_for", lambda voice: fake)
        return fake

    return use


def files_of(article) -> list[str]:
    folder = audio_root() / str(article.pk)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("narrate_archive", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_ctrl_c_mid_article_puts_it_back_and_the_next_run_carries_on_at_once(section, engine):
    older = ArticleFactory(parent=section, title="Older story", body=[paragraph("One. Two. Three.")])
    newer = ArticleFactory(parent=section, title="Newer story", body=[paragraph("Four. Five.")])
    # The newer article (narrated first) is read whole; Ctrl-C in the older one's second sentence.
    engine(stop_at=len(narrating.script_for(newer).sentences) + 2)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as stopped:
        call_command("narrate_archive", stdout=out, stderr=err)
    assert stopped.value.returncode == 130
    assert "Stopped at article 2 of 2" in out.getvalue() and "1 narrated" in out.getvalue()
    assert "run the command again to carry on" in out.getvalue()
    held = Narration.objects.get(article=older)
    assert held.status == Narration.Status.QUEUED
    assert held.attempts == 0  # a stop is not a failed attempt
    assert files_of(older) == []  # no half-written file left behind
    assert Narration.objects.get(article=newer).status == Narration.Status.READY

    engine()
    out, err = run()
    assert "1 narrated" in out and "1 already narrated" in out and "0 being narrated" in out
    assert err == ""
    narration = ArticleAudio.objects.get(article=older).live_narration
    assert narration.pk == held.pk and narration.status == Narration.Status.READY
    assert narration.duration_ms > 1000
    assert sorted(name.rsplit(".", 1)[1] for name in files_of(older)) == ["mp3", "opus"]


def test_articles_not_narrated_are_named_with_the_reason(section, engine):
    engine()
    busy = ArticleFactory(parent=section, title="Being narrated", body=[paragraph("Words.")])
    narration = request_narration(busy, queue=False)
    Narration.objects.filter(pk=narration.pk).update(
        status=Narration.Status.NARRATING, heartbeat_at=timezone.now()
    )
    ArticleFactory(parent=section, title="Pictures only", body=[])
    ArticleFactory(parent=section, title="Plain story", body=[paragraph("A plain sentence.")])
    out, err = run()
    assert "1 narrated" in out and "1 being narrated by a worker" in out and "1 not narrated" in out
    assert f"Being narrated (#{busy.pk}): left to the worker narrating it now" in err
    assert "Pictures only" in err and "no body text" in err
    assert "Plain story" not in err


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit])
def test_a_worker_stopped_mid_narration_hands_it_back_to_the_queue(
    article, engine, stop, django_capture_on_commit_callbacks
):
    engine(stop_at=2, stop_with=stop)
    narration = request_narration(article, queue=False)
    Narration.objects.filter(pk=narration.pk).update(attempts=1)  # tried once before, by a worker that died
    with django_capture_on_commit_callbacks() as handed_over, pytest.raises(stop):
        narrate(narration.pk)
    narration.refresh_from_db()
    assert narration.status == Narration.Status.QUEUED
    assert narration.attempts == 1
    assert len(handed_over) == 1  # queued for the workers again, not left for the clock
    assert files_of(article) == []
    engine()
    assert narrate(narration.pk) == Narration.Status.READY
