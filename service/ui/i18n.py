"""Spanish and English strings of the workspace; the browser's language unless the person chose.

The strings live in gettext catalogues (`locale/<lang>/LC_MESSAGES/messages.po`, edited with any
gettext tool, e.g. `pybabel` or Poedit) with **symbolic message ids** (`queue.title`), not English
sentences as ids: a template asks for a stable key, so fixing an English wording does not orphan its
Spanish translation, and `en.po` is the English text like any other language. Plural forms come from
each catalogue's `Plural-Forms` header (`tn`). The `.po` files are compiled in memory at start
(Babel), so there is no build step and no `.mo` file to forget. A missing key falls back to English
and then to the key itself; tests check both catalogues have the same keys.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from starlette.requests import Request

from models.indicators import load_taxonomy

LANGS = ("es", "en")
LANG_COOKIE = "baliza_lang"
LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "messages"
REFUSAL_PREFIX = "refusal."
SENTENCE_MARK = "|"


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> Translations:
    """The compiled catalogue of one language (read once per process; the files ship with the code)."""
    with po_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def _singulars(lang: str) -> dict[str, str]:
    with po_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    first = lambda value: str(value if isinstance(value, str) else value[0])  # noqa: E731 (plurals: the one form)
    return {first(m.id): first(m.string) for m in catalog if m.id}


CATALOGUE: dict[str, dict[str, str]] = {lang: _singulars(lang) for lang in LANGS}
"""Every key's (singular) text per language: for tests and for scanning pages for left-over English."""


def pick_lang(request: Request) -> str:
    """The chosen language (cookie), else the first supported one in Accept-Language, else English."""
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in LANGS:
        return chosen
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return "en"


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


def reason_labeller(lang: str) -> Callable[[str], str]:
    """A flag reason ("model", "indicator:CODE") as words in the page's language."""
    t = translator(lang)
    taxonomy = load_taxonomy()

    def label(reason: str) -> str:
        code = reason.removeprefix("indicator:")
        if reason == "model" or code not in taxonomy:
            return t("flag.reason.model") if reason == "model" else reason
        indicator = taxonomy[code]
        return t("flag.reason.indicator", name=indicator.name_es if lang == "es" else indicator.name_en)

    return label


def labeller(lang: str) -> Callable[[str, object], str]:
    """`label(group, code)`: a stored code (a reason slug, an audit action, a role) as words, by the
    key `<group>.<code>`; a code with no key is shown as stored rather than as a missing key."""
    t = translator(lang)

    def label(group: str, code: object) -> str:
        key = f"{group}.{code}"
        return t(key) if key in CATALOGUE["en"] else str(code)

    return label
