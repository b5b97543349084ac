"""Test data builders: a fake encoder and small labelled corpora drawn from the committed dataset."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from models.encoders import normalise_rows

REPO = Path(__file__).resolve().parents[1]
TRAIN_FILE = REPO / "labelled_data" / "synthetic-v1" / "train.jsonl"
TEST_FILE = REPO / "labelled_data" / "synthetic-v1" / "test.jsonl"


class FakeEncoder:
    """Hashed character trigrams, 64 dims: deterministic, instant, and no model weights."""

    name = "fake-hash"
    dim = 64
    calls = 0

    def __init__(self) -> None:
        self._vectoriser = HashingVectorizer(analyzer="char_wb", ngram_range=(3, 3), n_features=self.dim)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        type(self).calls += 1
        return normalise_rows(self._vectoriser.transform(list(texts)).toarray())


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def small_corpus(source: Path = TRAIN_FILE, per_family: int = 6, seed: int = 7) -> list[dict]:
    """A few rows of every family: small enough to train in seconds, varied enough to learn."""
    rows = read_jsonl(source)
    by_family: dict[str, list[dict]] = {}
    for row in rows:
        by_family.setdefault(row["family"], []).append(row)
    rng = random.Random(seed)
    picked: list[dict] = []
    for family in sorted(by_family):
        members = by_family[family]
        picked.extend(rng.sample(members, min(per_family, len(members))))
    return picked


# --- Review service: planted personal data and decisions (tests of unmask, retention, erasure, export) ---


def planted_values(i: int) -> tuple[str, str]:
    """A Spanish mobile number (as written in the ad) and an e-mail that occur nowhere else."""
    return f"+34 612 {300 + i:03d} {400 + i:03d}", f"planted.persona{i}@ejemplo-correo.com"


def plant_flagged(client, headers: dict[str, str], count: int, first: int = 0) -> list[dict]:  # type: ignore[no-untyped-def]
    """Score positive ads carrying planted phones and e-mails until `count` are flagged.

    Returns per flagged ad: `external_id`, `phone` (as written), `e164`, `email`, and `item_id`
    is left for the caller to look up (the partner API does not expose internal ids).
    """
    positives = [r for r in read_jsonl(TEST_FILE) if r["label"] == 1]
    planted: list[dict] = []
    for i, row in enumerate(positives[first:], start=first):
        if len(planted) == count:
            break
        phone, email = planted_values(i)
        text = f"{row['text']}\nWhatsApp {phone} o escribe a {email}"
        body = {"items": [{"external_id": f"plant-{i}", "text": text}]}
        response = client.post("/v1/score", json=body, headers=headers)
        assert response.status_code == 200, response.text
        if response.json()["items"][0]["flagged"]:
            e164 = "+" + "".join(ch for ch in phone if ch.isdigit())
            planted.append({"external_id": f"plant-{i}", "phone": phone, "e164": e164, "email": email})
    assert len(planted) == count, "the test model flagged too few positives"
    return planted
