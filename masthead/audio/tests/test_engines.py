"""Each installed engine speaks; the optional GPL engine is offered only where it is installed."""

import importlib.util
import os

import numpy as np
import pytest

from masthead.audio import engines

PIPER_INSTALLED = importlib.util.find_spec("piper") is not None
# The test run installs the optional piper group (see the Makefile's audio
# section); CI must exercise it, a developer without it is told.
needs_piper = pytest.mark.skipif(
    not PIPER_INSTALLED and os.environ.get("CI", "").lower() != "true",
    reason="piper-tts is an optional extra: uv sync --group piper",
)


def test_the_default_voice_is_hibari_heart_and_comes_first():
    voices = engines.installed_voices()
    assert voices[0].id == "hibari:heart"
    assert voices[0].license == "Apache-2.0"


def loudness(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples**2)))


def test_hibari_speaks_a_sentence_and_is_loaded_once_per_process():
    engine = engines.engine_for("hibari:heart")
    samples = engine.synthesize("The ferry leaves at noon.")
    assert engine.sample_rate == 24000
    assert samples.dtype == np.float32
    assert 0.8 < len(samples) / engine.sample_rate < 4
    assert loudness(samples) > 0.01
    assert engines.engine_for("hibari:heart") is engine


@needs_piper
def test_piper_speaks_a_sentence_with_the_voice_from_its_wheel():
    assert "piper:joe" in [v.id for v in engines.installed_voices()]
    engine = engines.engine_for("piper:joe")
    samples = engine.synthesize("The ferry leaves at noon.")
    assert engine.sample_rate == 22050
    assert 0.8 < len(samples) / engine.sample_rate < 4
    assert loudness(samples) > 0.01


def test_an_unknown_voice_is_refused():
    with pytest.raises(engines.UnknownVoice):
        engines.engine_for("hibari:nobody")
