"""The page's language (the browser's unless the person chose) and the page-side helpers over the
catalogues of `service.catalogue`: reason and code labels, and each indicator's texts in the
reader's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request

from models.indicators import load_taxonomy
from service.catalogue import (
    CATALOGUE,
    LANGS,
    SENTENCE_MARK,
    plural_translator,
    translator,
)

__all__ = [
    "CATALOGUE",
    "LANGS",
    "LANG_COOKIE",
    "SENTENCE_MARK",
    "IndicatorText",
    "indicator_texts",
    "labeller",
    "pick_lang",
    "plural_translator",
    "reason_labeller",
    "translator",
]

LANG_COOKIE = "baliza_lang"


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


@dataclass(frozen=True)
class IndicatorText:
    """An indicator as a reader of one language sees it; a code the taxonomy does not know (an old
    stored report) is shown as its code, with no definition rather than a wrong one."""

    code: str
    name: str
    definition: str = ""
    ilo: str = ""
    severity: str | None = None


def indicator_texts(lang: str) -> Callable[[str], IndicatorText]:
    """`ind(code)`: the indicator's name, definition, ILO indicator and severity in `lang`."""
    taxonomy = load_taxonomy()

    def ind(code: str) -> IndicatorText:
        known = taxonomy.get(code)
        if known is None:
            return IndicatorText(code=code, name=code)
        return IndicatorText(
            code=code,
            name=known.name_in(lang),
            definition=known.definition_in(lang),
            ilo=known.ilo_in(lang),
            severity=known.severity,
        )

    return ind


def reason_labeller(lang: str) -> Callable[[str], str]:
    """A flag reason ("model", "indicator:CODE") as words in the page's language."""
    t = translator(lang)
    taxonomy = load_taxonomy()

    def label(reason: str) -> str:
        code = reason.removeprefix("indicator:")
        if reason == "model" or code not in taxonomy:
            return t("flag.reason.model") if reason == "model" else reason
        return t("flag.reason.indicator", name=taxonomy[code].name_in(lang))

    return label


def labeller(lang: str) -> Callable[[str, object], str]:
    """`label(group, code)`: a stored code (a reason slug, an audit action, a role) as words, by the
    key `<group>.<code>`; a code with no key is shown as stored rather than as a missing key."""
    t = translator(lang)

    def label(group: str, code: object) -> str:
        key = f"{group}.{code}"
        return t(key) if key in CATALOGUE["en"] else str(code)

    return label
