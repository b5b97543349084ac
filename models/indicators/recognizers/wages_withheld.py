"""WAGES_WITHHELD: pay held back until the end of the season or contract, or paid to a middleman.

"Pago al final de cada mes" and end-of-season *bonuses* are ordinary; only the wage itself being
deferred to the end of the job (or to a middleman) fires.
"""

from __future__ import annotations

from models.indicators.recognizers._lexicon import GAP
from models.indicators.recognizers.base import PatternRecognizer

_PAY_ES = (
    r"pag\w*|cobr\w*|liquid\w*|sueldos?|salarios?|comisiones|lo ganado|ganancias|remuneracion|se entrega"
    r"|reparte"
)
_END_ES = r"temporada|contrato|cosecha|zafra|campana|viaje|trabajo|obra|proyecto|gira|marea|faena|estadia"
_EVENT_ES = (
    rf"(?:al (?:final|fin|termino|terminar|finalizar|acabar|completar|cumplir)|a fin(?:al)?"
    rf"|hasta (?:el )?(?:final|fin|terminar|finalizar)|cuando (?:termine|terminen|finalice|acabe"
    rf"|se termine)) (?:de(?:l)? )?(?:la |el |los |las |tu |su )?(?:\d+ meses de )?(?:{_END_ES})\b"
    rf"|\bal (?:regresar|volver|desembarcar|bajar del barco|salir del? (?:campamento|barco|finca|obra))\b"
    rf"|\bcuando (?:regreses|vuelvas|vaya\w* de vacaciones|te vayas|salgas)\b"
    rf"|\btodo junto al final(?: de(?:l)? (?:la |el )?(?:{_END_ES}))?\b"
)
_N = r"[2-9]|1[0-2]|dos|tres|cuatro|cinco|seis|nueve|doce|varios|two|three|four|six|several"
_MIDDLEMAN_ES = (
    r"agencia|agente|reclutador|intermediario|enganchador|contratista|encargado|coyote|jefe de cuadrilla"
)
_PAY_EN = r"wages?|salary|salaries|pay|pays|paid|payment|earnings|commissions?|settle\w*|settlement"
_END_EN = r"season|contract|harvest|term|placement|assignment|project|tour|job|trip|voyage|stay"
_EVENT_EN = (
    rf"(?:at|upon|on|after|until) (?:the )?(?:end|completion|finish) of (?:the "
    rf"|your )?(?:\d+-month )?(?:{_END_EN})\b|\bwhen (?:the |your )?(?:\d+-month )?(?:{_END_EN}) (?:ends"
    rf"|is over|finishes|is finished|is done)\b|\bwhen you (?:return|come back|come ashore|go home|leave)\b"
    rf"|\b(?:at|on|upon) (?:your )?return\b|\ball at once\b|\bin (?:one|a) lump sum\b"
)
_MIDDLEMAN_EN = r"agent|agency|recruiter|broker|sponsor|middleman|contractor|boss|manager|crew leader"


