"""pay: wages paid to the worker's own account, on regular dates, at least at minimum wage or by agreement.

A plain amount ("sueldo base $9,600", "£11.50/hr") is not a protection, so the match needs the
account, the regularity ("cada 15 días", "paid on the 28th", "weekly pay"), the legal floor or the
collective agreement, or a guarantee. Wages held back ("al final del contrato", "withheld"), cash
without a payslip ("sin recibo") or a refusal to pay cancel the match in its sentence.
"""

from __future__ import annotations

from models.indicators.protective.base import CLAUSE, CLAUSE_GAP, CONDITIONAL, ProtectiveRecognizer

_PAY_ES = (
    r"pagos?|paga|pagan|pagamos|pagado|pagados|pagada|pagadas|se paga|se pagan|sueldos?|salarios?|nominas?"
    r"|remuneracion(?:es)?|honorarios|quincena|ingresos?|cobras|cobran|cobra usted|sdo|sldo|liquidad[oa]s?"
    r"|se liquida|se liquidan|liquidamos|abonad[oa]s?|se abona|se abonan|abonamos"
)
_OWN_ES = (
    r"(?:en|a) (?:tu|su) (?:propia )?(?:cuenta|tarjeta)(?: bancaria| de banco| sueldo| de ahorros| de nomina"
    r"| personal| de debito)?(?: a (?:tu|su) nombre)?"
    r"|(?:en|a) (?:una )?cuenta(?: bancaria| de banco| sueldo| de ahorros| de nomina)? (?:a (?:tu|su) nombre"
    r"|propia|personal)"
    r"|(?:en|a) (?:tu|su) (?:nequi|daviplata|yape|plin|mercado pago|billetera)"
    r"|(?:en|a) cuenta (?:sueldo|de nomina|bancaria)(?: a (?:tu|su) nombre)?"
    r"|(?:con|en|a) (?:una |la )?tarjeta(?: de nomina| bancaria| de debito)? a (?:tu|su) nombre"
    r"|por (?:banco|transferencia(?: bancaria)?|deposito bancario)|(?:mediante|con"
    r"|via) transferencia(?: bancaria)?"
    r"|por nomina(?: electronica)?|(?:en|a) (?:la )?cuenta (?:del|de la) (?:trabajador|trabajadora"
    r"|emplead[oa]"
    r"|colaborador|colaboradora|interesad[oa])"
)
_REGULAR_ES = (
    r"puntual(?:es|mente)?|sin falta|(?:cada|c/) ?(?:\d{1,2} dias|quince dias|semana|mes|quincena|catorcena"
    r"|viernes|sabado"
    r"|lunes"
    r"|fin de mes|\w+ de cada mes)|el (?:dia )?\d{1,2}(?: de cada mes)?|los dias \d{1,2}(?: y \d{1,2})?"
    r"|todos los (?:viernes|sabados|lunes|meses)|sin atrasos|sin retrasos|a tiempo|a fin de mes"
    r"|cada fin de mes"
    r"|al final de cada (?:mes|semana|quincena)|al (?:terminar|finalizar|acabar) cada (?:tour|salida|semana"
    r"|quincena|mes|turno|viaje|jornada|servicio|temporada)|mensualmente|quincenalmente|semanalmente"
)
_PAY_EN = r"pay|paid|salary|salaries|wages?|payments?|earnings|remuneration|stipend|allowance|income|pays"
_OWN_EN = (
    r"(?:in|into|to|on) (?:your|their|the worker'?s|the employee'?s) (?:own )?(?:bank )?(?:account|bank"
    r"|mobile money|momo|gcash|m-?pesa|e-?wallet|wallet)\b(?: in (?:your|their) (?:own )?name)?"
    r"|(?:into|in|to) (?:a|an|the) (?:bank )?account (?:in (?:your|their) (?:own )?name|of your choice)"
    r"|direct(?:ly)? (?:deposit|dep\b\.?|into (?:your|a) (?:own )?(?:bank )?account|to you\b|to the worker)"
    r"|(?:by|via|through) (?:bank transfer|direct deposit|bank deposit|payroll)"
    r"|on (?:momo|mobile money|gcash|m-?pesa) in your (?:own )?name"
    r"|(?:paid|credited|deposited|transferred|sent) (?:directly )?(?:in|into|to) (?:a |the |your )?bank"
    r"(?: account)?"
)
_REGULAR_EN = (
    r"on time|every (?:week|month|friday|saturday|monday|thursday|two weeks|fortnight|\d{1,2} days|fri"
    r"|sat|mon|thu|thurs|wk|month end|month-end)\b"
    r"|each (?:week|month|friday|saturday)|on the \d{1,2}(?:st|nd|rd|th)?(?: (?:of )?every month| of (?:each"
    r"|the|every) month)?|on (?:the )?(?:last|first) (?:working )?(?:day|friday) of (?:each|the|every) month"
    r"|without delay|never late|always on time"
)


