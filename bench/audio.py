"""Benchmark article narration: the demo newsroom's articles narrated with each installed engine.

For each voice a fresh child process (a worker's life: load the engine once,
then narrate article after article) prepares each article's script exactly
as publishing does, synthesises it sentence by sentence and encodes Opus and
MP3 as the worker does. Printed per engine:

- real-time factor (RTF): seconds of synthesis per second of audio, p50 and
  p95 over the articles; and the same with encoding included;
- the child's peak resident memory (the worker's, with the engine loaded);
- bytes per minute of audio, Opus (the player) and MP3 (podcasts, download);
- how long loading the engine took.

The demo has 37 articles; 50 narrations take the first 13 again. A benchmark
that prints figures, not a test.

    .venv/bin/python bench/audio.py                  # 50 articles, every installed voice
    .venv/bin/python bench/audio.py --articles 10 --voice hibari:heart
"""

import argparse
import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def child(voice: str, count: int, directory: Path) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings.test")
    import django

    django.setup()
    from masthead.audio import engines
    from masthead.audio.encoding import NarrationWriter
    from masthead.audio.narrating import PARAGRAPH_PAUSE, SENTENCE_PAUSE
    from masthead.audio.script import build_script
    from masthead.demo import content

    authors = {a["slug"]: a["name"] for a in content.AUTHORS}
    # The dictionary a new newsroom starts with (the seeding migration's entries).
    seeded = importlib.import_module("masthead.audio.migrations.0002_seed_dictionary")
    dictionary = {written: spoken for written, spoken, _note in seeded.ENTRIES}
    started = time.perf_counter()
    engine = engines.engine_for(voice)
    engine.synthesize("Warm up.")
    load_seconds = time.perf_counter() - started
    rows = []
    for number in range(count):
        article = content.ARTICLES[number % len(content.ARTICLES)]
        body = [{"type": kind, "value": value} for kind, value in article["body"]]
        names = [authors.get(slug, slug) for slug in article["authors"]]
        script = build_script(article["title"], article["standfirst"], names, body, dictionary)
        stem = directory / f"{number}"
        writer = NarrationWriter(stem.with_suffix(".opus"), stem.with_suffix(".mp3"), engine.sample_rate)
        synthesis = 0.0
        begun = time.perf_counter()
        for paragraph in script.paragraphs:
            for sentence in paragraph:
                before = time.perf_counter()
                samples = engine.synthesize(sentence)
                synthesis += time.perf_counter() - before
                writer.write(samples)
                writer.pause(SENTENCE_PAUSE)
            writer.pause(PARAGRAPH_PAUSE - SENTENCE_PAUSE)
        writer.close()
        total = time.perf_counter() - begun
        rows.append(
            {
                "words": script.word_count,
                "audio": writer.duration,
                "synthesis": synthesis,
                "total": total,
                "opus": stem.with_suffix(".opus").stat().st_size,
                "mp3": stem.with_suffix(".mp3").stat().st_size,
            }
        )
        for suffix in (".opus", ".mp3"):
            stem.with_suffix(suffix).unlink()
        print(
            f"  {voice}: {number + 1}/{count} {writer.duration:6.1f} s of audio", file=sys.stderr, flush=True
        )
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"voice": voice, "load": load_seconds, "peak_mb": peak_kb / 1024, "rows": rows}


def report(result: dict) -> None:
    rows = result["rows"]
    minutes = sum(r["audio"] for r in rows) / 60
    rtf = [r["synthesis"] / r["audio"] for r in rows]
    rtf_total = [r["total"] / r["audio"] for r in rows]
    words = sum(r["words"] for r in rows)
    print(f"\n{result['voice']}: {len(rows)} articles, {words:,} words, {minutes:.1f} min of audio")
    print(f"  engine load          {result['load']:.2f} s (once per worker process)")
    print(f"  RTF synthesis        p50 {statistics.median(rtf):.4f}   p95 {percentile(rtf, 0.95):.4f}")
    print(
        f"  RTF with encoding    p50 {statistics.median(rtf_total):.4f}"
        f"   p95 {percentile(rtf_total, 0.95):.4f}"
    )
    print(f"  worker peak memory   {result['peak_mb']:.0f} MB (resident)")
    opus = sum(r["opus"] for r in rows) / minutes / 1024
    mp3 = sum(r["mp3"] for r in rows) / minutes / 1024
    print(f"  per audio minute     Opus {opus:.1f} KB   MP3 {mp3:.1f} KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--voice", action="append", help="a voice id; default: every installed voice")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        with tempfile.TemporaryDirectory(prefix="masthead-bench-audio-") as directory:
            print(json.dumps(child(args.child, args.articles, Path(directory))))
        return

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings.test")
    import django

    django.setup()
    from masthead.audio import engines

    voices = args.voice or [v.id for v in engines.installed_voices()]
    print(f"Narrating {args.articles} demo articles with: {', '.join(voices)} ({os.cpu_count()} CPUs)")
    for voice in voices:
        output = subprocess.run(
            [sys.executable, __file__, "--child", voice, "--articles", str(args.articles)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        ).stdout
        report(json.loads(output.strip().splitlines()[-1]))


if __name__ == "__main__":
    main()
