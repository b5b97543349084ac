"""EmailRecognizer: the spellings ads use to hide an address, one value per address, and the
everyday "at"/"en"/"@" that must stay."""

from __future__ import annotations

import pytest

from service.privacy.registry import analyze


def emails(text: str) -> list[tuple[str, str]]:
    return [(text[d.start : d.end], d.value) for d in analyze(text) if d.kind == "EMAIL"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mail: luisa.m(at)gmail(dot)com", "luisa.m@gmail.com"),
        ("luisa.m {at} yahoo {dot} es", "luisa.m@yahoo.es"),
        ("luisa.m arroba hotmail punto com", "luisa.m@hotmail.com"),
        ("luisa.m[arroba]gmail[punto]com", "luisa.m@gmail.com"),
        ("luisa.m [at] gmail [.] com", "luisa.m@gmail.com"),
        ("luisa.m [@] gmail [.] com", "luisa.m@gmail.com"),
        ("luisa.m (@) gmail.com", "luisa.m@gmail.com"),
        ("luisa_m @ outlook . com", "luisa_m@outlook.com"),
        ("ceci_555 @hotmail. com", "ceci_555@hotmail.com"),
        ("hiring.demo39 @ outlook .  com", "hiring.demo39@outlook.com"),
        ("luisa.m at gmail dot com", "luisa.m@gmail.com"),
        ("luisaATgmailDOTcom", "luisa@gmail.com"),
        ("luisa.mATgmail.com", "luisa.m@gmail.com"),
        ("luisa＠ｇｍａｉｌ．ｃｏｍ", "luisa@gmail.com"),
        ("joy.va555@gmail,com", "joy.va555@gmail.com"),
        ("sampalocdorm555 at yahoo.com", "sampalocdorm555@yahoo.com"),
        ("alquiler.palermo555 en gmail punto com", "alquiler.palermo555@gmail.com"),
        ("email luisa-m22 at protonmail", "luisa-m22@protonmail"),
        ("mi gmail es luisa.m22", "luisa.m22@gmail"),
        ("Luisa.M@GMAIL.COM", "luisa.m@gmail.com"),
    ],
)
def test_disguised_addresses(text, value):
    assert [v for _, v in emails(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "see you at 10 at the office",
        "meet at Google at 5",
        "Trabajo en gmail.com no, en la oficina",
        "IG @nails.by.vale555 o al cel",
        "Escríbeme @luisa.co",
        "we are at hotel.com",
    ],
)
def test_everyday_at_and_en_stay(text):
    assert emails(text) == []
