"""Stripe webhook throughput of Masthead's reader revenue, over HTTP, on SQLite and PostgreSQL.

For each database it migrates a throw-away newsroom, creates ``--donations``
donations whose checkout was opened (as the donate view stores them), every
fourth of them monthly, serves the site with granian under the production
settings, and posts Stripe events to /support/stripe/webhook/, signed with the
stripe library's own scheme, from ``--concurrency`` threads: one
``checkout.session.completed`` per donation, a repeated delivery of every
fifth, a full refund of every tenth, and last the ``invoice_payment.paid``
of each monthly one (so a refunded monthly donation's refund waits for it,
as it may in production, and is applied when it comes).
It prints events per second and latency, and checks the outcome against what
was sent: every answer a 200, every repeated delivery answered as a duplicate,
exactly one payment per donation, the refunds applied, and one stored event
per event id (none left waiting).

    .venv/bin/python bench/revenue.py [--donations 2000] [--concurrency 8] [--workers 2]
        [--databases sqlite,postgres] [--postgres-url postgres://postgres@127.0.0.1:5432/masthead_revenue_bench]

It prints figures, and exits 1 when any outcome differs from what was sent
(it prints which), so a run can gate a change.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import stripe
from pages import GRANIAN, HOST, PYTHON, REPO, BenchError, Database, bench_env, free_port, start, stop, tail

SECRET = "whsec_bench_revenue"  # noqa: S105 - a throw-away signing secret for a local bench

CREATE = """
import django, json, sys
django.setup()
from masthead.revenue.models import Donation
n = int(sys.argv[1])
Donation.objects.bulk_create(
    [Donation(amount=1000 + i % 7 * 500, currency="usd", frequency="month" if i % 4 == 2 else "once",
              key=f"bench{i:08d}", stripe_checkout_session=f"cs_bench_{i}") for i in range(n)],
    batch_size=1000)
