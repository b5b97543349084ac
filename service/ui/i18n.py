"""Spanish and English strings of the workspace; the browser's language unless the person chose.

One flat catalogue per language (`messages/<lang>.json`); a missing key falls back to English and
then to the key itself, and a test checks both catalogues have the same keys.
"""

from __future__ import annotations

import json
from pathlib import Path

from starlette.requests import Request

from models.indicators import load_taxonomy

LANGS = ("es", "en")
LANG_COOKIE = "baliza_lang"

MESSAGES = Path(__file__).with_name("messages")
CATALOGUE: dict[str, dict[str, str]] = {
    lang: json.loads((MESSAGES / f"{lang}.json").read_text(encoding="utf-8")) for lang in LANGS
}


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


def translator(lang: str):  # type: ignore[no-untyped-def]
    table = CATALOGUE.get(lang, CATALOGUE["en"])

    def t(key: str, **values: object) -> str:
        text = table.get(key) or CATALOGUE["en"].get(key) or key
        return text.format(**values) if values else text

    return t


def reason_labeller(lang: str):  # type: ignore[no-untyped-def]
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
