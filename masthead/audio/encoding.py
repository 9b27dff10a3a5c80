"""Narrations as files: Opus in Ogg for the player, MP3 for podcast apps and downloads.

Both files are written while the engine speaks, sentence by sentence, so a
long article never holds its whole audio in memory.

**Opus** is encoded by libopus itself (through ``ctypes``), set up for
speech: the VoIP application, 60 ms frames, wideband (8 kHz of audio
bandwidth) held whatever the bitrate, and ``AUDIO_OPUS_BITRATE`` (7.5 kbit/s,
VBR). libsndfile's encoder, which ``soundfile`` offers, fixes 20 ms frames
and the "audio" application, and below 9 kbit/s drops to narrowband, which
speech recognition measurably suffers from; here 7.5 kbit/s stays wideband at
51 to 56 KB (1000 bytes) per minute of narration. The Ogg container (RFC
7845) is written below. libopus comes from the ``opuslib-next-bundled``
wheel (BSD-3-Clause, libopus inside), else from the system (``libopus0``),
else from ``AUDIO_LIBOPUS``, a path.

**MP3** is LAME's, through ``lameenc``.
"""

import contextlib
import ctypes
import ctypes.util
import functools
import importlib.util
import os
import struct
import sys
from pathlib import Path

import lameenc
import numpy as np
from django.conf import settings

OPUS_RATES = (8000, 12000, 16000, 24000, 48000)
FRAME_MS = 60
# libopus' constants (opus_defines.h).
OPUS_APPLICATION_VOIP = 2048
OPUS_SET_BITRATE = 4002
OPUS_SET_BANDWIDTH = 4008
OPUS_SET_COMPLEXITY = 4010
OPUS_SET_SIGNAL = 4024
OPUS_GET_LOOKAHEAD = 4027
OPUS_BANDWIDTH_WIDEBAND = 1103
OPUS_SIGNAL_VOICE = 3001
MAX_PACKET = 4000


class OpusUnavailable(RuntimeError):
    """No libopus could be loaded on this machine."""


def _library_candidates() -> list[str]:
    candidates = []
    configured = getattr(settings, "AUDIO_LIBOPUS", "")
    if configured:
        candidates.append(configured)
    spec = importlib.util.find_spec("opuslib_next")
    if spec is not None and spec.origin:
        name = {"darwin": "libopus.dylib", "win32": "opus.dll"}.get(sys.platform, "libopus.so")
        candidates.append(str(Path(spec.origin).parent / "_native" / name))
    system = ctypes.util.find_library("opus")
    if system:
        candidates.append(system)
    return candidates


@functools.cache
def libopus() -> ctypes.CDLL:
    """libopus, loaded once per process, with the signatures used here."""
    tried = []
    for candidate in _library_candidates():
        try:
            lib = ctypes.CDLL(candidate)
        except OSError as error:
            tried.append(f"{candidate}: {error}")
            continue
        lib.opus_encoder_create.restype = ctypes.c_void_p
        lib.opus_encoder_create.argtypes = [
            ctypes.c_int32, ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_int)
        ]  # fmt: skip
        lib.opus_encoder_destroy.argtypes = [ctypes.c_void_p]
        lib.opus_encoder_destroy.restype = None
        lib.opus_encoder_ctl.restype = ctypes.c_int
        lib.opus_encode_float.restype = ctypes.c_int32
        lib.opus_encode_float.argtypes = [
            ctypes.c_void_p, ctypes.POINTER(ctypes.c_float), ctypes.c_int, ctypes.c_char_p, ctypes.c_int32
        ]  # fmt: skip
        lib.opus_get_version_string.restype = ctypes.c_char_p
        lib.opus_strerror.restype = ctypes.c_char_p
        lib.opus_strerror.argtypes = [ctypes.c_int]
        return lib
    raise OpusUnavailable(
        "libopus was not found: install the project's dependencies (opuslib-next-bundled), the "
        "system's libopus (Debian: libopus0), or set AUDIO_LIBOPUS. " + "; ".join(tried)
    )


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


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        value = byte << 24
        for _ in range(8):
            value = ((value << 1) ^ 0x04C11DB7) if value & 0x80000000 else value << 1
        table.append(value & 0xFFFFFFFF)
    return table


CRC_TABLE = _crc_table()


def ogg_crc(data: bytes) -> int:
    """Ogg's page checksum: CRC-32, polynomial 0x04C11DB7, not reflected, starting at 0."""
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ CRC_TABLE[(crc >> 24) ^ byte]
    return crc


