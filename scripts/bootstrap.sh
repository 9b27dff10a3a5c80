#!/usr/bin/env bash
# Create .venv from uv.lock with a local Python 3.12 or newer. Nothing is
# downloaded but packages from PyPI: uv is told never to fetch a Python.
set -euo pipefail
cd "$(dirname "$0")/.."

is_modern() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.14 python3.13 python3.12 python3; do
    [ -n "$candidate" ] || continue
    candidate=$(command -v "$candidate" 2>/dev/null) || continue
    if is_modern "$candidate"; then echo "$candidate"; return 0; fi
  done
  local roots=("${PYENV_ROOT:-$HOME/.pyenv}")
  command -v pyenv >/dev/null 2>&1 && roots+=("$(pyenv root)")
  for root in "${roots[@]}"; do
    for candidate in $(ls -d "$root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
      if is_modern "$candidate"; then echo "$candidate"; return 0; fi
    done
  done
  for candidate in /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9] /opt/homebrew/bin/python3.1[2-9]; do
    if [ -x "$candidate" ] && is_modern "$candidate"; then echo "$candidate"; return 0; fi
  done
  if command -v uv >/dev/null 2>&1; then
    UV_PYTHON_DOWNLOADS=never uv python find '>=3.12' 2>/dev/null && return 0
  fi
  return 1
}

PY=$(find_python) || {
  echo "Masthead needs Python 3.12 or newer. Install one (or set PYTHON=/path/to/python3.12) and try again." >&2
  exit 1
}

UV=$(command -v uv 2>/dev/null || true)
if [ -z "$UV" ]; then
  if [ ! -x .tools/bin/uv ]; then
    echo "Installing uv into .tools/ ..."
    "$PY" -m venv .tools
    .tools/bin/pip install --quiet --disable-pip-version-check uv
  fi
  UV=.tools/bin/uv
fi

export UV_PYTHON_DOWNLOADS=never
"$UV" sync --frozen --python "$PY" ${UV_SYNC_ARGS:-} >&2
echo ".venv ready with $("$PY" --version 2>&1) ($PY)" >&2
