"""Ad linking: reposts found, unrelated ads not, accents and emojis kept, clusters connected."""

from __future__ import annotations

import hashlib
import random
import unicodedata

import numpy as np
import pytest

from models.linking import NEAR_DUPLICATE, LinkIndex, band_keys
from models.minhash import shingles, signature, signatures, similarity
from tests.factories import TRAIN_FILE, read_jsonl

AD = (
    "Se busca niña de 16 a 20 años para trabajar en casa de familia en Madrid 💰✈️\n"
    "Pago semanal, cama adentro, te pagamos el viaje y lo descontás de tu sueldo. "
    "Nosotros guardamos tu pasaporte. Solo WhatsApp +57 300 123 4567"
)


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return read_jsonl(TRAIN_FILE)[:1500]


@pytest.fixture(scope="module")
def index(corpus) -> LinkIndex:
    built = LinkIndex()
    built.add_many((r["id"], r["text"]) for r in corpus)
    built.add("planted", AD)
    return built


def test_band_keys_are_pinned():
    """The review service stores these keys per item: changing the scheme would unlink stored items."""
    keys = band_keys(signature("Chicas de buena presencia p/ trabajar en España 💰 te pagamos el pasaje"))
    assert len(keys) == 16 and keys[0] == "0063bc196e2c47f755"
    digest = hashlib.sha256("".join(keys).encode()).hexdigest()
    assert digest == "e72c01f4643fbf164a6a648d7034b69e7c8d617d644d4292dfdda353d86ab416"


def test_bulk_signatures_equal_one_by_one(corpus):
    texts = [r["text"] for r in corpus[:200]] + ["", "a", "💰"]
    bulk = signatures(texts, chunk=700)  # small blocks: several ads per block, blocks split between ads
    assert bulk.shape == (len(texts), 128)
    for text, row in zip(texts, bulk, strict=True):
        assert np.array_equal(row, signature(text))


def test_estimate_tracks_exact_jaccard(corpus):
    rng = random.Random(3)
    errors = []
    for record in rng.sample(corpus, 40):
        edited = record["text"].replace("a", "á", 3) + " 🔥"
        exact = len(shingles(record["text"]) & shingles(edited)) / len(
            shingles(record["text"]) | shingles(edited)
        )
        errors.append(abs(similarity(signature(record["text"]), signature(edited)) - exact))
    assert np.mean(errors) < 0.05 and max(errors) < 0.15


def test_repost_with_small_edits_is_found(index):
    repost = AD.replace("+57 300 123 4567", "+57 311 987 6543").replace("Madrid", "Madrid!!") + " 🔥"
    matches = index.query(repost)
    assert matches and matches[0].id == "planted"
    assert NEAR_DUPLICATE <= matches[0].similarity < 1


def test_unrelated_ad_is_not_linked(index, corpus):
    unrelated = "Vendo bicicleta rodado 29, cuadro de aluminio, frenos a disco. Retiro en Palermo."
    assert index.query(unrelated) == []
    # An ad of the same kind but another wording is a different ad, not a repost.
    other = next(r for r in corpus if r["label"] == 1 and r["lang"] == "es")
    assert "planted" not in {m.id for m in index.query(other["text"])}


def test_accents_and_emojis_are_kept():
    """Unlike InfoShield's ASCII folding, "niña" is not "nina" and emojis are content: such ads are
    near-duplicates (still linked), never identical; only the Unicode form (NFC vs NFD) is ignored."""
    folded = AD.replace("niña", "nina").replace("años", "anos")
    assert shingles(folded) != shingles(AD)
    assert not np.array_equal(signature(folded), signature(AD))
    assert NEAR_DUPLICATE <= similarity(signature(folded), signature(AD)) < 1
    assert np.array_equal(signature(unicodedata.normalize("NFD", AD)), signature(AD))
    assert any("💰" in s for s in shingles(AD))
    short_a, short_b = "💃💃💃 chicas 💰💰💰", "🚗🚗🚗 chicas 🏠🏠🏠"
    assert similarity(signature(short_a), signature(short_b)) < NEAR_DUPLICATE


def test_clusters_connect_reposts_and_leave_singletons_out(corpus):
    index = LinkIndex()
    base = [r for r in corpus if r["lang"] == "en"][:200]
    index.add_many((r["id"], r["text"]) for r in base)
    index.add_many(
        [
            ("repost-1", AD + " 🔥"),
            ("repost-2", AD.replace("Madrid", "Barcelona") + " 🔥"),
            ("repost-3", AD.replace("Madrid", "Barcelona").replace("WhatsApp", "Telegram") + " 🔥🔥"),
            ("original", AD),
        ]
    )
    clusters = index.clusters()
    planted = next(c for c in clusters if "original" in c)
    assert planted == ["repost-1", "repost-2", "repost-3", "original"]
    assert all(len(c) >= 2 for c in clusters)
    clustered = {ad for c in clusters for ad in c}
    assert len(clustered) < len(index) / 4  # distinct synthetic ads of one template are not reposts
    assert [m.id for m in index.neighbours("original")][:1] in (["repost-1"], ["repost-2"])
    assert "original" not in {m.id for m in index.neighbours("original")}


def test_an_id_is_indexed_once():
    index = LinkIndex()
    index.add("a", AD)
    assert "a" in index and len(index) == 1
    with pytest.raises(ValueError, match="already indexed"):
        index.add_many([("b", AD), ("a", AD)])
    with pytest.raises(ValueError, match="repeated ids"):
        index.add_many([("c", AD), ("c", AD)])
    assert len(index) == 1 and "b" not in index and [m.id for m in index.query(AD)] == ["a"]


def test_short_repost_found_where_the_service_bands_miss():
    """A short ad with a new phone number and an emoji: similar enough (about 0.8) to be a repost, yet
    it shares none of the 16 x 8 keys the service stores; the index's finer 32 x 4 bands find it."""
    short = "Chicas lindas para bar en Panamá 💃 pasaje pagado, WhatsApp 3001234567"
    repost = short.replace("3001234567", "3119876543") + " 🔥"
    assert not set(band_keys(signature(short))) & set(band_keys(signature(repost)))
    assert NEAR_DUPLICATE <= similarity(signature(short), signature(repost)) < 0.85
    index = LinkIndex()
    index.add("short", short)
    assert [m.id for m in index.query(repost)] == ["short"]
    coarse = LinkIndex(rows=8)  # the service's banding
    coarse.add("short", short)
    assert coarse.query(repost) == []
