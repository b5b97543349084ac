"""Dates in the reader's language (always UTC, and saying so), stored codes as words, counts in the
plural their language takes, and refusals worded in the reader's language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from baliza.errors import Conflict
from service.review.vocabulary import REASONS
from service.ui.dates import clock, when
from service.ui.errors import message
from service.ui.i18n import CATALOGUE, labeller, plural_translator, translator

AT = datetime(2026, 12, 3, 21, 6, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "shown"), [("es", "3 dic 2026, 21:06 UTC"), ("en", "Dec 3, 2026, 21:06 UTC")]
)
def test_a_moment_is_written_in_the_readers_language_in_utc(lang, shown):
    assert when(AT, lang) == shown
    assert when(AT.isoformat(), lang) == shown  # the views' ISO strings read the same
    assert when(AT.replace(tzinfo=None), lang) == shown  # a naive time is the database's UTC
    madrid = AT.astimezone(timezone(timedelta(hours=1)))
    assert when(madrid.isoformat(), lang) == shown  # another zone is shown as UTC
    assert clock(AT.isoformat(), lang) == "21:06"


def test_a_date_alone_stays_a_date_and_free_text_stays_as_written():
    assert when("2026-10-03", "es") == "3 oct 2026" and when("2026-10-03", "en") == "Oct 3, 2026"
    assert when("last Tuesday", "es") == "last Tuesday"  # a partner's own wording of a date
    assert when(None, "es") == "-" and when("", "en") == "-"


def test_every_reason_code_has_words_in_both_languages_and_unknown_codes_stay_as_stored():
    for lang in ("es", "en"):
        label = labeller(lang)
        for code in {c for codes in REASONS.values() for c in codes}:
            assert label("reason", code) not in (code, f"reason.{code}")
        assert label("reason", "made-up") == "made-up"
    assert labeller("es")("role", "analyst") == "analista" and labeller("en")("role", "analyst") == "analyst"


@pytest.mark.parametrize(
    ("key", "one", "many"),
    [
        ("audit.intact_n", "Cadena de hashes íntegra (1 fila).", "Cadena de hashes íntegra (2 filas)."),
        ("research.settled_n", "1 elemento resuelto", "2 elementos resueltos"),
    ],
)
def test_counts_with_a_noun_take_their_plural(key, one, many):
    tn = plural_translator("es")
    assert tn(key, 1).startswith(one) and tn(key, 2).startswith(many)


def test_a_refusal_is_the_domains_sentence_in_english_and_a_spanish_sentence_in_spanish():
    key = message(Conflict("item 7 is claimed by another reviewer"))
    assert translator("en")(key) == "item 7 is claimed by another reviewer"
    assert translator("es")(key) == CATALOGUE["es"]["refusal.conflict"]
    assert "claimed" not in translator("es")(key)


def test_numbers_are_written_as_the_readers_language_writes_them():
    from service.ui.numbers import decimal, signed

    assert (decimal(0.974, "en"), decimal(0.974, "es"), decimal(None, "es")) == ("0.97", "0,97", "-")
    assert (signed(4.781, "es"), signed(-0.31, "en"), signed(0.0, "en")) == ("+4,78", "-0.31", "+0.00")
