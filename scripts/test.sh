#!/usr/bin/env bash
# Installs dateline (if needed) and runs the test suite offline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export HF_HUB_OFFLINE=1
exec .venv/bin/python -m pytest -q "$@"
