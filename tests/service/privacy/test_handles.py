"""HandleRecognizer (`@user`) and PlatformHandleRecognizer ("IG: user", "Kik user", "en Insta
como user", "user en IG", Skype "live:"), with the words after a platform's name that must stay."""

from __future__ import annotations

import pytest

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context
from service.privacy.recognizers.handle import HandleRecognizer
from service.privacy.recognizers.platform_handle import PlatformHandleRecognizer
from service.privacy.registry import analyze


def handles(text: str) -> list[str]:
    return [d.value for d in analyze(text) if d.kind == "HANDLE"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("tg @luisa_x", "luisa_x"),
        ("Telegram ＠ibiza_hostess555", "ibiza_hostess555"),
        ("Apply via Telegram @ hr_pgcompany555", "hr_pgcompany555"),
        ("contact HR on telegram @thаi_jobs_hr555", "thai_jobs_hr555"),  # Cyrillic а
        ("insta 👉 @luisa.x", "luisa.x"),
    ],
)
def test_at_handles(text, value):
    assert handles(text) == [value]
    assert [d.value for d in HandleRecognizer().analyze(Canonical(text), Context())] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("IG: luisa.555", "luisa.555"),
        ("Kik luisa555", "luisa555"),
        ("Snap: luisa_x", "luisa_x"),
        ("Telegram 👉 luisa_x", "luisa_x"),
        ("IG—luisa.x", "luisa.x"),
        ("mensaje al face chepe.viajes555", "chepe.viajes555"),
        ("my snap is luisa.x", "luisa.x"),
        ("find me on tiktok as luisa.dance", "luisa.dance"),
        ("búscame en Insta como luisamodelos", "luisamodelos"),
        ("sígueme luisa_555 en IG", "luisa_555"),
        ("Skype live:luisa.555", "live:luisa.555"),
        ("DM me on Insta: @travel.nanny.jobs or kik: nannyboss", "travel.nanny.jobs"),
    ],
)
def test_handles_introduced_by_a_platform(text, value):
    assert handles(text)[0] == value


@pytest.mark.parametrize(
    "text",
    [
        "telegram group for jobs",
        "snap chat me",
        "Instagram stories today",
        "Contáctanos por IG o Facebook",
        "face to face interview",
        "en Instagram como siempre",
        "Signal: +57 300 555 0199",  # a handle holds a letter: this is a phone
        "meet @ 5pm",
    ],
)
def test_words_after_a_platform_name_stay(text):
    assert PlatformHandleRecognizer().analyze(Canonical(text), Context()) == []
    assert handles(text) == []
