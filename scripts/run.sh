#!/usr/bin/env bash
# `make run`: set up the embedded newsroom and serve it with its worker.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=masthead.settings.embedded
PORT=${PORT:-8000}
HOST=${HOST:-127.0.0.1}
PY=.venv/bin/python

scripts/bootstrap.sh
$PY manage.py migrate --noinput -v 0
$PY manage.py collectstatic --noinput -v 0
$PY manage.py load_demo

$PY manage.py worker &
worker=$!
trap 'kill $worker 2>/dev/null; wait $worker 2>/dev/null' EXIT INT TERM

password=$(cat var/admin-password.txt 2>/dev/null || echo "(see var/admin-password.txt)")
cat <<MSG

  Masthead is running.
    Site:   http://$HOST:$PORT/
    Admin:  http://$HOST:$PORT/admin/   user: admin   password: $password
            (first sign-in: set up two-factor with an authenticator app, or
             run MASTHEAD_2FA_REQUIRED=0 make run for a trial without it)
  Press Ctrl+C to stop the web server and the worker.

MSG
# Every open page holds a News Feed stream: let each worker take far more
# concurrent requests than granian's default (backlog / workers).
.venv/bin/granian --interface asginl --host "$HOST" --port "$PORT" --workers "${WEB_WORKERS:-2}" \
  --backpressure "${WEB_BACKPRESSURE:-10000}" --log-level warning masthead.asgi:application
