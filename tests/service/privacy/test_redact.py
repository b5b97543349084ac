"""`redact`: spans into the redacted text, stable keyed tokens, nothing original left behind."""

from __future__ import annotations

import re

import pytest

from service.privacy import redact
from service.privacy.pseudonym import token
from service.privacy.registry import analyze

KEY = b"k" * 32
AD = (
    "Trabajo en Bogotá, viaje pagado. Llama +57 300 123 4567 o escribe a maria.lopez (arroba) gmail . com, "
    "IG: Laura_Modelos, https://t.me/chicasvip. Cédula 1.023.456.789. Salario $ 1.500.000, 9:00-18:00."
)


def test_spans_point_into_the_redacted_text():
    result = redact(AD, KEY)
    assert [p.kind for p in result.pseudonyms] == ["PHONE", "EMAIL", "HANDLE", "URL", "ID"]
    for pseudonym in result.pseudonyms:
        assert result.text[pseudonym.start : pseudonym.end] == pseudonym.token
        assert re.fullmatch(rf"\[{pseudonym.kind}:[0-9a-f]{{12}}\]", pseudonym.token)


def test_no_original_value_survives():
    result = redact(AD, KEY)
    for original in result.originals:
        assert original.raw not in result.text and original.value not in result.text
    for fragment in ("300", "4567", "maria", "gmail", "laura", "chicasvip", "1.023"):
        assert fragment not in result.text.lower()
    assert "$ 1.500.000" in result.text and "9:00-18:00" in result.text


def test_token_is_hmac_of_the_normalised_value():
    phone = redact("Llama +57 300 123 4567", KEY).pseudonyms[0]
    assert phone.token == token("PHONE", "+573001234567", KEY)


@pytest.mark.parametrize(
    "text",
    [
        "Llama +57 300 123 4567",
        "Bogotá: 300 1234567",
        "Medellín, whatsapp 300-123-4567",
        "Cali 300.123.4567",
        "tres cero cero 123 4567 Colombia",
        "0057 3001234567",
        "https://wa.me/573001234567",
    ],
)
def test_same_phone_in_any_format_gives_the_same_token(text):
    assert [p.token for p in redact(text, KEY).pseudonyms] == [token("PHONE", "+573001234567", KEY)]


@pytest.mark.parametrize(
    "text",
    ["maria@gmail.com", "MARIA@GMAIL.COM", "maria (arroba) gmail . com", "maria [at] gmail [dot] com",
     "maria at gmail dot com", "maria@gmail punto com"],
)  # fmt: skip
def test_same_email_in_any_disguise_gives_the_same_token(text):
    assert [p.token for p in redact(f"Escribe a {text} hoy", KEY).pseudonyms] == [
        token("EMAIL", "maria@gmail.com", KEY)
    ]


def test_different_key_gives_different_tokens():
    assert redact(AD, KEY).pseudonyms[0].token != redact(AD, b"other-key").pseudonyms[0].token


@pytest.mark.parametrize(
    "text",
    [
        "Salario $ 1.500.000 al mes",
        "Pago 2.500.000 COP mensuales",
        "Horario 9:00-18:00",
        "Inicio 15/03/2025, convocatoria 2024-2025",
        "Código postal 28013",
        "Referencia REF-2024-001",
        "We keep your passport and take 300 USD",
        "Meet at the office at 10",
        "Buen sueldo.Es urgente, salida desde Madrid.De lunes a viernes",
        "I run 10,000 steps a day",
        "Talla x: M",
    ],
)
def test_hard_negatives_stay(text):
    assert analyze(text) == [] and redact(text, KEY).text == text


def test_overlap_longest_span_wins():
    kinds = [
        (d.kind, d.value) for d in analyze("Escríbenos: https://wa.me/573001234567 o ana@trabajo.com.co")
    ]
    assert kinds == [("PHONE", "+573001234567"), ("EMAIL", "ana@trabajo.com.co")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("DNI 12345678Z", "12345678Z"),
        ("RUT 12.345.678-5", "123456785"),
        ("CURP GODE561231HDFRRN09", "GODE561231HDFRRN09"),
        ("SSN 123-45-6789", "123456789"),
        ("pasaporte AB123456", "AB123456"),
        ("C.I. N° 4.567.890", "4567890"),
    ],
)
def test_ids(text, value):
    assert [(d.kind, d.value) for d in analyze(text)] == [("ID", value)]


def test_bad_checksum_is_not_an_id():
    assert analyze("codigo 12345678A") == []
    assert analyze("lote 12.345.678-9") == []


def test_unhinted_national_number_falls_back_to_the_first_valid_region():
    assert [d.value for d in analyze("Llama al 300 123 4567")] == ["+573001234567"]
    assert [d.value for d in analyze("Call 305 412 7788")] == ["+573054127788"]  # documented bias
    assert [d.value for d in analyze("Call 305 412 7788 in Miami")] == ["+13054127788"]


def test_a_place_name_sets_the_region_and_explicit_region_wins():
    assert [d.value for d in analyze("Madrid, llama al 612 345 678")] == ["+34612345678"]
    assert [d.value for d in analyze("Llama al 0981 123 456", region="PY")] == ["+595981123456"]


def test_empty_and_clean_text():
    assert redact("", KEY).text == "" and redact("Hola, buen trabajo", KEY).pseudonyms == []


def test_plain_addresses_with_any_tld_are_redacted():
    """Seen leaking on the synthetic ads: reserved and new TLDs in literal name@host.tld addresses."""
    key = b"k" * 32
    for address in ("rrhh@horizonte.example", "vip_test19@correo.test", "jobs@agency.recruitment"):
        result = redact(f"Enviar CV a {address}!!!", key)
        assert address not in result.text and [p.kind for p in result.pseudonyms] == ["EMAIL"], address
