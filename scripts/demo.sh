#!/usr/bin/env bash
# `make demo`: the main job on the embedded defaults — the shipped model scores ads and explains
# them, and is measured on the held-out synthetic families; then the synthetic site is crawled and
# the feed scored. Re-running reuses the data dir.
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
echo
echo "-- The synthetic classifieds site, crawled into the data dir and scored (baliza site, crawl, score) --"
SITE_URL="${BALIZA_SITE_URL:-http://127.0.0.1:8765}"
$BALIZA site &
SITE_PID=$!
trap 'kill "$SITE_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    kill -0 "$SITE_PID" 2>/dev/null || { echo "baliza site could not start on $SITE_URL" >&2; exit 1; }
    .venv/bin/python -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + '/robots.txt', timeout=1)" \
        "$SITE_URL" 2>/dev/null && break
    sleep 0.2
done
FEED="$BALIZA_DATA_DIR/feeds/demo-latest.jsonl"
$BALIZA crawl --source demo --out "$FEED"
if [ -s "$FEED" ]; then
    $BALIZA score "$FEED" --out "$BALIZA_DATA_DIR/demo_feed_scores.jsonl"
    .venv/bin/python -c "import json, sys; rows = [json.loads(l) for l in open(sys.argv[1])]; \
print(f'{sum(r[\"flagged\"] for r in rows)} of {len(rows)} crawled ads flagged for review')" \
        "$BALIZA_DATA_DIR/demo_feed_scores.jsonl"
else
    echo "No new ads since the last crawl (incremental: seen detail pages are not fetched again)."
fi
