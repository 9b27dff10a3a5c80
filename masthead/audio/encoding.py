"""Narrations as files: Opus in Ogg for the player, MP3 for podcast apps and downloads.

Both files are written while the engine speaks, sentence by sentence, so a
long article never holds its whole audio in memory. Opus (through
libsndfile, via ``soundfile``) is the compact one browsers play; MP3 (LAME,
via ``lameenc``) is the one every podcast app accepts.
"""

import contextlib
import os
from pathlib import Path

import lameenc
import numpy as np
import soundfile
from django.conf import settings

OPUS_RATES = (8000, 12000, 16000, 24000, 48000)
# libsndfile's Opus encoder takes a "compression level" in [0, 1] for its
# bitrate: level 0 is 256 kbit/s, level 1 is 6 kbit/s per channel, linearly
# (src/ogg_opus.c). Below about 9 kbit/s Opus falls back to narrowband.
OPUS_MAX_BPS = 256_000
OPUS_MIN_BPS = 6_000


def opus_compression_level(bitrate: int) -> float:
    """The libsndfile compression level that gives ``bitrate`` bits per second."""
    bitrate = min(max(bitrate, OPUS_MIN_BPS), OPUS_MAX_BPS)
    return 1 - (bitrate - OPUS_MIN_BPS) / (OPUS_MAX_BPS - OPUS_MIN_BPS)


def resample(samples: np.ndarray, source_rate: int, target_rate: int) -> np.ndarray:
    """Band-limited resampling of one sentence (by its spectrum; sentences are short)."""
    if source_rate == target_rate or not len(samples):
        return samples
    count = max(1, round(len(samples) * target_rate / source_rate))
    spectrum = np.fft.rfft(samples.astype(np.float64))
    bins = count // 2 + 1
    kept = np.zeros(bins, dtype=complex)
    kept[: min(bins, len(spectrum))] = spectrum[: min(bins, len(spectrum))]
    return (np.fft.irfft(kept, count) * (count / len(samples))).astype(np.float32)


def to_pcm16(samples: np.ndarray) -> bytes:
    return (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()


class NarrationWriter:
    """Writes one narration to an Opus and an MP3 file at once; ``close`` makes them final.

    The files are written under temporary names and renamed on ``close``, so
    a narration that fails halfway leaves nothing a reader could be served.
    """

    def __init__(self, opus_path: Path, mp3_path: Path, sample_rate: int) -> None:
        self.opus_path, self.mp3_path = Path(opus_path), Path(mp3_path)
        self.sample_rate = sample_rate
        self.opus_rate = min((r for r in OPUS_RATES if r >= sample_rate), default=48000)
        self.samples = 0
        for path in (self.opus_path, self.mp3_path):
            path.parent.mkdir(parents=True, exist_ok=True)
        self._opus_tmp = self.opus_path.with_suffix(".opus.part")
        self._mp3_tmp = self.mp3_path.with_suffix(".mp3.part")
        self._opus = soundfile.SoundFile(
            self._opus_tmp,
            "w",
            samplerate=self.opus_rate,
            channels=1,
            format="OGG",
            subtype="OPUS",
            compression_level=opus_compression_level(settings.AUDIO_OPUS_BITRATE),
        )
        self._mp3_file = open(self._mp3_tmp, "wb")  # noqa: SIM115  (closed in close/abort)
        self._mp3 = lameenc.Encoder()
        self._mp3.set_bit_rate(settings.AUDIO_MP3_KBPS)
        self._mp3.set_in_sample_rate(sample_rate)
        self._mp3.set_channels(1)
        self._mp3.set_quality(5)

    def write(self, samples: np.ndarray) -> None:
        if not len(samples):
            return
        self.samples += len(samples)
        self._opus.write(resample(samples, self.sample_rate, self.opus_rate))
        self._mp3_file.write(self._mp3.encode(to_pcm16(samples)))

    def pause(self, seconds: float) -> None:
        self.write(np.zeros(round(seconds * self.sample_rate), np.float32))

    @property
    def duration(self) -> float:
        return self.samples / self.sample_rate

    def close(self) -> None:
        self._opus.close()
        self._mp3_file.write(self._mp3.flush())
        self._mp3_file.close()
        os.replace(self._opus_tmp, self.opus_path)
        os.replace(self._mp3_tmp, self.mp3_path)

    def abort(self) -> None:
        for closer in (self._opus.close, self._mp3_file.close):
            with contextlib.suppress(Exception):  # the narration already failed; clean up what is left
                closer()
        for path in (self._opus_tmp, self._mp3_tmp):
            path.unlink(missing_ok=True)
