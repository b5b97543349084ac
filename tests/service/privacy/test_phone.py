"""PhoneRecognizer: the evasions ads use, numbers no plan accepts, one token per number, and the
figures that must stay (prices, dates, times, ages, heights, addresses, postcodes, codes)."""

from __future__ import annotations

import pytest

from service.privacy.normalise import Canonical
from service.privacy.pseudonym import token
from service.privacy.recognizers.base import Context
from service.privacy.recognizers.phone import PhoneRecognizer
from service.privacy.redact import redact
from service.privacy.registry import analyze

KEY = b"k" * 32


def phones(text: str) -> list[tuple[str, str]]:
    return [(text[d.start : d.end], d.value) for d in analyze(text) if d.kind == "PHONE"]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("Escríbeme al 3️⃣0️⃣5️⃣ 4️⃣1️⃣2️⃣ 7️⃣7️⃣8️⃣8️⃣ ya", "3️⃣0️⃣5️⃣ 4️⃣1️⃣2️⃣ 7️⃣7️⃣8️⃣8️⃣"),
        ("WhatsApp: ３１０ ４５６ ７８９０", "３１０ ４５６ ７８９０"),
        ("numero 𝟑𝟎𝟎 𝟓𝟓𝟓 𝟎𝟏𝟗𝟗 gracias", "𝟑𝟎𝟎 𝟓𝟓𝟓 𝟎𝟏𝟗𝟗"),
        ("llama 3O5-555-O1l9 ahora", "3O5-555-O1l9"),
        ("cel 300-555-0I99 solo mensajes", "300-555-0I99"),
        ("cel 310_555_0199 solo mensajes", "310_555_0199"),
        ("Info +52/55/5555/0199", "+52/55/5555/0199"),
        ("Contacto 300 👉 555 👉 0199 o al correo", "300 👉 555 👉 0199"),
        ("Llámame 6 1 2 * 3 4 5 * 6 7 8", "6 1 2 * 3 4 5 * 6 7 8"),
        ("Cel. 0981'555'123 de noche", "0981'555'123"),
        (
            "call me oh one five, five five five, two three four five",
            "oh one five, five five five, two three four five",
        ),
        (
            "llamar tres cero cinco cinco cinco cinco cero uno nueve nueve",
            "tres cero cinco cinco cinco cinco cero uno nueve nueve",
        ),
        (
            "Llama al tres, cero, cero, cinco, cinco, cinco, cero, uno, nueve, nueve",
            "tres, cero, cero, cinco, cinco, cinco, cero, uno, nueve, nueve",
        ),
        ("reach me on double five five, triple three, 0199", "double five five, triple three, 0199"),
        ("(504) nueve 555 cero uno veintiocho, pregunte", "(504) nueve 555 cero uno veintiocho"),
        ("text 7O2 – fivefivefive – 0 1 6 8", "7O2 – fivefivefive – 0 1 6 8"),
        (
            "Contact: 3\u200b0\u200b0\u200b5\u200b5\u200b5\u200b0\u200b1\u200b9\u200b9",
            "3\u200b0\u200b0\u200b5\u200b5\u200b5\u200b0\u200b1\u200b9\u200b9",
        ),
        ("Phone: 3 0 0\n5 5 5\n0 1 9 9", "3 0 0\n5 5 5\n0 1 9 9"),
        ("Tel + 57 300 555 0199", "+ 57 300 555 0199"),
        ("(+57) 300 555 0199", "(+57) 300 555 0199"),
        ("Book: 0 7 7 0 0 · 9 0 0 · 1 2 3", "0 7 7 0 0 · 9 0 0 · 1 2 3"),
        ("Kindly call O-2-4-5-5-5-1-3-8-9 or whatsapp", "O-2-4-5-5-5-1-3-8-9"),
        ("Order through O7OO 555 9l2 before Friday", "O7OO 555 9l2"),  # a disguise is never a reference
    ],
)
def test_evasions_are_read(text, raw):
    assert [found for found, _ in phones(text)] == [raw]


@pytest.mark.parametrize(
    "text",
    [
        "Llamar al 987 555 214 (Sra. Rosa)",  # a reserved range no plan accepts, after "al"
        "Comunicate con Don Chepe al 4555-0182 (whatsapp)",
        "Call the caretaker 055 555 0173 today",  # a trunk 0
        "Text Mrs. K at 832 555 0129",
        "Ask for Arben, Tel. 7700 900 417",
        "Interesadas 311 555 22 33 (solo whatsapp)",  # the phone word after the number
        "Tel 612 555 083 o 612 555 084",  # a second number after "o"
    ],
)
def test_numbers_no_plan_accepts_are_phones_in_a_contact_context(text):
    assert len(phones(text)) == (2 if " o 6" in text else 1)


