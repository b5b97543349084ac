"""The ID recognizers: national IDs and travel documents after their keywords (however spaced),
self-checking numbers, and shapes that need no keyword; and the numbers that are not a person's."""

from __future__ import annotations

import pytest

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context
from service.privacy.recognizers.id_checksum import ChecksumIdRecognizer
from service.privacy.recognizers.id_shape import ShapeIdRecognizer
from service.privacy.recognizers.travel_doc import TravelDocumentRecognizer
from service.privacy.registry import analyze


def ids(text: str) -> list[tuple[str, str]]:
    return [(text[d.start : d.end], d.value) for d in analyze(text) if d.kind == "ID"]


def found_by(recognizer, text: str) -> list[str]:
    return [d.value for d in recognizer.analyze(Canonical(text), Context())]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("C.C. 1.023.874.562 de Bogotá", "1.023.874.562"),
        ("cédula 5.555.761", "5.555.761"),
        ("CI 6845123 LP, vivo en El Alto", "6845123 LP"),
        ("C.I. V 1 2 . 8 4 7 . 3 9 1", "V 1 2 . 8 4 7 . 3 9 1"),
        ("Rut 14.382.907 - 5. Disponible", "14.382.907 - 5"),
        ("DNI 5 0 8 4 7 2 1 9 - T", "5 0 8 4 7 2 1 9 - T"),
        ("Mi cédula es 402-2847163-5", "402-2847163-5"),
        ("Cédula 1-1547-0832", "1-1547-0832"),
        ("DPI 3 0 2 7 · 4 8 1 9 6 · 0 1 0 1", "3 0 2 7 · 4 8 1 9 6 · 0 1 0 1"),
        ("Mi carné de identidad 71082415367", "71082415367"),
        ("Clave de elector RMLPJN85031209H400", "RMLPJN85031209H400"),
        ("CURP SAIB 980726 MCHLBR 04, RFC", "SAIB 980726 MCHLBR 04"),
        ("tengo PPT vigente N° 5 8 2 1 4 7 3", "5 8 2 1 4 7 3"),
        ("NSS 4 2 1 3 9 6 1 0 5 8 7", "4 2 1 3 9 6 1 0 5 8 7"),
        ("ID no. 3 2 4 5 7 8 1 9", "3 2 4 5 7 8 1 9"),
        ("National ID (PhilSys) 4827 – 1936 – 0584 – 7712", "4827 – 1936 – 0584 – 7712"),
        ("NIN: 482-17-36O954", "482-17-36O954"),
        ("My NIN is seven 2 one 4 8 six 3 0 9 5 2", "seven 2 one 4 8 six 3 0 9 5 2"),
        ("NI no. if needed S T 4 8 2 7 1 9 D", "S T 4 8 2 7 1 9 D"),
        ("KRA PIN A O 1 2 7 4 8 3 9 5 Z", "A O 1 2 7 4 8 3 9 5 Z"),
        ("Voter ID T N X 4 8 2 7 1 9 3", "T N X 4 8 2 7 1 9 3"),
        ("Aadhaar 5 8 2 4 - 7 1 9 3 - 6 0 4 2, PAN", "5 8 2 4 - 7 1 9 3 - 6 0 4 2"),
        ("TIN 482-719-360-000", "482-719-360-000"),
        ("Ghana card GHA 7 1 9 4 8 2 6 3 0 - 5, passport", "GHA 7 1 9 4 8 2 6 3 0 - 5"),
    ],
)
def test_national_ids_after_their_keyword(text, raw):
    assert [r for r, _ in ids(text)] == [raw]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("passport no. AK0482719", "AK0482719"),
        ("valid passport G 2 8 4 7 1 9 3 and", "G2847193"),
        ("PP# AB123456", "AB123456"),
        ("CDL # D4827195 (CA)", "D4827195"),
        ("DL# 28 471 936", "28471936"),
        ("Valid driver's licence no. KJA48271AB93", "KJA48271AB93"),
        ("licencia de conducir 12345678", "12345678"),
        ("brevete Q12345678", "Q12345678"),
    ],
)
def test_travel_documents_and_licences(text, value):
    assert found_by(TravelDocumentRecognizer(), text) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12345678Z", "12345678Z"),
        ("12.345.678-Z", "12345678Z"),
        ("X-1234567-L", "X1234567L"),
        ("26.481.739-0", "264817390"),
        ("CUIL 20-12345678-6", "20123456786"),
        ("4.582.137-6", "45821376"),
        ("402-2847163-3", "40228471633"),
        ("ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332"),
    ],
)
def test_self_checking_numbers_need_no_keyword(text, value):
    assert found_by(ChecksumIdRecognizer(), text) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("OEMJ960415HMCRNR07", "OEMJ960415HMCRNR07"),
        ("RMLPJN85031209H400", "RMLPJN85031209H400"),
        ("SAIB980726KT3", "SAIB980726KT3"),
        ("412-76-3908", "412763908"),
        ("JM 48 27 19 C", "JM482719C"),
        ("BKRPK4821L", "BKRPK4821L"),
        ("GHA-724819360-4", "GHA7248193604"),
        ("A012748395Z", "A012748395Z"),
        ("34-5871204-6", "3458712046"),
        ("12-051938472-3", "120519384723"),
        ("V-12.345.678", "V12345678"),
        ("WILLI708154DJ9AB", "WILLI708154DJ9AB"),
    ],
)
def test_shapes_need_no_keyword(text, value):
    assert found_by(ShapeIdRecognizer(), f"datos: {text}.") == [value]


@pytest.mark.parametrize(
    "text",
    [
        "codigo 12345678A",  # wrong control letter
        "lote 12.345.678-9",  # wrong check digit
        "Product ID 00123456789 ships in 3-5 days",
        "Our license number is 2023-0456 and our office is open 10-6",
        "Agency licence RE-12323, Licence No. 0219-2025",
        "Licencia de funcionamiento Nº 7529-2024",
        "Pasaporte: la agencia lo guarda hasta que pagues la deuda de 5.000 dólares",
        "DNI y pasaporte vigente (Argentina)",
        "We keep your passport and take 300 USD",
        "Tienes licencia al día y 15 años de experiencia",
        "Traer CI, sueldo 2.500.000 Gs",
        "sin papeles, PAN de cada día, NI 2 ni 3",
        "ES12 2100 0418 4502 0005 1332",  # an IBAN with a wrong check
    ],
)
def test_not_a_persons_number(text):
    assert ids(text) == []
