"""TRAVEL_DEDUCTED: tickets, visa or lodging "paid" up front and taken back out of the wages."""

from __future__ import annotations

from models.indicators.recognizers._lexicon import GAP
from models.indicators.recognizers.base import PatternRecognizer

_TRAVEL_ES = (
    r"pasajes?|boletos?|tiquetes?|tickets?|vuelos?|viaj\w*|billetes?(?: de avion)?|visas?|visados?|traslados?"
    r"|tramites? (?:de )?(?:viaje|visa|pasaporte)"
)
_DEDUCT_ES = (
    r"(?:se |te |le |les |lo |los |la |las )*(?:descuenta[ns]?|descuente[ns]?|descontamos|descontaremos"
    r"|descontas|descontar(?:a|an|emos)?|descontad[oa]s?|deduce[ns]?|deducid[oa]s?)\b|(?:lo |los |la "
    r"|las )?(?:devuelves|devolves|devolveras|reembolsas|repones|pagas|pagaras|abonas|cubres|cubris"
    r"|vas pagando|vas abonando|vas devolviendo|vas descontando)(?: (?:alla|aqui|alli"
    r"|alla mismo))? (?:despues|luego|mas adelante|cada (?:semana|mes|quincena)|en cuotas|semanalmente"
    r"|mensualmente|con (?:tu |el |su |los |tus )?(?:trabajo|sueldos?|salarios?|primer\w*))|(?:lo |los |la "
    r"|las )?vas (?:pagando|abonando|devolviendo)\b|se (?:paga|pagan|pagara|devuelve|devuelven|cubre"
    r"|cubren) (?:con|de|desde|del) (?:los |el |tu |su |tus )?(?:primer\w*|sueldos?|salarios?|trabajo|pagos?"
    r"|ganancias|lo que)|(?:queda|quedan) como (?:deuda|prestamo)|a cuenta del? (?:tu |su )?(?:sueldo|salario"
    r"|pago|primer)|descuentos? (?:del?|en (?:el|tu|su)) (?:sueldo|salario|pago|nomina|primer)|(?:a cuenta"
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
        rf"\b(?:{_TRAVEL_ES})\b(?: [\w$.,()]+){{0,8}}? (?:se )?(?:paga|pagan|pagas|pagás|repone|reponen"
        rf"|devuelve|devuelven|cubre|cubren|descuenta|descuentan|rebaja|rebajan)\b(?: \w+){{0,3}}? (?:con"
        rf"|trabajando|de la|de las|del|de los|con tu|con el) (?:\w+ )?(?:trabajo|quincenas?|sueldos?"
        rf"|salarios?|contratos?|pagos?|primer\w*)\b",
        rf"\b(?:te|le|les) (?:lo |la |los )?(?:adelanta|adelantan|paga|pagan|pagamos|presta"
        rf"|prestan)\w* (?:el |la |los |tu |su )?(?:{_TRAVEL_ES})\b(?: [\w,$.]+){{0,8}}? (?:descont\w*"
        rf"|descuent\w*|rebaj\w*|devolv\w*|pag\w*)",
        rf"\b(?:{_TRAVEL_ES}|camion|bus|raite|transporte|lancha)\b(?: [\w$.,&()]+){{0,10}}? (?:se |te |lo "
        rf"|los |la |las |me |le |les )*(?:va |van |vas |vamos )?(?:descont\w*|descuent\w*|rebaj\w*|quit\w*"
        rf"|cobr\w*|devuelv\w*|devolv\w*|repon\w*|reintegr\w*|recuper\w*|pagan (?:despues|trabajando|con)"
        rf"|paga (?:despues|trabajando|con)|pagas (?:despues|trabajando|con)|pagando)\b",
    )
    PATTERNS_EN = (
        rf"\b(?:{_TRAVEL_EN})\b{GAP}\b(?:{_DEDUCT_EN})",
        rf"\b(?:repay|pay back|deduct|reimburse us for)\b{GAP}\b(?:{_TRAVEL_EN})\b",
        rf"\b(?:we|employer|agency|company) (?:will )?(?:advance|front|lend|loan)s? (?:you )?(?:the "
        rf"|your )?(?:{_TRAVEL_EN})\b",
        rf"\b(?:{_TRAVEL_EN}) (?:advanced|fronted|on credit|loan)\b",
        rf"\b(?:{_TRAVEL_EN}|plane fare|airfare|bus ticket)\b(?: [\w$£₦,&()/]+){{0,10}}? (?:kaltas|ibabawas"
        rf"|itakatwa|recovered|repaid|deducted|comes? out|come out|pay (?:him |her |them |us |am )?back"
        rf"|work (?:it |am |di ticket )?off|take it from|remove am|adjusted|settle up|settled|recover)\b",
    )
    NEGATIONS = (
        r"\b(?:no|nunca|jamas) (?:se |te |le |lo |los |la |las )*(?:descuent|descont|deduc|cobra)\w*",
        r"\bsin (?:ningun |ninguna )?(?:descuentos?|deducci\w*|devolver|devolucion|deudas?|costo|cargo)\b",
        r"\bno (?:tienes|tiene|hay) que (?:devolver|pagar|reembolsar)\w*",
        r"\b(?:not|never|won'?t be|isn'?t|aren'?t) (?:be )?(?:deducted|recovered|repaid|taken)",
        r"\b(?:no|without|never any) (?:wage )?deductions?\b|\bnothing (?:is |will be |gets )?(?:deducted"
        r"|taken)\b|\bnada se descuenta\b|\bno se (?:te )?descuenta nada\b",
        r"\b(?:don'?t|do not|never|won'?t|will not|no need to) (?:have to )?(?:repay|pay (?:it |us "
        r"|them )?back|reimburse)",
    )
