"""Language of texts that arrive without `lang`, with Lingua (accurate on short, noisy text).

The detector is restricted to the languages the project meets (Spanish and English first, and
their neighbours in the source regions), which makes it faster and avoids exotic guesses on
short ads; anything it cannot place is reported as "und".

Lingua's core keeps Python's interpreter lock for the whole of a call, so one call on a partner's
batch of 256 texts of 20,000 characters held every other thread of the service — analysts' requests
included — for over a second at a time. So a text is judged on its first `LANG_CHARS` characters
(longer than any ad in the project's data, real or synthetic: no result changes on them) and texts
go to Lingua in calls of at most `CALL_CHARS` characters, between which other threads run.
"""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

_LANGUAGES = (
    Language.SPANISH,
    Language.ENGLISH,
    Language.PORTUGUESE,
    Language.FRENCH,
    Language.GERMAN,
    Language.ITALIAN,
)
LANG_CHARS = 8_000
CALL_CHARS = 16_000


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_LANGUAGES).with_preloaded_language_models().build()


def detect_lang(text: str) -> str:
    """ISO 639-1 code of the dominant language, or "und" when there is nothing to go on."""
    return detect_langs([text])[0]


def detect_langs(texts: list[str]) -> list[str]:
    """`detect_lang` for many texts, in parallel batches (Lingua's Rust core), not one by one."""
    found = [
        language for call in _calls(texts) for language in _detector().detect_languages_in_parallel_of(call)
    ]
    return [
        language.iso_code_639_1.name.lower() if language and any(ch.isalpha() for ch in text) else "und"
        for text, language in zip(texts, found, strict=True)
    ]


def _calls(texts: list[str]) -> list[list[str]]:
    """The texts (lower-cased, cut to LANG_CHARS) in order, grouped into calls of <= CALL_CHARS."""
    calls: list[list[str]] = []
    size = CALL_CHARS
    for text in texts:
        cut = text[:LANG_CHARS].lower()
        if size + len(cut) > CALL_CHARS:
            calls.append([])
            size = 0
        calls[-1].append(cut)
        size += len(cut)
    return calls


def fill_langs(records: list[dict]) -> None:
    """Set `lang` in place where it is missing or empty; a given `lang` is trusted."""
    todo = [r for r in records if not r.get("lang")]
    for record, lang in zip(todo, detect_langs([r["text"] for r in todo]), strict=True):
        record["lang"] = lang
