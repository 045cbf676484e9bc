#!/usr/bin/env bash
# Creates .venv (if missing) and installs dateline with its pinned dependencies and models.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q --upgrade pip
fi
# torch first, pinned: the CPU build this machine keeps on disk, so no
# dependency can pull a newer (CUDA) one.
.venv/bin/pip install -q "torch==2.13.0"
.venv/bin/pip install -q -e ".[test,embeddings]"
