#!/usr/bin/env bash
# Installs dateline and runs the main job on the bundled example: ingest, then
# print the story briefing and timeline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export HF_HUB_OFFLINE=1
rm -f example.db example.db-wal example.db-shm
.venv/bin/dateline ingest examples/niger-withdrawal --db example.db
.venv/bin/dateline brief --db example.db
.venv/bin/dateline timeline --db example.db
