"""Fixtures for the audio tests: one small narration synthesised once per test process."""

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from masthead.articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory, paragraph
from masthead.audio import engines
from masthead.audio.encoding import NarrationWriter
from masthead.audio.models import ArticleAudio, Narration, PronunciationEntry, audio_root
from masthead.audio.script import article_script

# Ordinary words only (no names): the quality test compares what a speech
# recogniser hears with these sentences.
SAMPLE_PARAGRAPHS = [
    "The city council voted on Tuesday to rebuild the old bridge over the river.",
    "Work will start in the spring and should take two years.",
    "Residents asked for more trees along the water and a wider path for bicycles.",
]


@dataclass
class Sample:
    """A narration of ``SAMPLE_PARAGRAPHS`` made with the default voice."""

    directory: Path
    duration: float
    sentences: list[str]

    @property
    def opus(self) -> Path:
        return self.directory / "sample.opus"

    @property
    def mp3(self) -> Path:
        return self.directory / "sample.mp3"


@pytest.fixture(scope="session")
def sample_narration(tmp_path_factory) -> Sample:
    directory = tmp_path_factory.mktemp("narration")
    engine = engines.engine_for(engines.DEFAULT_VOICE)
    writer = NarrationWriter(directory / "sample.opus", directory / "sample.mp3", engine.sample_rate)
    sentences = []
    for text in SAMPLE_PARAGRAPHS:
        sentences.append(text)
        writer.write(engine.synthesize(text))
        writer.pause(0.3)
    writer.close()
    return Sample(directory, writer.duration, sentences)


@pytest.fixture
def section(db):
    return SectionFactory(title="City", slug="city")


@pytest.fixture
def author(db):
    return AuthorFactory(title="Marta Hlynska")


@pytest.fixture
def article(section, author):
    return ArticleFactory(
        parent=section,
        title="Bridge to be rebuilt",
        standfirst="Work starts in spring.",
        authors=[author],
        body=[paragraph(text) for text in SAMPLE_PARAGRAPHS],
    )


def attach_ready_narration(article, sample: Sample) -> Narration:
    """Give an article a ready narration using the shared sample's files (no synthesis)."""
    script = article_script(article, PronunciationEntry.as_dict())  # as publishing would
    key = script.hash(engines.DEFAULT_VOICE)
    stem = f"{article.pk}/{key[:16]}-test"
    root = audio_root()
    (root / str(article.pk)).mkdir(parents=True, exist_ok=True)
    shutil.copy(sample.opus, root / f"{stem}.opus")
    shutil.copy(sample.mp3, root / f"{stem}.mp3")
    narration = Narration.objects.create(
        article=article,
        key=key,
        voice=engines.DEFAULT_VOICE,
        script=json.dumps(script.paragraphs),
        word_count=script.word_count,
        status=Narration.Status.READY,
        opus_file=f"{stem}.opus",
        mp3_file=f"{stem}.mp3",
        opus_bytes=sample.opus.stat().st_size,
        mp3_bytes=sample.mp3.stat().st_size,
        duration_ms=round(sample.duration * 1000),
    )
    audio = ArticleAudio.for_article(article)
    audio.live_narration = narration
    audio.save()
    return narration


@pytest.fixture
def narrated_article(article, sample_narration):
    attach_ready_narration(article, sample_narration)
    return article
