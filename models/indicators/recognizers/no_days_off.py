"""NO_DAYS_OFF: round-the-clock availability, seven-day weeks or shifts far beyond legal limits.

Twelve-hour shifts are legal in many places (security "12x36"), so only 14+ hours fire. Businesses
open "7 days a week" say so about themselves, and rotas "de lunes a domingo con los descansos de
ley" are ordinary retail and care work: those phrases are negations.
"""

from __future__ import annotations

from models.indicators.recognizers.base import PatternRecognizer

_LONG = r"(?:(?:1[0-3]|[89]) ?(?:a|-|to|y) ?)?(?:1[4-9]|2[0-4])"
_H_ES = r"(?:horas|hs|hrs|h)\b"
_H_EN = r"(?:[- ]?hours?|[- ]?hrs?|h)\b"
#: "jornada de 24 horas semanales" is a part-time week, not a 24-hour day.
_WEEKLY = (
    r" ?/? ?(?:semana|semanales|a la semana|por semana|x semana|al mes|mensuales|weekly|a week|per week)"
)
_ROUND_CLOCK = (
    r"24 ?(?:/|x) ?7|24 ?(?:horas|hs|hrs|h)\b(?: al dia)?|24 hours(?: a day)?|around the clock"
    r"|round the clock|(?:de )?dia y (?:de )?noche|day and night|night and day"
)
_BOSS_ES = r"(?:el|la) (?:patron[a]?|jef[ea]|encargad[oa]|empleador[a]?|senora|familia|duen[oa])"
_BOSS_EN = r"the (?:boss|employer|manager|owner|family|madam)"


class NoDaysOffRecognizer(PatternRecognizer):
    CODE = "NO_DAYS_OFF"
    PATTERNS_ES = (
        r"\bsin (?:dias? (?:libres?|de descanso|de salida|francos?)|descansos?|francos?|vacaciones ni (?:dias"
        r"|francos))\b",
        r"\bno (?:hay|tiene[ns]?|tendras|se dan) (?:dias? )?(?:francos?|libres|descansos?|dias libres"
        r"|dias de descanso)\b",
        rf"\b(?:disponib\w*|trabaj\w*|jornadas?|laborar|atender"
        rf"|estar) (?:\w+ ){{0,2}}?(?:{_ROUND_CLOCK})(?!{_WEEKLY})",
        r"\bde lunes a domingo\b|\bde lunes a lunes\b|\bde domingo a domingo\b|\b(?:7|siete) dias (?:a|de|por"
        r"|x) (?:la )?semana\b|\btodos los dias de la semana\b",
        r"\b(?:trabaj\w*|turnos?|jornadas?|laborar)\b[^.!?\n]{0,40}?\btodos los dias\b",
        rf"\b{_LONG} ?{_H_ES} (?:diarias|al dia|por dia|x dia|seguidas|corridas)",
        # "turno de 14 a 22 hs" is a clock time, not a 14-hour shift.
        rf"\b(?:jornadas?|turnos?)(?: de trabajo| laboral| parcial| completa)? (?:de )?(?:hasta )?(?:1[4-9]"
        rf"|2[0-4]) ?{_H_ES}(?!\.? ?(?:a|-|hasta) ?\d|{_WEEKLY})",
        rf"\bdescansos? (?:solo |solamente )?cuando {_BOSS_ES} (?:diga|decida|quiera)\b",
    )
    PATTERNS_EN = (
        r"\bno (?:days? (?:off|out)|rest days?|weekends? off|time off|breaks? or days off)\b",
        rf"\b(?:available|availability|on call|work(?:ing)?|be reachable) (?:\w+ ){{0,2}}?(?:{_ROUND_CLOCK})",
        r"\b(?:seven|7) days (?:a|per|/) ?week\b|\bmonday (?:to|through|thru|-) sunday\b"
        r"|\bevery day of the week\b",
        r"\b(?:staff|you|workers?|employees?|crew) (?:\w+ )?works? every day\b",
        rf"\b{_LONG}{_H_EN} (?:a day|per day|daily|shifts?|days?|workdays?)\b",
        rf"\b(?:shifts?|workdays?|days) of (?:up to )?{_LONG}{_H_EN}",
        rf"\b(?:rest|days? off|breaks?) (?:only )?(?:when|if) {_BOSS_EN} (?:says|decides|allows)\b"
        rf"|\bdays? off (?:is |are )?at {_BOSS_EN}'?s discretion\b",
    )
    NEGATION_WINDOW = 150
    NEGATION_IN_SENTENCE = False
    NEGATIONS = (
        r"(?<!sin )(?<!no )\b(?:\d|un|uno|una|dos|1|2) (?:dia|dias) (?:libres?|de descanso|francos?)\b",
        r"\bfrancos? (?:rotativos|semanal(?:es)?)\b|\bdescanso semanal\b|\bcon (?:francos?|dias? libres?)\b",
        r"(?<!no )\b(?:\d|one|two|1|2) days? off\b|\brotating days off\b|\bweekly (?:day off|rest)\b",
        # Rotas with the legal rest days are ordinary retail and care work.
        r"\bdescansos?(?: \w+){0,3} (?:ley|legales|convenio|cuadrante)\b|\bcon (?:los )?descansos\b"
        r"|\bcuadrante\b",
        r"\bturnos? rotativos?\b|\bse libra\w*|\blibranzas?\b|\bdias? de descanso\b|\bhoras (?:semanales"
        r"|a la semana)\b",
        r"\b(?:por|a|en|segun|de) turnos\b|\brotativ[oa]s?\b|\bjornada parcial\b|\bhours (?:a|per) week\b"
        r"|\brota\b",
        # A business open every day says nothing about a worker's week (ignored for "sin"/"no" matches).
        r"\babiert[oa]s?\b|\batendemos\b|\batencion\b|\bservicio a domicilio\b|\bopen\b|\bwe deliver\b"
        r"|\bdelivery\b",
    )

    def negated(self, text: str, start: int, end: int) -> bool:
        """An explicit "sin días libres" / "no days off" is never cancelled by nearby context."""
        if text.startswith(("sin ", "no "), start):
            return False
        return super().negated(text, start, end)
