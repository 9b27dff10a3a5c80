"""Benchmark article narration: 50 distinct articles narrated with each installed voice, as the worker does.

The articles: the demo newsroom's own 37 (``masthead.demo.content``), then
as many generated ones as needed (``masthead.search.demo_growth``, the
words ``grow_demo`` writes; seed 1), every one different.

For each voice a fresh child process lives a worker's life: Django set up
with the project's settings, the engine loaded once, then article after
article, each script prepared exactly as publishing does (with the seeded
pronunciation dictionary) and narrated by the worker's own loop
(``narrating.speak``) into the worker's writer (Opus and MP3). What the
child does not do is the database bookkeeping around it. Printed per voice:

- real-time factor (RTF): seconds of synthesis per second of audio, p50 and
  p95 over the articles; and the same with encoding included;
- the child's peak resident memory (the kernel's high-water mark of its
  RSS, from ``wait4``), and its RSS once the engine is loaded;
- bytes per minute of audio, Opus (the player) and MP3 (podcasts,
  downloads), in KB of 1000 bytes;
- how long loading the engine took;

and how they compare with the issue's goals (RTF under 0.05, Opus under
60 KB per audio minute). A benchmark that prints figures, not a test.

    .venv/bin/python bench/audio.py                  # 50 articles, every installed voice
    .venv/bin/python bench/audio.py --articles 10 --voice hibari:heart
"""

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_RTF = 0.05
GOAL_OPUS_BYTES_PER_MINUTE = 60_000


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def articles(count: int) -> list[dict]:
    """``count`` distinct articles: the demo's own, then generated ones."""
    from masthead.demo import content
    from masthead.search.demo_growth import Writer

    authors = {a["slug"]: a["name"] for a in content.AUTHORS}
    chosen = []
    for article in content.ARTICLES[:count]:
        chosen.append(
            {
                "source": "demo",
                "title": article["title"],
                "standfirst": article["standfirst"],
                "authors": [authors.get(slug, slug) for slug in article["authors"]],
                "body": [{"type": kind, "value": value} for kind, value in article["body"]],
            }
        )
    sections = [s["slug"] for s in content.SECTIONS]
    names = [a["name"] for a in content.AUTHORS]
    number = 0
    while len(chosen) < count:
        generated = Writer(1, number, sections[number % len(sections)]).article(hours_ago=0)
        chosen.append(
            {
                "source": "generated",
                "title": generated.title,
                "standfirst": generated.standfirst,
                "authors": names[number % len(names) : number % len(names) + generated.author_count],
                "body": generated.body,
            }
        )
        number += 1
    titles = [a["title"] for a in chosen]
    assert len(set(titles)) == len(titles), "the benchmark's articles must all differ"
    return chosen


def child(voice: str, count: int, directory: Path) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings.test")
    import django

    django.setup()
    from masthead.audio import engines
    from masthead.audio.encoding import NarrationWriter
    from masthead.audio.narrating import speak
    from masthead.audio.script import build_script

    # The dictionary a new newsroom starts with (the seeding migration's entries).
    seeded = importlib.import_module("masthead.audio.migrations.0002_seed_dictionary")
    dictionary = {written: spoken for written, spoken, _note in seeded.ENTRIES}
    chosen = articles(count)
    started = time.perf_counter()
    engine = engines.engine_for(voice)
    engine.synthesize("Warm up.")
    load_seconds = time.perf_counter() - started
    loaded_kb = rss_kb()
    rows = []
    for number, article in enumerate(chosen):
        script = build_script(
            article["title"], article["standfirst"], article["authors"], article["body"], dictionary
        )
        stem = directory / f"{number}"
        begun = time.perf_counter()
        writer = NarrationWriter(stem.with_suffix(".opus"), stem.with_suffix(".mp3"), engine.sample_rate)
        synthesis = speak(engine, script.paragraphs, writer)
        writer.close()
        total = time.perf_counter() - begun
        rows.append(
            {
                "source": article["source"],
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
            f"  {voice}: {number + 1}/{count} {writer.duration:6.1f} s of audio, "
            f"RTF {synthesis / writer.duration:.3f}",
            file=sys.stderr,
            flush=True,
        )
    return {
        "voice": voice,
        "load": load_seconds,
        "loaded_mb": loaded_kb / 1024,
        "libopus": libopus_description(),
        "rows": rows,
    }


def libopus_description() -> str:
    """The libopus that encoded, by version where it reports one, and by file."""
    from masthead.audio.encoding import libopus

    lib = libopus()
    version = lib.opus_get_version_string().decode()
    # opuslib-next-bundled's build calls itself "libopus unknown".
    return f"{version}, {Path(lib._name).name} from {Path(lib._name).parent}"


def verdict(ok: bool) -> str:
    return "meets the goal" if ok else "MISSES the goal"


def report(result: dict, peak_kb: int) -> None:
    rows = result["rows"]
    minutes = sum(r["audio"] for r in rows) / 60
    rtf = [r["synthesis"] / r["audio"] for r in rows]
    rtf_total = [r["total"] / r["audio"] for r in rows]
    words = sum(r["words"] for r in rows)
    demo = sum(r["source"] == "demo" for r in rows)
    print(
        f"\n{result['voice']}: {len(rows)} distinct articles ({demo} demo, {len(rows) - demo} generated), "
        f"{words:,} words, {minutes:.1f} min of audio"
    )
    print(f"  engine load          {result['load']:.2f} s (once per worker process)")
    p95 = percentile(rtf, 0.95)
    print(
        f"  RTF synthesis        p50 {statistics.median(rtf):.4f}   p95 {p95:.4f}   "
        f"(goal < {GOAL_RTF}: p95 {verdict(p95 < GOAL_RTF)})"
    )
    print(
        f"  RTF with encoding    p50 {statistics.median(rtf_total):.4f}"
        f"   p95 {percentile(rtf_total, 0.95):.4f}"
    )
    print(
        f"  worker peak memory   {peak_kb / 1024:.0f} MiB resident (high-water mark of the child's RSS); "
        f"{result['loaded_mb']:.0f} MiB once the engine was loaded"
    )
    opus = sum(r["opus"] for r in rows) / minutes
    worst = max(r["opus"] / (r["audio"] / 60) for r in rows)
    mp3 = sum(r["mp3"] for r in rows) / minutes
    print(
        f"  per audio minute     Opus {opus / 1000:.1f} KB (largest article {worst / 1000:.2f} KB; "
        f"goal < {GOAL_OPUS_BYTES_PER_MINUTE // 1000} KB: {verdict(worst < GOAL_OPUS_BYTES_PER_MINUTE)})   "
        f"MP3 {mp3 / 1000:.1f} KB   (KB = 1000 bytes; {result['libopus']})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=50, help="how many distinct articles (default 50)")
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
    load = os.getloadavg()
    print(
        f"Narrating {args.articles} distinct articles with: {', '.join(voices)} "
        f"({os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})"
    )
    for voice in voices:
        with tempfile.TemporaryFile("w+") as output:
            process = subprocess.Popen(
                [sys.executable, __file__, "--child", voice, "--articles", str(args.articles)],
                cwd=ROOT,
                stdout=output,
            )
            _pid, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode:
                raise SystemExit(f"the child narrating with {voice} exited with {process.returncode}")
            output.seek(0)
            result = json.loads(output.read().strip().splitlines()[-1])
        report(result, usage.ru_maxrss)  # kilobytes on Linux
    load = os.getloadavg()
    print(f"\nLoad average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
