"""UrlRecognizer: link-in-bio pages, spaced and bracketed links, WhatsApp links with query strings
(read as the phone they hide), and sentences that only look like domains."""

from __future__ import annotations

import pytest

from service.privacy.pseudonym import token
from service.privacy.redact import redact
from service.privacy.registry import analyze

KEY = b"k" * 32


def links(text: str) -> list[tuple[str, str, str]]:
    return [(d.kind, text[d.start : d.end], d.value) for d in analyze(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("link en bio 👉 linktr.ee/vipcasting555", "linktr.ee/vipcasting555"),
        ("apply beacons.ai/hwood555", "beacons.ai/hwood555"),
        ("Apply ➡️ linktr[.]ee/vegas_hostess555", "linktr.ee/vegas_hostess555"),
        ("entra aquí t . me / reclutamiento_tj555", "t.me/reclutamiento_tj555"),
        ("únete t[.]me/glam_agency555", "t.me/glam_agency555"),
        ("registrate en bit . ly / visas-canada555", "bit.ly/visas-canada555"),
        ("Apply: bit.ly/ poland-jobs555", "bit.ly/poland-jobs555"),
        ("perfil instagram . com / meseras.mty555", "instagram.com/meseras.mty555"),
        ("or www.trials-europe555 . com / register", "trials-europe555.com/register"),
        ("FB fb . com / rowena.ofw555", "fb.com/rowena.ofw555"),
        ("hxxps://luisa-site.xyz/apply", "luisa-site.xyz/apply"),
        ("https://chat.whatsapp.com/AbCdEf123", "chat.whatsapp.com/abcdef123"),
        ("goo.gl/maps/abc", "goo.gl/maps/abc"),
    ],
)
def test_links(text, value):
    assert [v for kind, _, v in links(text) if kind == "URL"] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "wa.me/573005550199?text=hola",
        "https://api.whatsapp.com/send?phone=573005550199&text=hola",
        "https://api.whatsapp.com/send/?text=hola&phone=573005550199",
        "link 👉 wa(.)me/573005550199",
        "nuestro whatsapp wa•me/573005550199",
    ],
)
def test_whatsapp_links_are_the_phone_they_hide(text):
    assert [p.token for p in redact(text, KEY).pseudonyms] == [token("PHONE", "+573005550199", KEY)]


def test_an_email_next_to_a_link_stays_an_email():
    text = "Resume: jordan.p.555 [at] gmail [.] com · linkedin.com/in/jordanpatel555"
    assert [kind for kind, _, _ in links(text)] == ["EMAIL", "URL"]


@pytest.mark.parametrize(
    "text",
    [
        "Buen sueldo.Es urgente, salida desde Madrid.De lunes a viernes",
        "precio: $5,010 mxn. cel/wsp al número",
        "zona Usera/Carabanchel, 80 km/h",
        "send full-body and face photos. phone/whatsapp below",
        "Sr.Perez/Lima",
    ],
)
def test_sentences_are_not_links(text):
    assert [kind for kind, _, _ in links(text) if kind == "URL"] == []