class PayRecognizer(ProtectiveRecognizer):
    CODE = "pay"
    PATTERNS_ES = (
        # "Pagados el día 30 de cada mes en tu propia cuenta bancaria", "pago quincenal por banco".
        rf"\b(?:{_PAY_ES})\b{CLAUSE_GAP}(?:{_OWN_ES})\b",
        rf"\b(?:deposit|transfer|consign|abon|acredit)\w* (?:\w+ ){{0,3}}?(?:{_OWN_ES})\b",
        # "Pagan cada 15 días", "nómina el día 1", "pago semanal de 2,800 pesos puntual cada sábado".
        rf"\b(?:{_PAY_ES})\b{CLAUSE_GAP} (?:{_REGULAR_ES})\b",
        r"\b(?:pago|pagos|se paga|pagamos|pagan|paga|cobro|cobros|cobras|cobran) (?:semanal|quincenal|mensual"
        r"|catorcenal|semanalmente"
        r"|quincenalmente|mensualmente|cada semana|cada quincena|cada mes)\b(?: (?:y )?(?:puntual"
        r"|garantizad[oa]"
        r"|fij[oa]|segur[oa]))?",
        # "Sueldo de salario mínimo más prestaciones", "salario según convenio de limpieza".
        r"\b(?:salarios?|sueldos?|pagos?|remuneracion|paga|tarifa)(?: \w+){0,2}? (?:minimo|segun convenio"
        r"|s/ ?convenio|de convenio|por convenio|conforme (?:al |a )?convenio"
        r"|segun (?:el )?convenio colectivo"
        r"|segun (?:la )?tabla salarial)\b(?: (?:legal|vigente|de ley|colectivo|(?:de |del )?\w+))?(?: (?:mas"
        r"|\+|y) "
        r"prestaciones(?: de ley| sociales)?)?",
        r"\b(?:por encima del|no menos del|al menos el) (?:salario )?minimo\b",
        # "Te garantizan el mínimo del convenio", "nunca menos del mínimo de convenio por jornada".
        r"\b(?:el |al )?(?:salario |sueldo )?minimo (?:del|de|segun(?: el)?) convenio\b(?: (?:por|al"
        r"|a la) \w+)?"
        r"|\bgarantiz\w+ (?:el |un |al menos el )?(?:salario |sueldo |pago )?minimo\b" + CLAUSE,
        # "Pago por salida, entregado al terminar cada tour": paid as each stint ends, not at season end.
        r"\b(?:entregad|pagad|abonad|liquidad|depositad)[oa]s? (?:\w+ ){0,2}?al (?:terminar|finalizar|acabar"
        r"|cierre de) cada (?:tour|salida|semana|quincena|mes|turno|viaje|jornada|servicio|obra)\b",
        # "Los días 15 y 30 sin falta", "el día 5 de cada mes, puntualmente".
        r"\b(?:el dia|los dias) \d{1,2}(?: y (?:el )?\d{1,2})?(?: de cada mes)?,? (?:sin falta|puntualmente"
        r"|sin atrasos|sin retrasos|religiosamente)\b",
        r"\b(?:salario|sueldo|pago)s? (?:de ley|legal|minimo legal)\b",
        # "Pago mensual garantizado", "sueldo seguro cada mes".
        rf"\b(?:{_PAY_ES})(?: \w+){{0,2}}? (?:garantizad[oa]s?|segur[oa](?! (?:social|medico|de))"
        r"|asegurad[oa]s?)\b"
        rf"{CLAUSE}",
        rf"\b(?:{_PAY_ES})\b(?: \w+){{0,2}}? (?:integr[oa]|complet[oa]|sin descuentos|sin retenciones)\b",
        r"\b(?:igual|mismo) (?:salario|sueldo|pago) que\b",
        r"\b(?:con )?(?:recibos?|boletas?|colillas?|desprendibles?|comprobantes?) de (?:sueldo|pago"
        r"|nomina)\b",
    )
    PATTERNS_EN = (
        # "paid weekly into your own bank account", "Salary comes to your own bank account on the 1st".
        rf"\b(?:{_PAY_EN})\b{CLAUSE_GAP}(?:{_OWN_EN}){CLAUSE}",
        r"\b(?:direct deposit|direct dep\b\.?|bank transfer)(?: (?:only|every \w+|weekly|monthly))?",
        # "Paid every Friday", "paid on the 28th every month", "paid on time".
        rf"\b(?:{_PAY_EN})\b{CLAUSE_GAP} (?:{_REGULAR_EN})\b",
        r"\b(?:weekly|fortnightly|bi-?weekly|monthly|semi-?monthly) (?:pay|payment|payments|wages?|pay ?day"
        r"|pay ?days)\b|\bpaid (?:weekly|fortnightly|bi-?weekly|monthly|twice a month|every week"
        r"|every two weeks"
        r"|every month|every fortnight)\b",
        # "At least National Minimum Wage", "Minimum wages as per Tamil Nadu government notification".
        r"\b(?:at least |above |not below |never below |no less than )?(?:the )?(?:national |legal "
        r"|statutory "
        rf"|state |government |real )?(?:minimum|living) wages?\b(?: (?:as per|according to|under|set by|of)"
        rf"\b{CLAUSE})?",
        r"\b(?:the )?(?:official )?(?:aewr|prevailing wage|union|collective agreement|collective bargaining)"
        r"(?: \w+)? (?:rates?|wages?|pay)\b|\b(?:as per|according to|under) (?:the )?(?:collective|union) "
        r"agreement\b",
        # "Salary 1500 riyal guaranteed every month", "guaranteed monthly salary".
        rf"\b(?:{_PAY_EN})\b(?:[^.!?\n;,]|[.,](?=\d)){{0,25}}? guaranteed\b{CLAUSE}"
        r"|\bguaranteed (?:monthly |weekly |daily )?(?:pay|salary|wages?|income)\b",
        # "Wages paid in full" (a fee "must be paid in full" is no protection: a wage word leads).
        r"\b(?:salary|salaries|wages?|pay|earnings)(?: is| are| will be| always)?(?: paid)? in full\b"
        r"|\b(?:same|equal) (?:pay|wages?|salary) (?:as|for)\b",
        # "ABOVE THE MINIMUM FOR NCR", "never below the regional minimum".
        r"\b(?:above|over|not below|never below|no less than|at least) (?:the )?(?:legal |regional "
        r"|statutory "
        r"|government |provincial |state |national )?minimum\b(?! (?:age|experience|requirements?"
        r"|qualifications?|of \d|\d|order|hours?))(?: (?:for|in|of|set (?:for|by)) (?:the )?\w+)?",
        r"\b(?:itemi[sz]ed )?(?:pay ?slips?|payslips?|pay stubs?|wage slips?)\b",
    )
    NEGATIONS = (
        *CONDITIONAL,
        r"\bsin (?:recibo|nomina|contrato)\b|\ben mano\b|\bcash only\b|\bunpaid\b|\bnot paid\b"
        r"|\bno (?:se )?(?:paga|pagan|pagamos|pagara)\b|\bno (?:te |le |les )?pagamos\b|\bno (?:pay|salary"
        r"|wages?)\b|\b(?:we|they) (?:do not|don'?t|will not|won'?t) pay\b",
        r"\bwithheld\b|\bretenid[oa]s?\b|\bretenemos\b|\bal (?:terminar|finalizar|acabar) (?:el|la|tu|su)\b"
        r"|\bal final (?:del contrato|de la temporada"
        r"|de la campana"
        r"|del proyecto)|\bat the end of (?:the )?(?:contract|season|term|project)\b|\bheld back\b",
    )
