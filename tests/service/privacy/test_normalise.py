"""The canonical views: what the fold and the digit reading make of disguised text, and that every
span maps back to exactly the original characters (emoji, combining marks, CRLF, zero-width)."""

from __future__ import annotations

import pytest

from service.privacy.normalise import Canonical, fold
from service.privacy.redact import redact
from service.privacy.registry import analyze

KEY = b"k" * 32


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("3️⃣0️⃣5️⃣", "305"),  # keycaps: digit, variation selector, enclosing keycap
        ("３０５", "305"),  # fullwidth
        ("①⓪⑨", "109"),  # circled
        ("𝟑𝟎𝟓 𝟱", "305 5"),  # mathematical bold, sans-serif bold
        ("⁵⁵⁵ ²⁷¹", "555 271"),  # superscript
        ("٣٠٥ ३०५", "305 305"),  # Arabic-Indic and Devanagari digits
        ("3\u200b0\u200d5\u2060", "305"),  # zero-width space, joiner, word joiner
        ("7︎5︎", "75"),  # text variation selector
        ("ana＠ｍａｉｌ．ｃｏｍ", "ana@mail.com"),  # fullwidth letters and punctuation (NFKC)
        ("@thаi_jоbs", "@thai_jobs"),  # Cyrillic а and о (Unicode confusables)
        ("300 👉 555", "300  555"),  # an emoji joins the space before it
        ("11 ✨5555✨ 0472", "11 5555  0472"),
        ("832•555･0129", "832.555.0129"),  # bullets and middle dots read as dots
        ("4827 – 1936 — 0584 ➖ 1", "4827 - 1936 - 0584 - 1"),  # dashes and minus signs
        ("José, ñandú, N° 5, 1º piso, 20 €", "José, ñandú, N° 5, 1º piso, 20 €"),  # Latin-1 and € stay
        ("Jose\u0301", "Jose"),  # a combining accent is dropped (joins the letter before)
    ],
)
def test_fold(text, folded):
    assert fold(text).text == folded


def test_plain_ascii_is_its_own_view():
    view = fold("Llama al 300 123 4567\r\nya")
    assert view.text == "Llama al 300 123 4567\r\nya" and view.starts is None


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("tres cero cinco", "3 0 5"),
        ("nine oh nine", "9 0 9"),
        ("oh two four", "0 2 4"),
        ("fivefivefive zero8zero2 99four1 07two2", "555 0802 9941 0722"),
        ("veintiocho, twenty-eight, treinta y dos, forty one", "28 28 32 41"),
        ("diez once quince nineteen", "10 11 15 19"),
        ("double five, triple 3", "55 333"),
        ("3O5-555-O1l9", "305-555-0119"),
        ("O77OO 9OO 4l7", "07700 900 417"),
        ("O9I5-5S5-O482", "0915-555-0482"),
        ("555 O I 4 4", "555 0 1 4 4"),
        ("call O-2-4-5-5", "call 0-2-4-5-5"),
        ("tres uno cero, cinco cinco", "3 1 0 5 5"),  # a comma between spoken digits is a pause
    ],
)
def test_digit_reading(text, reading):
    assert Canonical(text).digits.text == reading


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("call 555 0199 I am free", "I am"),  # a lone "I" beside one group of digits is the pronoun
        ("300 1234567 o 3101234567", " o "),  # the Spanish "o" is "or"
        ("tengo 18, 25 y 30 años", "18, 25"),  # a comma between figures is a list
        ("Oficina 2do piso", "2do"),
        ("Modelo lo que sea", "Modelo lo"),
    ],
)
def test_digit_reading_leaves_words_alone(text, kept):
    assert kept in Canonical(text).digits.text


def _maps_back_to_the_original(text: str) -> None:
    ad = Canonical(text)
    for view in (ad.folded, ad.digits):
        if view.starts is None or view.ends is None:
            continue
        assert len(view.starts) == len(view.ends) == len(view.text)
        assert all(0 <= s < e <= len(text) for s, e in zip(view.starts, view.ends, strict=True))
        assert view.starts == sorted(view.starts)


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("🚨URGENTE🚨 whats 5️⃣5️⃣ 5️⃣5️⃣5️⃣5️⃣ 0️⃣1️⃣4️⃣7️⃣ 🙏", "5️⃣5️⃣ 5️⃣5️⃣5️⃣5️⃣ 0️⃣1️⃣4️⃣7️⃣"),
        (
            "Señora Josén\u0303 cel 6\u200b2\u200b9 5\u200b5\u200b5 0\u200b4\u200b1 gracias",
            "6\u200b2\u200b9 5\u200b5\u200b5 0\u200b4\u200b1",
        ),
        ("Línea 1:\r\nTel 3\u03360\u03360\u0336 555 0199\r\nFin", "3\u03360\u03360\u0336 555 0199"),
        ("IG 👉 @thаi_jobs_hr555 ✨", "@thаi_jobs_hr555"),
        ("Call 0 7 7 0 0 · 9 0 0 · 3 1 8 🙂 now", "0 7 7 0 0 · 9 0 0 · 3 1 8"),
        ("correo andrea.v555＠gmail．com, gracias", "andrea.v555＠gmail．com"),
    ],
)
def test_detections_mask_exactly_the_original_characters(text, raw):
    _maps_back_to_the_original(text)
    spans = [text[d.start : d.end] for d in analyze(text)]
    assert spans == [raw]
    result = redact(text, KEY)
    start = text.index(raw)
    assert result.text == text[:start] + result.pseudonyms[0].token + text[start + len(raw) :]


def test_crlf_and_emoji_around_several_detections_keep_everything_else():
    text = "Hola 🙂\r\nTel: 3️⃣0️⃣0️⃣ 5️⃣5️⃣5️⃣ 0️⃣1️⃣9️⃣9️⃣\r\nIG: luisa.555 💋\r\nCV a ana.r22＠mail．com\r\n"
    result = redact(text, KEY)
    tokens = [p.token for p in result.pseudonyms]
    assert [p.kind for p in result.pseudonyms] == ["PHONE", "HANDLE", "EMAIL"]
    assert result.text == f"Hola 🙂\r\nTel: {tokens[0]}\r\nIG: {tokens[1]} 💋\r\nCV a {tokens[2]}\r\n"
    for p in result.pseudonyms:
        assert result.text[p.start : p.end] == p.token


def test_without_blanks_a_span_in_every_view():
    ad = Canonical("A 3️⃣0️⃣0️⃣ B 555")
    blanked = ad.without([(2, 11)])
    assert blanked.text == "A " + "\x00" * 9 + " B 555"
    assert blanked.folded.text == "A \x00\x00\x00 B 555" and blanked.digits.text == "A \x00\x00\x00 B 555"
    assert ad.without([]) is ad
