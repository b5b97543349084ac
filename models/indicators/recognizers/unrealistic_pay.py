"""UNREALISTIC_PAY: big or fast money promised for unskilled work, no experience needed.

A bare "$" means pesos in much of Latin America, so Spanish amounts count only in dollars or euros;
"sueldo $9.000, sin experiencia" is an ordinary entry-level ad in Mexico. A yearly figure
("21.000 euros brutos anuales") is a normal salary, not a monthly fortune.
"""

from __future__ import annotations

from models.indicators.recognizers._lexicon import BIGNUM, GAP, MONEY
from models.indicators.recognizers.base import PatternRecognizer

_YEARLY = (
    r"(?! ?(?:al ano|por ano|anuales|brutos|netos|a year|per year|per annum|pa\b|p\.a\.|/year|/yr|annual))"
)
_HARD_ES = (
    rf"(?:(?:usd|us\$|u\$s|€|eur) ?(?:{BIGNUM})|(?:{BIGNUM}) ?(?:usd|us\$|u\$s|dolares|dollars|euros|€|eur"
    rf"|dls|dlls)\b){_YEARLY}"
)
#: At least 3,000 US dollars: far above what the unskilled jobs quoted in dollars pay in Latin America.
_USD_3K = (
    rf"(?:(?:usd|us\$|u\$s) ?(?:[3-9][.,]?\d{{3}}|[1-9]\d[.,]?\d{{3}})|(?:[3-9][.,]?\d{{3}}"
    rf"|[1-9]\d[.,]?\d{{3}}) ?(?:usd|us\$|dolares|dls|dlls))(?!\d){_YEARLY}"
)
_WEEKLY_800 = (
    r"(?:\$|£|€|usd ?|us\$ ?|u\$s ?|s/\.? ?)?(?:[89]\d{2}|[1-9][.,]?\d{3})(?!\d) ?(?:usd|dolares|dollars"
    r"|euros|€|soles)?"
)
_EASY_ES = (
    r"sin (?:experiencia|estudios|requisitos)|no (?:se )?(?:requiere|necesita|pide)s? (?:\w+ )?experiencia"
    r"|no importa la experiencia|facil(?:mente)?|rapid[oa]|desde (?:tu )?casa|pocas horas"
)
_MONEY_EN = (
    rf"(?:(?:\$|£|€|usd ?|gbp ?|eur ?)(?:{BIGNUM})|(?:{BIGNUM}) ?(?:usd|dollars|pounds|euros|€|£)\b){_YEARLY}"
)
_EASY_EN = (
    r"no (?:prior )?(?:experience|qualifications|skills|degree)|without (?:any )?experience|experience (?:not"
    r"|isn'?t|doesn'?t) (?:required|needed|necessary|matter)|easy|from home|part[- ]time|few hours"
)


class UnrealisticPayRecognizer(PatternRecognizer):
    CODE = "UNREALISTIC_PAY"
    PATTERNS_ES = (
        r"\b(?:dinero|plata|lana|billete|pasta) (?:facil|rapido|extra rapido|seguro y rapido)\b",
        # Any currency: "gana hasta X sin experiencia" promises pay for nothing (hourly rates excepted).
        rf"\bgan\w{{0,4}} (?:hasta |mas de )?(?:{MONEY})(?![\d.,]*\d)(?! ?(?:la|por|per|an|a|/) ?(?:hora|hour"
        rf"|hr)){GAP}\b(?:{_EASY_ES})\b",
        r"\b(?:gana|ganar|ganaras|genera|generar) (?:dinero|plata|lana) (?:rapido|facil|facilmente"
        r"|desde casa)\b",
        r"\bganancias? (?:de |desde )?(?:hasta|rapidas|faciles|garantizadas|inmediatas|increibles"
        r"|ilimitadas)\b",
        rf"\b(?:gan\w{{0,4}}|ingresos?) (?:de )?(?:hasta|mas de|arriba de|por encima de) (?:{_HARD_ES}"
        rf"|\$ ?\d)",
        rf"\b(?:gan\w{{0,4}}|ingres\w*|sueldos?|salarios?|pagos?|cobr\w{{0,4}}|percib\w*|contratos?) (?:de "
        rf"|hasta |mas de |entre |desde )?(?:{_HARD_ES}){GAP}\b(?:{_EASY_ES})\b",
        rf"\b(?:{_EASY_ES})\b{GAP}\b(?:gan\w*|pag\w*|sueldos?|salarios?) (?:de |hasta |mas de "
        rf"|desde )?(?:{_HARD_ES})",
        rf"\b(?:gan\w{{0,4}}|ingresos?|ganancias?|contratos?|sueldos?|salarios?|pagamos|pagan) (?:de |hasta "
        rf"|desde |mas de )*{_USD_3K}",
        rf"\b(?:gan\w{{0,4}}|ganancias?(?: de)?|ingresos?(?: de)?|hasta) {_WEEKLY_800} (?:por|a la|al|x"
        rf"|cada) (?:semana|fin de semana|noche)\b",
        r"\ben un mes lo que\b|\bmuy por encima del mercado\b",
        rf"\b(?:en pocos meses|en un ano)\b{GAP}\b(?:comprar|compras|compraras)\b",
    )
    PATTERNS_EN = (
        r"\b(?:easy|quick|fast)(?: (?:easy|quick|fast))? (?:money|cash)\b|\bmake money fast\b|\bget rich\b",
        rf"\b(?:earn|make|earning|making) (?:up to |over )?(?:{MONEY})(?![\d.,]*\d)(?! ?(?:per|an|a"
        rf"|/) ?(?:hour|hr)){GAP}\b(?:{_EASY_EN})\b",
        rf"\b(?:earn|make|earning|making|take home|paid|pay|salary|income|contracts? worth) (?:up to |over "
        rf"|from |as much as |at least )?(?:{_MONEY_EN}){GAP}\b(?:{_EASY_EN})\b",
        r"\b(?:earn|make|making|earning) (?:up to|over|as much as) (?:\$|£|€|usd ?|gbp ?)\d",
        rf"\b(?:no experience|experience doesn'?t matter){GAP}\b(?:earn|make|pay|paid) (?:up to "
        rf"|over )?(?:{_MONEY_EN})",
        rf"\b(?:earn|make|making|earning) (?:up to |over |from )?(?:{_MONEY_EN})",
        r"\b(?:earn|make|making|earning) (?:up to |over |from )?(?:\$|£|€) ?(?:[2-9]\d{2}"
        r"|[1-9],?\d{3})(?: ?(?:-|to) ?(?:\$|£|€)? ?\d[\d,]*)? (?:extra )?(?:per|a|each|/) ?day\b",
        rf"\b(?:earn|make|making|earning|up to) {_WEEKLY_800} (?:a|per|each|/) ?(?:week|weekend|night)\b",
        r"\bin (?:one|a) month what\b|\bway above (?:the )?market\b",
        rf"\b(?:buy|afford) (?:a |your )?(?:own )?(?:house|home|car)\b{GAP}\b(?:months|no experience)\b",
    )
    NEGATIONS = (
        r"\b(?:not|isn'?t|no es|no somos|nothing)\b(?: \w+){0,2}? (?:get rich|easy|quick|fast|dinero"
        r"|plata)\b",
    )
