"""Base class of the protective-wording recognizers: the indicator recognizers' machinery, reused.

A protective recognizer is a :class:`~models.indicators.recognizers.base.PatternRecognizer`: one
small class per type, Spanish and English patterns on normalised text compiled once at import,
prefix dispatch, and ``NEGATIONS`` that cancel a match in its own sentence. What a negation means is
turned around: here it is what makes a stated protection *not* one ("we cannot guarantee a contract",
"the fee is not refundable", "contract only after the trial period"), because fair-recruitment
wording and its conditional or refused twin share most of their words.

``CLAUSE`` and ``CLAUSE_GAP`` keep a span inside one clause: a comma ends it unless it sits inside a
number ("1,300", "1.350"), so two protections listed side by side stay two spans.
"""

from __future__ import annotations

from typing import ClassVar

from models.indicators.recognizers.base import PatternRecognizer

_CLAUSE_CHAR = r"(?:[^.!?\n;,]|[.,](?=\d))"
#: The rest of the clause after a match, when it ends within 50 characters (else nothing).
CLAUSE = rf"(?:{_CLAUSE_CHAR}{{0,50}}(?=[!?\n;]|[.,](?!\d)|$))?"
#: A short stretch that never leaves the clause (lazy).
CLAUSE_GAP = rf"{_CLAUSE_CHAR}{{0,50}}?"

#: Conditions and refusals that cancel any protection stated in the same sentence.
CONDITIONAL: tuple[str, ...] = (
    r"\b(?:cannot|can ?not|can'?t|could not|won'?t|will not|do not|don'?t|does not|doesn'?t|unable to)"
    r" (?:\w+ )?guarantee\b|\bnot guaranteed\b|\bno guarantee\b",
    r"\bno (?:\w+ )?(?:podemos|puede|pueden|se puede|se pueden) (?:\w+ )?garantizar\b"
    r"|\bno (?:se )?garantiz\w*"
    r"|\bsin garantia\b",
    r"\buntil\b|\bunless\b|\bonly (?:after|once|when)\b|\bif you (?:pass|complete|finish|stay)\b"
    r"|\bafter (?:the )?(?:trial|probation)",
    r"\bhasta (?:que|pasad[oa]|despues|el final|terminar|cumplir|completar|llegar|tu llegada|su llegada)\b"
    r"|\ba menos que\b|\bsalvo que\b|\b(?:solo|unicamente|solamente) (?:despues|tras|cuando)\b"
    r"|\bdespues del? (?:periodo de )?prueba\b|\bsi (?:pasas|superas|completas|cumples|terminas)\b",
)


class ProtectiveRecognizer(PatternRecognizer):
    """Find one type of protective wording; ``CODE`` is the type ("pay", "fees", ...)."""

    #: A condition may sit a clause away from the protection it cancels ("..., but only after ...").
    NEGATION_WINDOW: ClassVar[int] = 80