print(json.dumps({"created": n}))
"""

CHECK = """
import django, json
django.setup()
from masthead.revenue.models import Donation, Payment, StripeEvent
print(json.dumps({
    "paid": Donation.objects.filter(status="paid").count(),
    "active": Donation.objects.filter(status="active").count(),
    "refunded": Donation.objects.filter(status="refunded").count(),
    "payments": Payment.objects.count(),
    "events_stored": StripeEvent.objects.count(),
    "events_applied": StripeEvent.objects.filter(outcome="applied").count(),
    "events_waiting": StripeEvent.objects.filter(outcome="waiting").count(),
}))
"""


def is_monthly(i: int) -> bool:
    return i % 4 == 2


def is_refunded(i: int) -> bool:
    return i % 10 == 0


def events_for(n: int) -> list[dict]:
    now = int(time.time())
    events, duplicates, refunds, links = [], [], [], []
    for i in range(n):
        amount = 1000 + i % 7 * 500
        key = f"bench{i:08d}"
        monthly = is_monthly(i)
        completed = {
            "id": f"evt_bench_c{i}",
            "object": "event",
            "type": "checkout.session.completed",
            "created": now,
            "data": {
                "object": {
                    "id": f"cs_bench_{i}",
                    "object": "checkout.session",
                    "mode": "subscription" if monthly else "payment",
                    "payment_status": "paid",
                    "amount_total": amount,
                    "currency": "usd",
                    "client_reference_id": key,
                    "customer": f"cus_bench_{i}",
                    "customer_details": {"email": f"reader{i}@example.org", "name": "Bench Reader"},
                    "metadata": {"masthead_donation": key},
                    # A subscription's checkout names its first invoice, not the PaymentIntent.
                    "payment_intent": None if monthly else f"pi_bench_{i}",
                    "subscription": f"sub_bench_{i}" if monthly else None,
                    "invoice": f"in_bench_{i}" if monthly else None,
                }
            },
        }
        events.append(completed)
        if monthly:
            invoice_payment = {
                "id": f"inpay_bench_{i}",
                "object": "invoice_payment",
                "amount_paid": amount,
                "currency": "usd",
                "invoice": f"in_bench_{i}",
                "payment": {"type": "payment_intent", "payment_intent": f"pi_bench_{i}"},
                "status": "paid",
            }
            links.append(
                {
                    "id": f"evt_bench_l{i}",
                    "object": "event",
                    "type": "invoice_payment.paid",
                    "created": now,
                    "data": {"object": invoice_payment},
                }
            )
        if i % 5 == 0:
            duplicates.append(completed)
        if is_refunded(i):
            charge = {
                "id": f"ch_bench_{i}",
                "object": "charge",
                "amount": amount,
                "amount_refunded": amount,
                "currency": "usd",
                "status": "succeeded",
                "payment_intent": f"pi_bench_{i}",
                "created": now,
            }
            refunds.append(
                {
                    "id": f"evt_bench_r{i}",
                    "object": "event",
                    "type": "charge.refunded",
                    "created": now + 1,
                    "data": {"object": charge},
                }
            )
    return events + duplicates + refunds + links


def post_all(
    port: int, payloads: list[dict], concurrency: int
) -> tuple[list[float], dict[int, int], int, float]:
    """Send every event once, ``concurrency`` at a time.

    Returns latencies (ms), answers per HTTP status, how many were answered as
    duplicates, and the seconds taken.
    """
    bodies = [json.dumps(p) for p in payloads]
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    duplicates = [0]
    position = [0]

    def worker() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        while True:
            with lock:
                if position[0] >= len(bodies):
                    break
                body = bodies[position[0]]
                position[0] += 1
            header = stripe.WebhookSignature.generate_signature_header(body, SECRET)
            started = time.perf_counter()
            connection.request(
                "POST",
                "/support/stripe/webhook/",
                body=body,
                headers={"Content-Type": "application/json", "Stripe-Signature": header},
            )
            response = connection.getresponse()
            answer = response.read()
            took = (time.perf_counter() - started) * 1000
            duplicate = response.status == 200 and json.loads(answer).get("duplicate") is True
            with lock:
                latencies.append(took)
                statuses[response.status] = statuses.get(response.status, 0) + 1
                duplicates[0] += duplicate
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses, duplicates[0], time.perf_counter() - started


def run_python(env: dict, code: str, *args: str) -> dict:
    done = subprocess.run(
        [str(PYTHON), "-c", code, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_one(database: Database, args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory(prefix="masthead-revenue-bench-") as name:
        tmp = Path(name)
        (tmp / "var").mkdir()
        log = tmp / "server.log"
        env = bench_env(tmp, database)
        if not database.postgres:
            # SQLite as `make run` uses it: the embedded settings (WAL, immediate transactions) in var/.
            env["DJANGO_SETTINGS_MODULE"] = "masthead.settings.embedded"
            env.pop("DATABASE_URL", None)
        env.update(
            STRIPE_SECRET_KEY="sk_test_bench",  # noqa: S106 - nothing is charged: no API call is made
            STRIPE_WEBHOOK_SECRET=SECRET,
            STRIPE_API_BASE="http://127.0.0.1:9",
        )
        database.create(drop_existing=True)
        server = None
        try:
            subprocess.run(
                [str(PYTHON), "manage.py", "migrate", "--noinput", "-v", "0"],
                cwd=REPO,
                env=env,
                check=True,
                timeout=900,
            )
            run_python(env, CREATE, str(args.donations))
            port = free_port()
            command = [
                str(GRANIAN),
                "--interface",
                "asginl",
                "--host",
                HOST,
                "--port",
                str(port),
                "--workers",
                str(args.workers),
                "masthead.asgi:application",
            ]
            server = start(command, env, log)
            deadline = time.monotonic() + 60
            while True:
                try:
                    http.client.HTTPConnection(HOST, port, timeout=2).connect()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise BenchError(f"granian did not start:\n{tail(log)}") from None
                    time.sleep(0.2)
            payloads = events_for(args.donations)
            latencies, statuses, duplicates, seconds = post_all(port, payloads, args.concurrency)
            outcome = run_python(env, CHECK)
        finally:
            stop(server)
            database.drop()
    latencies.sort()
    return {
        "database": database.label,
        "events": len(payloads),
        "seconds": round(seconds, 2),
        "events_per_second": round(len(payloads) / seconds, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1),
        "statuses": statuses,
        "duplicates_answered": duplicates,
        **outcome,
    }


def mismatches(result: dict, donations: int) -> list[str]:
    """What differs from the events sent (see ``events_for``)."""
    numbers = range(donations)
    refunds = sum(map(is_refunded, numbers))
    links = sum(map(is_monthly, numbers))
    repeated = (donations + 4) // 5
    stored = donations + refunds + links
    expected = {
        "statuses": {200: stored + repeated},
        "duplicates_answered": repeated,
        "payments": donations,
        "paid": sum(not is_monthly(i) and not is_refunded(i) for i in numbers),
        "active": sum(is_monthly(i) and not is_refunded(i) for i in numbers),
        "refunded": refunds,
        "events_stored": stored,
        "events_applied": stored,
        "events_waiting": 0,
    }
    return [
        f"{name} {result[name]} (expected {want})" for name, want in expected.items() if result[name] != want
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--donations", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/masthead_revenue_bench")
    args = parser.parse_args(argv)
    results = []
    for kind in args.databases.split(","):
        with tempfile.TemporaryDirectory(prefix="masthead-revenue-db-") as holder:
            database = Database.from_option(args.postgres_url if kind == "postgres" else None, Path(holder))
            print(f"== {database.label}: {args.donations} donations, {args.concurrency} senders", flush=True)
            result = bench_one(database, args)
            results.append(result)
            print(json.dumps(result, indent=2), flush=True)
    failed = False
    for result in results:
        wrong = mismatches(result, args.donations)
        failed = failed or bool(wrong)
        print(
            f"{result['database']}: {result['events_per_second']} events/s, p50 {result['p50_ms']} ms, "
            f"p99 {result['p99_ms']} ms; {result['payments']} payments for {args.donations} donations, "
            f"{result['events']} events sent, {result['events_stored']} stored, "
            f"{result['duplicates_answered']} duplicates recognised: "
            + ("as sent" if not wrong else "MISMATCH: " + "; ".join(wrong))
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
