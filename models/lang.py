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


def detect_langs(texts: list[str]) -> list[str]:
    """`detect_lang` for many texts, in one parallel batch (Lingua's Rust core), not one by one."""
    if not texts:
        return []
    found = _detector().detect_languages_in_parallel_of([text.lower() for text in texts])
    return [
        language.iso_code_639_1.name.lower() if language and any(ch.isalpha() for ch in text) else "und"
        for text, language in zip(texts, found, strict=True)
    ]


def fill_langs(records: list[dict]) -> None:
    """Set `lang` in place where it is missing or empty; a given `lang` is trusted."""
    todo = [r for r in records if not r.get("lang")]
    for record, lang in zip(todo, detect_langs([r["text"] for r in todo]), strict=True):
        record["lang"] = lang
