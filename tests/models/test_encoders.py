"""The real packaged encoders: they load offline and embed Spanish and English into one space."""

import numpy as np
import pytest

import models.encoders
from baliza.errors import InputError
from models.encoders import EmbeddingCache, Encoders
from models.encoders.cache import text_key
from tests.factories import FakeEncoder

PAIR = (
    "Buscamos camarera, pagamos el pasaje y se descuenta del sueldo",
    "We are looking for a waitress, we pay the ticket and deduct it from the salary",
)
UNRELATED = "Vendo bicicleta de montaña usada, rodado 29, buen estado"


@pytest.mark.encoder
def test_use_is_multilingual_and_case_robust(encoders):
    vectors = encoders.embed("use-m3", [PAIR[0], PAIR[1], UNRELATED, PAIR[0].upper()])
    assert vectors.shape == (4, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    translation, unrelated, caps = vectors[0] @ vectors[1], vectors[0] @ vectors[2], vectors[0] @ vectors[3]
    assert translation > unrelated + 0.2
    assert caps > 0.99  # lower-cased before encoding


@pytest.mark.encoder
def test_sentence_transformers_backend_loads_offline(encoders):
    vectors = encoders.embed("minilm", ["a nanny job with a contract", "a nanny job with a written contract"])
    assert vectors.shape == (2, 384)
    assert vectors[0] @ vectors[1] > 0.8


def test_unknown_encoder_is_a_clear_error(encoders):
    with pytest.raises(InputError, match="unknown encoder"):
        encoders.get("no-such-encoder")


def holder_on(path) -> Encoders:
    return Encoders(EmbeddingCache(path), {FakeEncoder.name: FakeEncoder})


def test_cache_encodes_each_text_once(tmp_path):
    encoders = holder_on(tmp_path / "emb.sqlite3")
    before = FakeEncoder.calls
    first = encoders.embed("fake-hash", ["uno", "dos", "uno"])
    assert FakeEncoder.calls == before + 1
    second = encoders.embed("fake-hash", ["dos", "uno"])
    assert FakeEncoder.calls == before + 1
    assert np.array_equal(first[1], second[0]) and np.array_equal(first[0], first[2])
    # A fresh holder's cache on the same file still hits (persistence), and holds no text.
    holder_on(tmp_path / "emb.sqlite3").embed("fake-hash", ["uno"])
    assert FakeEncoder.calls == before + 1
    assert b"uno" not in (tmp_path / "emb.sqlite3").read_bytes()
    assert (tmp_path / "emb.sqlite3").stat().st_mode & 0o777 == 0o600


def test_holders_share_nothing():
    one, two = Encoders(factories={FakeEncoder.name: FakeEncoder}), Encoders()
    assert one.get("fake-hash") is one.get("fake-hash")
    assert "fake-hash" in one.names() and "fake-hash" not in two.names()
    assert {"use-m3", "e5-small", "minilm"} <= set(two.names())
    one.embed("fake-hash", ["tres"])
    key = text_key("fake-hash", "tres")
    assert list(one.cache.get_many([key])) == [key] and not two.cache.get_many([key])


def test_a_new_cache_keeps_the_holders_encoders(tmp_path):
    """Replacing a holder's cache keeps its built encoders: on the same file it still hits, and a
    memory-only one starts cold (how a benchmark times encoding)."""
    encoders = holder_on(tmp_path / "emb.sqlite3")
    before = FakeEncoder.calls
    encoders.embed("fake-hash", ["cuatro", "cuatro"])
    assert FakeEncoder.calls == before + 1
    built = encoders.get("fake-hash")
    encoders.cache = EmbeddingCache(tmp_path / "emb.sqlite3")  # a new cache on the same file
    encoders.embed("fake-hash", ["cuatro"])
    assert FakeEncoder.calls == before + 1
    encoders.cache = EmbeddingCache()
    encoders.embed("fake-hash", ["cuatro"])
    assert FakeEncoder.calls == before + 2
    assert encoders.get("fake-hash") is built
    with pytest.raises(InputError, match="unknown encoder"):
        encoders.get("no-such-encoder")


def test_there_is_no_process_wide_holder():
    """Encoders are reached only through a holder a caller made (no module state to configure)."""
    assert not {"configure_cache", "embed", "get_encoder", "register_encoder"} & set(dir(models.encoders))


def test_cache_without_file_is_memory_only():
    cache = EmbeddingCache()
    cache.put_many({"k": np.ones(3, dtype=np.float32)})
    assert list(cache.get_many(["k", "missing"])) == ["k"]
