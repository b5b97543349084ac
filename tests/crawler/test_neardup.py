"""The crawler's near-duplicate index: the service's MinHash, and index files from before it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np
import pytest

from crawler.neardup import IndexSchemeError, NearDuplicateIndex
from models import linking
from models.minhash import SCHEME

DATA = Path(__file__).parent / "data"
# The texts whose signatures tests/crawler/data/near_duplicates-before-issue-13.npz holds, written
# by the crawler's own MinHash before it used models.minhash (NFC text, as the pipeline makes it).
OLD = {
    "demo:old-1": "SEÑORAS PARA CUIDAR PERSONAS MAYORES\nContrato al llegar (de palabra).\n"
    "Se buscan personas para trabajar en Portugal!! Comida y habitación incluidas!!",
    "demo:old-2": "Camareras para bar en la costa\nViaje pagado, se descuenta del sueldo. Llamá ya, niña.",
    "demo:old-3": "Soldadores\nBuscamos soldadores con experiencia, contrato indefinido y alta. 😀😀",
}


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: unicodedata.normalize("NFD", t),
        str.upper,
        lambda t: t.replace(" ", " \t "),
        lambda t: f"  {unicodedata.normalize('NFD', t.lower())}\n",
    ],
    ids=["nfd", "upper", "spaces", "nfd-lower-padded"],
)
def test_crawler_and_service_sign_alike(variant):
    for text in OLD.values():
        index = NearDuplicateIndex()
        index.match("ad", variant(text))
        assert np.array_equal(index.signatures[0], linking.signature(text))
        assert np.array_equal(index.signatures[0], linking.signature(variant(text)))


def test_an_index_from_before_the_shared_minhash_still_matches(tmp_path):
    old = NearDuplicateIndex.load(DATA / "near_duplicates-before-issue-13.npz", 0.8)
    assert old.ids == list(OLD)
    assert np.array_equal(old.signatures, np.vstack([linking.signature(t) for t in OLD.values()]))
    assert old.match("demo:new", OLD["demo:old-2"] + " ¡URGENTE!") == "demo:old-2"
    old.save(tmp_path / "index.npz")
    with np.load(tmp_path / "index.npz") as saved:
        assert str(saved["scheme"]) == SCHEME
    assert NearDuplicateIndex.load(tmp_path / "index.npz").ids == [*OLD, "demo:new"]


def test_an_index_of_another_scheme_is_refused(tmp_path):
    path = tmp_path / "index.npz"
    np.savez(path, ids=np.array(["a"]), signatures=np.zeros((1, 128), np.uint64), scheme="minhash/other")
    with pytest.raises(IndexSchemeError, match="delete it to start a new index"):
        NearDuplicateIndex.load(path)
