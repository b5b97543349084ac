"""The one MinHash: the same signature for the same ad however its text was typed."""

from __future__ import annotations

import unicodedata

import numpy as np

from models.minhash import PERMUTATIONS, SCHEME, shingles, signature, signatures, similarity

AD = "Se busca Niña para casa de familia en Madrid, pagamos el viaje 💰✈️ Solo WhatsApp"


def test_signature_ignores_normal_form_case_and_whitespace():
    nfd = unicodedata.normalize("NFD", AD)
    assert nfd != AD
    variants = [
        nfd,
        AD.upper(),
        AD.replace(" ", "  \t"),
        f"\n {AD} \n",
        unicodedata.normalize("NFD", AD.lower()),
    ]
    for variant in variants:
        assert np.array_equal(signature(variant), signature(AD)), variant
    assert shingles(nfd) == shingles(AD)


def test_accents_and_emojis_stay():
    assert similarity(signature(AD), signature(AD.replace("Niña", "Nina"))) < 1.0
    assert similarity(signature(AD), signature(AD.replace("💰✈️", ""))) < 1.0


def test_bulk_signatures_equal_single_ones():
    texts = [AD, "corto", "", AD.lower() + " ¡URGENTE!"] * 3
    assert signatures(texts, chunk=16).shape == (len(texts), PERMUTATIONS)
    assert np.array_equal(signatures(texts, chunk=16), np.vstack([signature(t) for t in texts]))


def test_the_scheme_is_named():
    assert "nfc" in SCHEME and f"perm{PERMUTATIONS}" in SCHEME
