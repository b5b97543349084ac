"""Scores, similarities and contributions as the reader's language writes numbers (Babel): "0.97"
in English, "0,97" in Spanish. Two decimals everywhere a page shows a score, so a column lines up
and no page claims more precision than the calibration has."""

from __future__ import annotations

from babel.numbers import format_decimal
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

PLACES = "0.00"


def decimal(value: float | None, lang: str) -> str:
    """ "0.97" / "0,97"; "-" when there is no number."""
    return "-" if value is None else format_decimal(value, format=PLACES, locale=lang)


def signed(value: float, lang: str) -> str:
    """A contribution with its sign always shown: "+4.78" / "+4,78", "-0.31" / "-0,31"."""
    return format_decimal(value, format=f"+{PLACES};-{PLACES}", locale=lang)


def install(env: Environment) -> None:
    """`|dec` and `|signed`, in the page's language."""

    @pass_context
    def dec_filter(context: Context, value: float | None) -> str:
        return decimal(value, context.get("lang", "en"))

    @pass_context
    def signed_filter(context: Context, value: float) -> str:
        return signed(value, context.get("lang", "en"))

    env.filters.update(dec=dec_filter, signed=signed_filter)
