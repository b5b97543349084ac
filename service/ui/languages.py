"""Language codes as the reader's language names them (Babel's CLDR data): "es" reads "Spanish" on an
English page and "español" on a Spanish one. The code stays the data (filters, `lang` attributes,
the API); this is only how a page shows it."""

from __future__ import annotations

from babel import Locale
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

UNKNOWN = "?"


def language_name(code: str | None, reader: str) -> str:
    """The name of language `code` in language `reader` (the detector's "und" reads "Unknown
    language" / "lengua desconocida"); "?" when there is no code, and the code itself when CLDR has
    no name for it, so an odd value is shown rather than hidden."""
    if not code:
        return UNKNOWN
    return Locale.parse(reader).languages.get(code.lower()) or code


def install(env: Environment) -> None:
    """`|language`, in the page's language."""

    @pass_context
    def language_filter(context: Context, code: str | None) -> str:
        return language_name(code, context.get("lang", "en"))

    env.filters.update(language=language_filter)
