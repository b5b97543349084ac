"""TRAVEL_DEDUCTED: tickets, visa or lodging "paid" up front and taken back out of the wages."""

from __future__ import annotations

from models.indicators.recognizers._lexicon import GAP
from models.indicators.recognizers.base import PatternRecognizer

_TRAVEL_ES = (
    r"pasajes?|boletos?|tiquetes?|tickets?|vuelos?|viaj\w*|billetes?(?: de avion)?|visas?|visados?"
    r"|traslados?|tramites? (?:de )?(?:viaje|visa|pasaporte)"
)
_DEDUCT_ES = (
    r"(?:se |te |le |les |lo |los |la |las )*(?:descuenta[ns]?|descuente[ns]?|descontamos|descontaremos"
    r"|descontas"
    r"|descontar(?:a|an|emos)?|descontad[oa]s?|deduce[ns]?|deducid[oa]s?)\b|(?:lo |los |la "
    r"|las )?(?:devuelves|devolves|devolveras|reembolsas|repones|pagas|pagaras|abonas|cubres|cubris"
    r"|vas pagando|vas abonando"
    r"|vas devolviendo|vas descontando)(?: (?:alla|aqui|alli|alla mismo))? (?:despues|luego|mas adelante"
    r"|cada (?:semana|mes|quincena)|en cuotas|semanalmente|mensualmente|con (?:tu |el |su |los "
    r"|tus )?(?:trabajo|sueldos?|salarios?|primer\w*))|(?:lo |los |la |las )?vas (?:pagando|abonando"
    r"|devolviendo)\b|se (?:paga|pagan|pagara|devuelve|devuelven|cubre|cubren) (?:con|de|desde|del) (?:los "
    r"|el |tu |su |tus )?(?:primer\w*|sueldos?|salarios?|trabajo|pagos?|ganancias|lo que)|(?:queda"
    r"|quedan) como (?:deuda|prestamo)|a cuenta del? (?:tu |su )?(?:sueldo|salario|pago|primer)"
    r"|descuentos? (?:del?|en (?:el|tu|su)) (?:sueldo|salario|pago|nomina|primer)|(?:a cuenta"
    r"|a descontar) de (?:tu |su )?(?:sueldo|salario|pago|primer)"
)
_TRAVEL_EN = (
    r"flights?|(?:air|bus|train) ?fares?|fares?|(?:plane |air |return )?tickets?|travel(?: costs?"
    r"| expenses?)?|visas?(?: costs?)?|transport(?:ation)?|relocation(?: costs?)?"
)
_DEDUCT_EN = (
    r"deducted|deduct(?:ion|ions|s|ing)?\b|repa(?:y|id|yment)|pay (?:(?:it|us|them|this|that|the \w+) )?back"
    r"|(?:becomes?|become|is|are|as) (?:a )?(?:loan|debt)|clear (?:it )?from|paid back|(?:taken|comes?|come"
    r"|recovered) (?:out of|from) (?:your )?(?:first )?(?:wages?|salary|pay|earnings)"
)


class TravelDeductedRecognizer(PatternRecognizer):
    CODE = "TRAVEL_DEDUCTED"
    PATTERNS_ES = (
        rf"\b(?:{_TRAVEL_ES})\b{GAP}\b(?:{_DEDUCT_ES})",
        rf"\b(?:{_DEDUCT_ES}){GAP}\b(?:{_TRAVEL_ES})\b",
        rf"\b(?:te |le |les )?(?:adelantamos|prestamos|financiamos|anticipamos|fiamos) (?:el |los |la |tu "
        rf"|su |sus |tus )?(?:{_TRAVEL_ES})\b",
        rf"\b(?:{_TRAVEL_ES}) (?:adelantad|prestad|financiad|fiad)[oa]s?\b",
        rf"\b(?:{_TRAVEL_ES}) a credito\b",
        rf"\bhasta (?:que )?(?:se )?(?:pague|paguen|pagues|cubra|cubras|devuelva|devuelvas|salde"
        rf"|saldes) (?:el |los |la |tu |su )?(?:{_TRAVEL_ES})\b",
    )
    PATTERNS_EN = (
        rf"\b(?:{_TRAVEL_EN})\b{GAP}\b(?:{_DEDUCT_EN})",
        rf"\b(?:repay|pay back|deduct|reimburse us for)\b{GAP}\b(?:{_TRAVEL_EN})\b",
        rf"\b(?:we|employer|agency|company) (?:will )?(?:advance|front|lend|loan)s? (?:you )?(?:the "
        rf"|your )?(?:{_TRAVEL_EN})\b",
        rf"\b(?:{_TRAVEL_EN}) (?:advanced|fronted|on credit|loan)\b",
    )
    NEGATIONS = (
        r"\b(?:no|nunca|jamas) (?:se |te |le |lo |los |la |las )*(?:descuent|descont|deduc|cobra)\w*",
        r"\bsin (?:ningun )?(?:descuentos?|deducci\w*|devolver|devolucion)\b",
        r"\bno (?:tienes|tiene|hay) que (?:devolver|pagar|reembolsar)\w*",
        r"\b(?:not|never|won'?t be|isn'?t|aren'?t) (?:be )?(?:deducted|recovered|repaid|taken)",
        r"\b(?:no|without|never any) (?:wage )?deductions?\b|\bnothing (?:is |will be |gets )?(?:deducted"
        r"|taken)\b|\bnada se descuenta\b|\bno se (?:te )?descuenta nada\b",
        r"\b(?:don'?t|do not|never|won'?t|will not|no need to) (?:have to )?(?:repay|pay (?:it |us "
        r"|them )?back|reimburse)",
    )
