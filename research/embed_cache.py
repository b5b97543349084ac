"""Fill research/.cache/emb.sqlite3 with an encoder's vectors for JSONL files (cached by text hash).

.venv/bin/python research/embed_cache.py e5-small ../shared/eval/difraud_job_scams_dev.jsonl ...
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.encoders import EmbeddingCache, Encoders

encoders = Encoders(EmbeddingCache(Path(__file__).parent / ".cache" / "emb.sqlite3"))
encoder = sys.argv[1]
for name in sys.argv[2:]:
    with open(name, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    t0 = time.time()
    for start in range(0, len(texts), 64):
        encoders.embed(encoder, texts[start : start + 64])
        print(f"{name} {min(start + 64, len(texts))}/{len(texts)} {time.time() - t0:.0f}s", flush=True)
