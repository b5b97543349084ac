#!/usr/bin/env bash
# `make demo`: the main job on the embedded defaults — the shipped model scores ads and explains
# them, and is measured on the held-out synthetic families. Re-running reuses the data dir.
set -euo pipefail
cd "$(dirname "$0")/.."
BALIZA=.venv/bin/baliza
export BALIZA_DATA_DIR="${BALIZA_DATA_DIR:-./.baliza}"
mkdir -p "$BALIZA_DATA_DIR"

echo "== Baliza demo (data dir: $BALIZA_DATA_DIR) =="
echo
echo "-- Scoring six example ads with the shipped default model (baliza score) --"
$BALIZA score scripts/demo_ads.jsonl > "$BALIZA_DATA_DIR/demo_scores.jsonl"
.venv/bin/python scripts/show_scores.py scripts/demo_ads.jsonl "$BALIZA_DATA_DIR/demo_scores.jsonl"
echo
echo "-- Held-out synthetic families (baliza eval; first run encodes the texts, later runs use the cache) --"
$BALIZA eval --data labelled_data/synthetic-v1/test.jsonl
echo
echo "Real-text figures are in models/default/README.md (baliza eval --data ../shared/eval/...)."