class WagesWithheldRecognizer(PatternRecognizer):
    CODE = "WAGES_WITHHELD"
    PATTERNS_ES = (
        rf"\b(?:{_PAY_ES})\b{GAP}(?:{_EVENT_ES})",
        rf"\b(?:{_PAY_ES}) (?:[\w,]+ ){{0,4}}?(?:a|cada|despues de|luego de|a partir de|pasados|al cabo de"
        rf"|tras) (?:los |las )?(?:primeros )?(?:{_N}) (?:meses|temporadas)\b",
        r"\b(?:retenemos|retendremos|guardamos|guardaremos|ahorramos|se retiene|se guarda|se retendra"
        r"|te guardamos) (?:tu |el |su |la mitad del? |parte del? |un porcentaje del? |una parte del? "
        r"|el \d+ ?% del? )?(?:sueldo|salario|pago|dinero|ganancias)\b",
        r"\b(?:lo ganado|ganancias|sueldo|salario|dinero|pago) (?:se )?(?:guarda|retiene|junta|acumula"
        r"|ahorra)\w*\b",
        rf"\b(?:sueldos?|salarios?|pagos?) (?:\w+ ){{0,2}}?(?:se )?(?:deposita|entrega|paga|envia"
        rf"|transfiere)\w* (?:directamente )?(?:a|al) (?:la )?(?:{_MIDDLEMAN_ES})\b",
        rf"\b(?:sueldos?|salarios?|pagos?)\b{GAP}\b(?:lo |la |los )?(?:cobra|recibe) (?:el "
        rf"|la )?(?:{_MIDDLEMAN_ES})\b",
        rf"\b(?:el |la )?(?:{_MIDDLEMAN_ES}) (?:cobra|recibe|se queda con) (?:el |los |tu |su )?(?:sueldos?"
        rf"|salarios?|pagos?)",
        # Pay handed to someone else: parents, a foreman, the recruiter.
        r"\b(?:pago|paga|pagos|sueldo|salario|jornal|plata|platica|dinero|mensualidad"
        r"|ganancias)\b(?: [\w$.,]+){0,4}? (?:se |le |les )*(?:entrega|entregan|da|dan|paga|pagan|manda"
        r"|mandan|envia|envian|consigna|deposita|abona|pasa|recibe)\w*(?: [\w$.,]+){0,3}? (?:a|al) (?:la "
        r"|los |las |el |sus |su |tu )?(?:papa|papas|padres|mama|familia|tio|tia|abuela|capataz|contratista"
        r"|capitan|enganchador|agente|agencia|encargad[oa]|patron\w*|senora)\b",
        r"\b(?:a|al) (?:la |los |las |el |sus |su )?(?:papa|papas|padres|mama|familia|abuela) (?:se )?(?:le "
        r"|les )?(?:pagan|paga|pasa|pasan|manda|mandan|mandamos|mando|envia|envian|consigna|da|dan)\b",
        r"\b(?:le|les) (?:pagan|paga|pagamos|mandamos|mando|manda|mandan) (?:[\w$.,]+ ){0,4}?a (?:sus |su "
        r"|los |la )?(?:papas|padres|mama|familia|abuela)\b",
        r"\b(?:se |te |le |les |lo |la )?(?:se |te |le |les |lo |la )?(?:paga|pagan|pagamos|liquida|liquidan"
        r"|cobra|cobras|entrega|entregan|abona|da|dan|guarda|junta)\b(?: [\w$.,()]+){0,5}? (?:todo junto"
        r"|todo al final|completo al|entero al|en un solo pago|al final (?:de|del)|a fin de|al terminar"
        r"|al acabar|al regreso|al regresar|cuando termine|cuando acabe|al salir del?|en diciembre)\b",
    )
    PATTERNS_EN = (
        rf"\b(?:{_PAY_EN})\b{GAP}\b(?:{_EVENT_EN})",
        rf"\b(?:{_PAY_EN}) (?:[\w,]+ ){{0,4}}?(?:after|every"
        rf"|once every) (?:the )?(?:first )?(?:{_N})[- ]months?\b",
        rf"\b(?:wages?|salary|pay|payments?)(?: will be| is| are)? (?:paid|sent|given|transferred"
        rf"|deposited) (?:directly )?to (?:the |your )?(?:{_MIDDLEMAN_EN})\b",
        rf"\b(?:the )?(?:{_MIDDLEMAN_EN}) (?:collects|receives|gets|keeps|holds) (?:the |your |all )?(?:wages"
        rf"|salary|salaries|pay)\b",
        r"\b(?:we|employer|agency|company) (?:will )?(?:hold|keep|retain|withhold"
        r"|save)s? (?:back )?(?:part of |a portion of |some of |half of )?(?:your )?(?:wages?|salary|pay"
        r"|earnings)\b",
        r"\b(?:half|part|a portion|some|\d+ ?%) of (?:your |the )?(?:wages?|salary|pay|earnings) (?:is "
        r"|will be |are )?(?:held|kept|retained|withheld|saved)\b",
        r"\b(?:wages?|salary|earnings|pay) (?:accumulate|are saved|is saved|saved|kept back)\b",
        r"\bwithheld (?:wages|salary|pay)\b|\b(?:wages|salary|pay) (?:will be |is |are )?withheld\b",
        r"\b(?:salary|wages?|pay|payments?|money|share|earnings"
        r"|allowance)\b(?: [\w$₦₹£,.]+){0,4}? (?:will be |is |are |go |goes )?(?:sent|paid|given|handed"
        r"|deposited|remitted|go|reach|goes|settled)(?: \w+){0,3}? (?:to|through|into|kay|kwa) (?:the |your "
        r"|our |their |his |her )?(?:parents?|mother|mum|mama|family|agent|agency|account|office|crew leader"
        r"|broker|supervisor|mamasan|manager|oga)\b",
        r"\b(?:paid|settled|released|given|pay out|paid out)\w*(?: [\w$₦₹£,.]+){0,5}? (?:in one go"
        r"|in one check|in full|lump sum|at the end|after the (?:tour|season|contract|shoot)|when the season"
        r"|once a year|end of (?:the )?(?:year|season|contract|term|tour))\b",
        r"\blump sum\b|\bpocket money\b|\b(?:first|1st) (?:\w+ )?(?:months?|weeks?)'? ?(?:salary|pay"
        r"|wages) (?:\w+ ){0,3}?(?:kept|held|goes|go)\b|\b(?:without pay|unpaid)\b|\b(?:hold|holds|keep"
        r"|keeps) (?:\w+ ){0,2}?(?:your )?(?:wages|salary|pay|earnings)\b",
    )
    NEGATIONS = (
        r"\b(?:bono|bonos|bonus|bonuses|prima|aguinaldo|gratificacion|incentivos?|finiquito"
        r"|vacaciones pagadas)\b",
        r"\b(?:aumento|raise|increase|revision|review|periodo de prueba|probation|contrato indefinido"
        r"|permanent)\b",
        r"\b(?:pago|paid|pay) (?:semanal|quincenal|mensual|weekly|biweekly|monthly|fortnightly)\b"
        r"|\bcada (?:semana|quincena)\b|\bevery (?:week|two weeks|fortnight)\b",
    )