class OggOpusWriter:
    """Mono Ogg Opus (RFC 7845) written as samples arrive; ``close`` ends the stream."""

    PACKETS_PER_PAGE = 17  # about a second of audio per page

    def __init__(self, file, sample_rate: int, bitrate: int) -> None:
        if sample_rate not in OPUS_RATES:
            raise ValueError(f"Opus takes {OPUS_RATES} Hz, not {sample_rate}")
        self.file, self.sample_rate = file, sample_rate
        self.lib = libopus()
        error = ctypes.c_int()
        self._state = self.lib.opus_encoder_create(sample_rate, 1, OPUS_APPLICATION_VOIP, ctypes.byref(error))
        if error.value != 0 or not self._state:
            raise OpusUnavailable(f"opus_encoder_create: {self.lib.opus_strerror(error.value).decode()}")
        for request, value in (
            (OPUS_SET_BITRATE, bitrate),
            (OPUS_SET_BANDWIDTH, OPUS_BANDWIDTH_WIDEBAND),
            (OPUS_SET_SIGNAL, OPUS_SIGNAL_VOICE),
            (OPUS_SET_COMPLEXITY, 10),
        ):
            self._ctl(request, ctypes.c_int32(value))
        lookahead = ctypes.c_int32()
        self._ctl(OPUS_GET_LOOKAHEAD, ctypes.byref(lookahead))
        self.scale = 48000 // sample_rate  # granule positions count 48 kHz samples
        self.pre_skip = lookahead.value * self.scale
        self.frame = sample_rate * FRAME_MS // 1000
        self.lookahead = lookahead.value
        self.samples = 0  # written by the caller
        self._pending = np.zeros(0, np.float32)
        self._packets: list[bytes] = []
        self._encoded = 0  # samples that went into packets (including the final padding)
        self._sequence = 0
        self._serial = int.from_bytes(os.urandom(4), "little")
        self._buffer = ctypes.create_string_buffer(MAX_PACKET)
        head = struct.pack("<8sBBHIhB", b"OpusHead", 1, 1, self.pre_skip, sample_rate, 0, 0)
        self._page([head], granule=0, flags=0x02)
        vendor = self.lib.opus_get_version_string()
        self._page([b"OpusTags" + struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", 0)], granule=0)

    def _ctl(self, request: int, argument) -> None:
        result = self.lib.opus_encoder_ctl(ctypes.c_void_p(self._state), ctypes.c_int(request), argument)
        if result != 0:
            raise OpusUnavailable(f"opus_encoder_ctl({request}): {self.lib.opus_strerror(result).decode()}")

    def _page(self, packets: list[bytes], granule: int, flags: int = 0) -> None:
        lacing = bytearray()
        for packet in packets:
            lacing += b"\xff" * (len(packet) // 255) + bytes([len(packet) % 255])
        header = struct.pack(
            "<4sBBqIIIB", b"OggS", 0, flags, granule, self._serial, self._sequence, 0, len(lacing)
        )
        page = bytearray(header + lacing + b"".join(packets))
        page[22:26] = struct.pack("<I", ogg_crc(page))
        self.file.write(page)
        self._sequence += 1

    def _encode(self, frame: np.ndarray) -> None:
        frame = np.ascontiguousarray(frame, dtype=np.float32)
        size = self.lib.opus_encode_float(
            self._state, frame.ctypes.data_as(ctypes.POINTER(ctypes.c_float)), len(frame), self._buffer,
            MAX_PACKET,
        )  # fmt: skip
        if size < 0:
            raise RuntimeError(f"opus_encode_float: {self.lib.opus_strerror(size).decode()}")
        self._packets.append(self._buffer.raw[:size])
        self._encoded += len(frame)

    def _flush_page(self, last: bool = False) -> None:
        if self._packets or last:
            granule = self.pre_skip + (self.samples if last else self._encoded) * self.scale
            self._page(self._packets, granule, 0x04 if last else 0)
            self._packets = []

    def write(self, samples: np.ndarray) -> None:
        self.samples += len(samples)
        pending = np.concatenate([self._pending, samples.astype(np.float32, copy=False)])
        whole = len(pending) - len(pending) % self.frame
        for start in range(0, whole, self.frame):
            self._encode(pending[start : start + self.frame])
            if len(self._packets) >= self.PACKETS_PER_PAGE:
                self._flush_page()
        self._pending = pending[whole:]

    def close(self) -> None:
        # Pad to whole frames, and past the encoder's look-ahead so the last sample is in a packet;
        # the last page's granule position trims the padding off again (RFC 7845, 4.4).
        tail = self._pending
        needed = len(tail) + self.lookahead
        padded = np.zeros(-(-needed // self.frame) * self.frame, np.float32)
        padded[: len(tail)] = tail
        for start in range(0, len(padded), self.frame):
            self._encode(padded[start : start + self.frame])
        self._pending = np.zeros(0, np.float32)
        self._flush_page(last=True)
        self.release()

    def release(self) -> None:
        if self._state:
            self.lib.opus_encoder_destroy(self._state)
            self._state = None


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
        self._opus_file = open(self._opus_tmp, "wb")  # noqa: SIM115  (closed in close/abort)
        self._mp3_file = open(self._mp3_tmp, "wb")  # noqa: SIM115
        try:
            self._opus = OggOpusWriter(self._opus_file, self.opus_rate, settings.AUDIO_OPUS_BITRATE)
        except BaseException:
            self.abort()
            raise
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
        self._opus_file.close()
        self._mp3_file.write(self._mp3.flush())
        self._mp3_file.close()
        os.replace(self._opus_tmp, self.opus_path)
        os.replace(self._mp3_tmp, self.mp3_path)

    def abort(self) -> None:
        closers = [self._opus_file.close, self._mp3_file.close]
        if hasattr(self, "_opus"):
            closers.insert(0, self._opus.release)
        for closer in closers:
            with contextlib.suppress(Exception):  # the narration already failed; clean up what is left
                closer()
        for path in (self._opus_tmp, self._mp3_tmp):
            path.unlink(missing_ok=True)
