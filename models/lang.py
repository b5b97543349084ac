"""Language of texts that arrive without `lang`, with Lingua (accurate on short, noisy text).

The detector is restricted to the languages the project meets (Spanish and English first, and
their neighbours in the source regions), which makes it faster and avoids exotic guesses on
short ads; anything it cannot place is reported as "und".
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


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_LANGUAGES).with_preloaded_language_models().build()


def detect_lang(text: str) -> str:
    """ISO 639-1 code of the dominant language, or "und" when there is nothing to go on."""
    if not any(ch.isalpha() for ch in text):
        return "und"
    language = _detector().detect_language_of(text.lower())
    return language.iso_code_639_1.name.lower() if language else "und"


def fill_langs(records: list[dict]) -> None:
    """Set `lang` in place where it is missing or empty; a given `lang` is trusted.

    Missing languages are detected in one parallel batch (Lingua's Rust core), not one by one.
    """
    todo = [r for r in records if not r.get("lang")]
    if not todo:
        return
    found = _detector().detect_languages_in_parallel_of([r["text"].lower() for r in todo])
    for record, language in zip(todo, found, strict=True):
        has_letters = any(ch.isalpha() for ch in record["text"])
        record["lang"] = language.iso_code_639_1.name.lower() if language and has_letters else "und"
