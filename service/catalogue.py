"""The gettext catalogues of the service's words, Spanish and English, for every layer that writes
for people: the workspace's pages (`service.ui.i18n`) and the domain's prose (case-report summaries,
`service.review.summaries`).

The strings live in `locale/<lang>/LC_MESSAGES/messages.po` (edited with any gettext tool, e.g.
`pybabel` or Poedit) with **symbolic message ids** (`queue.title`), not English sentences as ids: a
caller asks for a stable key, so fixing an English wording does not orphan its Spanish translation,
and `en.po` is the English text like any other language. Plural forms come from each catalogue's
`Plural-Forms` header (`tn`). The `.po` files are compiled in memory on first use (Babel), so there
is no build step and no `.mo` file to forget. A missing key falls back to English and then to the
key itself; tests check both catalogues have the same keys. The catalogues sit below both the domain
and the pages so that the domain can write a report in either language without importing the UI.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LANGS = ("es", "en")
LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "messages"
REFUSAL_PREFIX = "refusal."
SENTENCE_MARK = "|"


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


@cache
def translations(lang: str) -> Translations:
    """The compiled catalogue of one language (read once per process; the files ship with the code)."""
    compiled = BytesIO()
    write_mo(compiled, _read(lang))
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def _singulars(lang: str) -> dict[str, str]:
    first = lambda value: str(value if isinstance(value, str) else value[0])  # noqa: E731 (plurals: the one form)
    return {first(m.id): first(m.string) for m in _read(lang) if m.id}


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every key's (singular) text per language: for labels and for scanning pages for left-over
    English. Read on first use, not at import: the domain imports this module, and every CLI command
    that opens the database imports the domain without writing a word."""
    return {lang: _singulars(lang) for lang in LANGS}


def __getattr__(name: str) -> dict[str, dict[str, str]]:
    if name == "CATALOGUE":
        return catalogue()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def translator(lang: str) -> Callable[..., str]:
    """`t(key, **values)`: the key's text in `lang` with `{name}` placeholders filled."""
    own, english = translations(lang if lang in LANGS else "en"), translations("en")

    def t(key: str, **values: object) -> str:
        if key.startswith(REFUSAL_PREFIX) and SENTENCE_MARK in key:  # a refusal carrying its sentence
            key, _, sentence = key.partition(SENTENCE_MARK)
            values = {"detail": sentence, **values}
        text = own.gettext(key)
        if text == key:
            text = english.gettext(key)
        return text.format(**values) if values else text

    return t


def plural_translator(lang: str) -> Callable[..., str]:
    """`tn(key, n, **values)`: the plural form of the key that `n` takes in `lang` (`{n}` is filled)."""
    own, english = translations(lang if lang in LANGS else "en"), translations("en")

    def tn(key: str, n: int, **values: object) -> str:
        text = own.ngettext(key, key, n)
        if text == key:
            text = english.ngettext(key, key, n)
        return text.format(n=n, **values)

    return tn
