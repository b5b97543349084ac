#!/usr/bin/env bash
# Rebuild the shipped default model (models/default/) and record its evaluations in its card.
# Training data: the synthetic train split and, declared as real training data, the DIFrauD dev file
# from ../shared/eval (so its figures are K-fold cross-validated, never a test). Takes ~10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
B=.venv/bin/baliza
OUT=models/default
EVAL=../shared/eval
export BALIZA_DATA_DIR="${BALIZA_DATA_DIR:-./.baliza}"
test -f "$EVAL/difraud_job_scams_dev.jsonl" || { echo "needs ../shared/eval beside the repository" >&2; exit 2; }

rm -rf "$OUT"
$B train --data labelled_data/synthetic-v1/train.jsonl --data "$EVAL/difraud_job_scams_dev.jsonl" \
  --real-weight 10 --out "$OUT"
$B eval --model "$OUT" --record --data labelled_data/synthetic-v1/test.jsonl --data "$EVAL/eures_es_dev.jsonl"
$B eval --model "$OUT" --record --cv 5 --data "$EVAL/difraud_job_scams_dev.jsonl"
du -sh "$OUT"
