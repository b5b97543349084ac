#!/usr/bin/env bash
# `make demo`: the whole flow on the embedded defaults, ending with the review service in the
# foreground until Ctrl-C. The shipped model scores example ads and is measured on held-out
# synthetic families; the synthetic site is crawled and the crawl posted to the service, which
# scores, redacts and queues the flagged ads; the demo accounts (dev mode only) are printed.
# Re-running reuses the data dir: accounts stay, ingest is idempotent, the crawl is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
BALIZA=.venv/bin/baliza
PY=.venv/bin/python

fail() { echo "make demo: $*" >&2; exit 1; }

# The settings as every baliza command below will see them (BALIZA_* or the defaults in
# baliza/settings.py, their one home); a bad value stops here with the CLI's one-line error.
CONFIG=$($BALIZA config --json)
IFS=$'\t' read -r DATA_DIR ENVIRONMENT HOST PORT SITE_URL SITE_PORT < <($PY -c '
import json, sys
config = json.loads(sys.argv[1])
print("\t".join(str(config[name]) for name in sys.argv[2:]))
' "$CONFIG" data_dir environment host port site_url site_port)
URL="http://$HOST:$PORT"
mkdir -p "$DATA_DIR"

# Refuse early, before anything slow runs: demo accounts outside dev mode, a busy port.
[ "$ENVIRONMENT" = dev ] || fail "the demo creates accounts with a published password;" \
    "run it with BALIZA_ENVIRONMENT=dev (now: $ENVIRONMENT)"
port_free() {
    $PY -c "import socket, sys; s = socket.socket(); s.bind((sys.argv[1], int(sys.argv[2])))" "$1" "$2" \
        2>/dev/null
}
port_free "$HOST" "$PORT" || fail "port $PORT on $HOST is busy; stop what holds it or run" \
    "BALIZA_PORT=<another port> make demo"
port_free 127.0.0.1 "$SITE_PORT" || fail "port $SITE_PORT (the synthetic site, BALIZA_SITE_URL) is busy;" \
    "stop what holds it or set BALIZA_SITE_URL=http://127.0.0.1:<another port>"

PIDS=()
cleanup() {
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'echo; echo "Stopping the demo."; exit 0' INT TERM

wait_for() {  # wait_for PID URL: until URL answers 200; 1 if PID died or 180 s passed
    for _ in $(seq 900); do
        kill -0 "$1" 2>/dev/null || return 1
        $PY -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)" "$2" \
            2>/dev/null && return 0
        sleep 0.2
    done
    return 1
}

echo "== Baliza demo (data dir: $DATA_DIR) =="
echo
echo "-- Starting the review service on $URL (baliza serve; log: $DATA_DIR/demo-service.log) --"
SERVICE_LOG="$DATA_DIR/demo-service.log"
$BALIZA serve >"$SERVICE_LOG" 2>&1 &
SERVICE_PID=$!
PIDS+=("$SERVICE_PID")

echo
echo "-- Scoring six example ads with the shipped default model (baliza score) --"
$BALIZA score scripts/demo_ads.jsonl >"$DATA_DIR/demo_scores.jsonl"
$PY scripts/show_scores.py scripts/demo_ads.jsonl "$DATA_DIR/demo_scores.jsonl"
echo
echo "-- Held-out synthetic families (baliza eval; first run encodes the texts, later runs use the cache) --"
$BALIZA eval --data labelled_data/synthetic-v1/test.jsonl
echo "Real-text figures are in models/default/README.md (baliza eval --data ../shared/eval/...)."

echo
echo "-- Demo accounts and the crawler's partner key (baliza users add, baliza keys create) --"
wait_for "$SERVICE_PID" "$URL/healthz" || { tail -n 5 "$SERVICE_LOG" >&2; fail "the review service did not start"; }
bash scripts/demo_accounts.sh
BALIZA_INGEST_KEY=$($BALIZA keys create --partner demo-crawler --scope ingest)
export BALIZA_INGEST_KEY

echo
echo "-- The synthetic site, crawled and posted to the service (baliza site, baliza crawl --post) --"
$BALIZA site &
PIDS+=($!)
wait_for "$!" "$SITE_URL/robots.txt" || fail "the synthetic site did not start on $SITE_URL"
FEEDS="$DATA_DIR/feeds"
crawl() { $BALIZA crawl --source demo --post "$URL"; }
crawl
find "$FEEDS" -name 'demo-*.jsonl' -empty -delete 2>/dev/null || true
if ! compgen -G "$FEEDS/demo-*.jsonl" >/dev/null; then
    # Crawl state without any feed left (feeds expired or deleted): nothing would reach the queue.
    echo "No demo feed is left in the data dir; crawling the demo site again from scratch."
    rm -rf "$DATA_DIR/crawl/demo"
    crawl
fi
$PY scripts/demo_ingest.py "$URL" "$FEEDS"/demo-*.jsonl

cat <<EOF

== Baliza review service: $URL  (API docs: $URL/docs) ==
Analysts' workspace: open $URL/login in a browser and log in as ana (analyst) or sofia (supervisor);
press ? on the queue for the keyboard shortcuts.
Demo accounts (dev mode only; the password is published here, never use them elsewhere):
$(bash scripts/demo_accounts.sh --print)
Try:
  TOKEN=\$(curl -s -X POST $URL/v1/auth/login -H 'Content-Type: application/json' \\
      -d '{"username": "ana", "password": "baliza-demo-2026"}' | $PY -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  curl -s -H "Authorization: Bearer \$TOKEN" '$URL/v1/queue?limit=5'
  curl -s -X POST -H "Authorization: Bearer \$TOKEN" $URL/v1/queue/claim
The service runs in the foreground until Ctrl-C (its log follows; also in $SERVICE_LOG).

EOF
tail -n 0 -f "$SERVICE_LOG" &
PIDS+=($!)
wait "$SERVICE_PID"
