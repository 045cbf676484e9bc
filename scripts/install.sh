#!/usr/bin/env bash
# Creates .venv (if missing) and installs dateline with its pinned dependencies and models.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q --upgrade pip 2>&1 | { grep -v "^WARNING: Location 'file:" || true; }
fi
# torch first, pinned: the CPU build this machine keeps on disk, so no
# dependency can pull a newer (CUDA) one.
# pip's notes about package index folders this machine's configuration names but lacks are noise here
quiet() { "$@" 2>&1 | { grep -v "^WARNING: Location 'file:" || true; }; }
quiet .venv/bin/pip install -q "torch==2.13.0"
quiet .venv/bin/pip install -q -e ".[test,embeddings]"
