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
# `baliza train --data ... --real-weight 10 --out "$OUT"` plus two settings the CLI has no option for:
# a second head fitted on the real rows' word n-grams only, added at weight 2 (research/README.md:
# DIFrauD 5-fold CV PR-AUC 0.44 -> 0.50 with the synthetic held-out and EURES figures kept).
.venv/bin/python - "$OUT" labelled_data/synthetic-v1/train.jsonl "$EVAL/difraud_job_scams_dev.jsonl" <<'PY'
import sys
from pathlib import Path

from models.encoders import configure_cache
from models.modeldir import save_model
from models.pipeline import ModelSpec
from models.train import train
from service.config import Settings

configure_cache(Settings().embedding_cache)
spec = ModelSpec(kind="hybrid", encoder="use-m3", real_weight=10.0, real_head=2.0, real_head_features="word")
fitted, manifest = train([Path(p) for p in sys.argv[2:]], spec)
save_model(Path(sys.argv[1]), fitted.pipeline, fitted.calibrator, manifest)
print(f"{manifest['model_version']} -> {sys.argv[1]} (threshold {manifest['threshold']:.4f})")
PY
$B eval --model "$OUT" --record --data labelled_data/synthetic-v1/test.jsonl --data "$EVAL/eures_es_dev.jsonl"
$B eval --model "$OUT" --record --cv 5 --data "$EVAL/difraud_job_scams_dev.jsonl"
du -sh "$OUT"