def test_the_plan_decides_the_value_and_one_number_gets_one_token():
    spellings = [
        "Llama +57 300 555 0199",
        "WhatsApp 3️⃣0️⃣0️⃣ 5️⃣5️⃣5️⃣ 0️⃣1️⃣9️⃣9️⃣ (Colombia)",
        "Bogotá: tres cero cero cinco cinco cinco cero uno nueve nueve",
        "cel 3OO-555-Ol99, Medellín",
        "Cali, 300 👉 555 👉 0199",
    ]
    tokens = {p.token for text in spellings for p in redact(text, KEY).pseudonyms}
    assert tokens == {token("PHONE", "+573005550199", KEY)}


def test_a_number_no_plan_accepts_keeps_its_digits_or_its_hinted_e164():
    assert phones("Nannies wanted, call or text 0998-555-0574 after 5pm") == [
        ("0998-555-0574", "09985550574")
    ]
    # A region the ad points to makes the number's E.164 form when the plan finds it possible.
    assert phones("Cancún, Quintana Roo. Llama al 998 555 0193")[0][1] == "+529985550193"


def test_a_run_holding_two_numbers_is_split():
    assert [v for _, v in phones("Whatsapp +57 300 555 0199 / +57 310 555 0188")] == [
        "+573005550199",
        "+573105550188",
    ]
    assert len(phones("LLAMAR AL 3001234567 O 3101234567")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Salario $ 1.500.000 al mes, horario 9:00-18:00, inicio 15/03/2025",
        "Pago 2.500.000 COP mensuales, edad 18-25, estatura 1,70 m",
        "Convocatoria 2024-2025, vacantes 30, código postal 28013",
        "Ref. REF-2024-001, pedido #20250315, SKU 123456789",
        "Dirección: Calle 45 # 12-34, Bogotá. Cra 7 No. 45-67 piso 3",
        "Room 1203, 45 West 34th Street, New York, NY 10001-1234",
        "Earn $3,000/month, fees 1,200 deducted, start 2025-06-01",
        "Horario 9.00-18.00 de lunes a viernes",
        "Sueldo 1 500 000 pesos, población 8 500 000 habitantes",
        "Años de experiencia: 2019 - 2023",
        "📅 15 / 03 / 2025 ⏰ 10:30",
        "Fecha 15.03.2025 y 16.03.2025",
        "Tallas 36, 38, 40, 42",
        "Order 00123456789 shipped; reference 0998-1234-55",
        "Caso 2026/114 en trámite, expediente 12345678-2024",
        "Ref. vacante 2025-0319, licence 367/2024. Two days off",
        "Agencia de colocación autorizada nº 3556-2023",
        "Service charges ₹ 3,50,000 only, Ref no. KR/2025/0457",
        "Price: USD 180. Pickup at 1412 E 7th St, Charlotte NC 28204",
        "💰 1.200.000 + bonos, ganancias 💸 25,000 💸 por semana",
        "Tengo 34 años, mido 1,65 y peso 60 kg",
    ],
)
def test_figures_stay(text):
    assert phones(text) == [] and redact(text, KEY).text == text


def test_a_price_word_before_a_full_stop_is_not_a_price():
    assert len(phones("Entrega sin costo. 1-555-003-5551 (llamar de 9 a 20 h)")) == 1
    assert len(phones("Price: USD 180. 555.789.0123 (calls or WhatsApp)")) == 1


def test_the_recognizer_reads_the_digit_view():
    ad = Canonical("WhatsApp ➡️ 6️⃣1️⃣2️⃣ 3️⃣4️⃣5️⃣ 6️⃣7️⃣8️⃣")
    [detection] = PhoneRecognizer().analyze(ad, Context(regions=("ES",)))
    assert ad.text[detection.start : detection.end] == "6️⃣1️⃣2️⃣ 3️⃣4️⃣5️⃣ 6️⃣7️⃣8️⃣"
    assert detection.value == "+34612345678"


@pytest.mark.parametrize(
    "text",
    [
        "📞 (212) 555-0199",
        "☎️: 555 0199",  # seven digits after a telephone symbol
        "Llama al 555-0199",  # seven digits after a phone word
        "Tfno 300+555+0199",
        "llámame: trescientos cinco, quinientos cincuenta y cinco, cero ciento noventa y nueve",
        "call five hundred fifty five, two one two, oh one nine nine",
    ],
)
def test_phone_symbols_words_and_short_local_numbers(text):
    assert len(phones(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "8\xa0500\xa0000 habitantes",  # thousands joined by no-break spaces
        "Ubicación: -34.603722, -58.381592",
        "quinientos dólares al mes",
        "Tel. de la oficina en la web; horario 8-17, 2 turnos",
    ],
)
def test_more_figures_stay(text):
    assert phones(text) == []
