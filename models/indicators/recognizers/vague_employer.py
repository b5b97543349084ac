"""VAGUE_EMPLOYER: "serious company", "important firm", "private client" instead of a name."""

from __future__ import annotations

from models.indicators.recognizers.base import PatternRecognizer

_FIRM_ES = r"empresa|compania|firma|agencia|organizacion|cadena|grupo empresarial|corporacion|marca"
_FIRM_EN = r"company|firm|employer|agency|organi[sz]ation|client|brand|hotel|group|corporation"
#: "private client advisor" is a banking job title, not a hidden employer.
_NOT_TITLE = (
    r"(?! (?:advis|manag|servic|bank|team|relationship|wealth|group|division|department|practice|lawyer"
    r"|solicitor|partner|associate|director|executive|assistant|officer|account))"
)


class VagueEmployerRecognizer(PatternRecognizer):
    CODE = "VAGUE_EMPLOYER"
    PATTERNS_ES = (
        rf"\b(?:{_FIRM_ES}) (?:muy )?(?:seria|reconocida|importante|prestigiosa|de prestigio|solida|confiable"
        rf"|establecida|de renombre)\b",
        rf"\b(?:importante|reconocida|prestigiosa|seria|solida|conocida|prestigiada) (?:{_FIRM_ES})\b",
        r"\bclientes? (?:privad[oa]s?|particular(?:es)?|confidencial(?:es)?|vip|exclusiv[oa]s?)\b",
        r"\b(?:empresa|empleador|cliente|empleadora) (?:confidencial|anonim[oa])\b",
        r"\bfamilias? (?:adinerad[oa]s?|acomodad[oa]s?|pudientes?|millonari[oa]s?|de alto nivel)\b",
        r"\b(?:familia|empresario|empresaria|senora|senor|cliente|patron)s? (?:muy )?(?:seri[oa]s?"
        r"|de confianza|confiables?|respetables?)\b",
        r"\bnombres? (?:de la empresa |del cliente )?(?:en la entrevista|en la charla|por privado|al viajar"
        r"|al llegar|reservado|se da\w*)\b|\bno (?:damos|revelamos|publicamos) el nombre\b",
        r"\b(?:las mejores|los mejores) (?:navieras|hoteles|empresas|clubes|restaurantes|cruceros|casas)\b",
        r"\b(?:navieras|empresas|companias|hoteles|agencias) internacionales (?:seleccionan|buscan|solicitan"
        r"|contratan|necesitan)\b",
    )
    PATTERNS_EN = (
        rf"\b(?:reputable|reputed|prestigious|well[- ]known|renowned|trusted|serious"
        rf"|respected) (?:{_FIRM_EN})\b",
        r"\b(?:confidential|anonymous|undisclosed|unnamed) (?:employer|company|client|firm|recruiter)\b",
        rf"\b(?:private|vip|high[- ]profile|wealthy|rich) (?:client|employer)s?\b{_NOT_TITLE}|\b(?:vip"
        rf"|high[- ]profile|wealthy|rich) (?:family|families|household)\b",
        r"\b(?:company|employer|client)(?:'s)? (?:name )?(?:will be |is )?(?:withheld|confidential"
        r"|disclosed (?:later|at interview|upon))\b",
        r"\bnames? (?:disclosed |given |revealed |shared )?(?:at|in|after|upon) (?:the )?(?:interview|private"
        r"|payment|orientation|arrival)\b|\b(?:private,? )?(?:trustworthy|respectable|serious) famil(?:y"
        r"|ies)\b",
        r"\b(?:the best|top|five-star|5-star) (?:hotels|care homes|companies|clubs|restaurants|cruise lines"
        r"|employers)\b(?! (?:in|of) (?:the )?(?:city|town|area|region|country))",
    )
