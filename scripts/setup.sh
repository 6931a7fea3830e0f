#!/usr/bin/env bash
# Create .venv, install the project and the models the configuration needs (`scribe models install`: ASR,
# voice activity, diarization; the LLM only when SCRIBE_DOCUMENTS_LLM asks for it). Idempotent; safe to
# re-run: the Python packages are installed again only when pyproject.toml or this script changed.
# Quiet: pip's output goes to .venv/setup.log (its last lines are shown if a step fails).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Python 3.11 or newer is needed ($PY is $("$PY" -V 2>&1)); set PYTHON=/path/to/python3.11" >&2
  exit 2
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
. .venv/bin/activate
# Build backends' warnings (setuptools' "editable installation" box) are for package authors, not users.
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONWARNINGS=ignore
LOG=.venv/setup.log

step() { # step "what it does" command...: quiet, its output in $LOG; the log's end on failure
  local what=$1
  shift
  if ! "$@" >>"$LOG" 2>&1; then
    echo "setup: $what failed; the end of $LOG:" >&2
    tail -n 25 "$LOG" >&2
    exit 1
  fi
}

stamp=.venv/.scribe-setup
want=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "Installing the Python packages into .venv (the first time takes a few minutes; log: $LOG) ..."
  : >"$LOG"
  step "upgrading pip" python -m pip install -q --upgrade pip
  # torch first and pinned: an unpinned torch would pull a multi-GB CUDA build on CPU machines.
  step "installing torch" python -m pip install -q torch==2.13.0
  step "installing the project" python -m pip install -q -e '.[dev]'
  # Runtime pieces whose published pins are stricter than their code needs (see pyproject.toml).
  step "installing medspacy" python -m pip install -q --no-deps medspacy==1.3.1
  echo "$want" >"$stamp"
fi

echo "Models this configuration needs (scribe models list shows every model):"
scribe models install
echo "Setup done: $(python -V), ambient-scribe $(python -c 'import importlib.metadata as m; print(m.version("ambient-scribe"))') in .venv."
echo "Next: make run (the bundled consultation, end to end) · make test · .venv/bin/scribe --help"
