#!/usr/bin/env bash
# Create .venv, install the project and fill the model store. Idempotent; safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
. .venv/bin/activate
export PIP_DISABLE_PIP_VERSION_CHECK=1
pip() { python -m pip "$@" 2> >(grep -v "^WARNING: Location" >&2); }
pip install -q --upgrade pip
# torch first and pinned: an unpinned torch would pull a multi-GB CUDA build on CPU machines.
pip install -q torch==2.13.0
pip install -q -e '.[dev]'
# Runtime pieces whose published pins are stricter than their code needs (see pyproject.toml).
pip install -q --no-deps medspacy==1.3.1
scribe models install
