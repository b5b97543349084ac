"""The residual check: a contact value no recognizer knows is still masked, and counted."""

from __future__ import annotations

import pytest

from service.privacy.normalise import Canonical
from service.privacy.pseudonym import token
from service.privacy.recognizers.base import Context
from service.privacy.redact import redact
from service.privacy.registry import analyze
from service.privacy.residual import scan

KEY = b"k" * 32


@pytest.mark.parametrize(
    ("planted", "kind", "value"),
    [
        # 13 digits no plan accepts, no phone word, no disguise: no recognizer takes it.
        ("9995550123456", "PHONE", "9995550123456"),
        # A domain with a path on a TLD no list knows.
        ("portal.empleos/registro", "URL", "portal.empleos/registro"),
        # An address on a host with no TLD and no known provider.
        ("luisa.ruiz@correo-interno", "EMAIL", "luisa.ruiz@correo-interno"),
    ],
)
def test_a_value_no_recognizer_knows_is_masked_and_counted(planted, kind, value):
    text = f"Pregunta por Ana {planted} y te explica todo"
    assert not any(text[d.start : d.end] in planted for d in analyze(text))
    result = redact(text, KEY)
    assert planted not in result.text and result.residual == {kind: 1}
    [pseudonym] = [p for p in result.pseudonyms if p.kind == kind]
    assert pseudonym.token == token(kind, value, KEY)
    assert result.text[pseudonym.start : pseudonym.end] == pseudonym.token


def test_residual_hits_and_recognizer_hits_share_one_result():
    text = "Tel 300 555 0199, o 9995550123456, IG: luisa.555"
    result = redact(text, KEY)
    assert [p.kind for p in result.pseudonyms] == ["PHONE", "PHONE", "HANDLE"]
    assert result.residual == {"PHONE": 1}
    assert [o.raw for o in result.originals] == ["300 555 0199", "9995550123456", "luisa.555"]
    for p in result.pseudonyms:
        assert result.text[p.start : p.end] == p.token


@pytest.mark.parametrize(
    "text",
    [
        "Salario $ 1.500.000 al mes, horario 9:00-18:00, inicio 15/03/2025",
        "Código de vacante 20250612, licence 9900068094, Res. 9900073143",
        "Año 2024-2025, 3,50,000 rupees, 120.000 km",
        "Hola, buen trabajo",
    ],
)
def test_ordinary_text_has_no_residual(text):
    result = redact(text, KEY)
    assert result.text == text and result.residual == {}


def test_the_scan_skips_what_was_redacted():
    ad = Canonical("Tel 9995550123456 y 9995550123457")
    assert [d.value for d in scan(ad, Context())] == ["9995550123456", "9995550123457"]
    assert [d.value for d in scan(ad.without([(4, 17)]), Context())] == ["9995550123457"]
