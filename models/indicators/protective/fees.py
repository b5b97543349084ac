"""fees: nothing is charged to the worker — no recruitment fee, and the employer pays travel and visa.

The mirror of RECRUITMENT_FEE. A refusal to refund ("la cuota no es reembolsable"), a cost paid back
through wages ("te lo vamos descontando", "repay the sponsorship") or borne by the applicant ("corren
por cuenta del postulante") cancels the match in its sentence.
"""

from __future__ import annotations

from models.indicators.protective.base import CLAUSE, CONDITIONAL, ProtectiveRecognizer

_WHO_ES = (
    r"(?:ti|usted|vos|el trabajador|la trabajadora|los trabajadores|el candidato|la candidata|los candidatos"
    r"|el postulante|los postulantes|el aspirante|los aspirantes|el au pair|la au pair|el empleado"
    r"|la empleada)"
)
_PROCESS_ES = (
    r"inscripcion|registro|proceso(?: de seleccion)?|seleccion|postulacion|reclutamiento|contratacion"
    r"|capacitacion|formacion|casting|tramites?|visa|visado|entrevista|participacion|curso|colocacion"
)
_TRAVEL_ES = (
    r"pasajes?|boletos?(?: aereos?)?|vuelos?|tiquetes?|billetes?|viajes?|transporte|traslados?|visas?"
    r"|visados?"
    r"|tramites?|hospedaje|alojamiento|gastos(?: de \w+)?|costos?(?: de \w+)?|examen(?:es)? medicos?"
)
_PAYER_ES = (
    r"(?:la |el )?(?:empresa|empleador\w*|agencia|patron\w*|programa|contratante|finca|hotel|familia"
    r"|familia anfitriona)"
)
_WHO_EN = r"(?:the )?(?:candidates?|applicants?|workers?|you|employees?|staff|job ?seekers?|jobseekers?)"
_FEE_EN = r"(?:fees?|charges?|costs?|deposits?)"
_COST_EN = (
    r"visas?|medicals?|airfares?|air ?tickets?|flights?|tickets?|travel|transport(?:ation)?|recruitment"
    r"|processing|relocation|accommodation|hotel|lodging|housing|fees?|costs|expenses"
)
_PAYER_EN = r"(?:the )?(?:employer|company|agency|farm|hotel|sponsor|client|us|family|host family)"


class FeesRecognizer(ProtectiveRecognizer):
    CODE = "fees"
    PATTERNS_ES = (
        # "No cobramos nada por contratarte", "no se cobra nada", "nunca te cobraremos".
        rf"\b(?:no|nunca|jamas) (?:te |le |les |se |os )?(?:cobramos|cobra|cobran|cobrara|cobraran|cobraremos"
        rf"|cobrarte|cobrarle)\b{CLAUSE}",
        # "Sin costo alguno para el candidato", "¡Sin cobros de agencia!".
        r"\bsin (?:ningun |ninguna )?(?:costos?|costes?|cobros?|cargos?|comision(?:es)?|cuotas?)\b"
        r"(?: (?:alguno|ninguno|adicional|extra|oculto)s?)?(?: (?:de|por|para) (?:el |la |los |las )?\w+)?",
        # "La inscripción es gratuita para el au pair", "proceso 100% gratis".
        rf"\b(?:{_PROCESS_ES})\b(?: \w+){{0,2}}? (?:es |son |sera |seran )?(?:totalmente |completamente "
        rf"|100% |siempre )?(?:gratis|gratuit[oa]s?|sin costo)\b(?: para {_WHO_ES})?",
        # "El trabajador no paga ninguna cuota", "no tienes que pagar nada".
        r"\b(?:no|nunca) (?:\w+ )?(?:pagas|paga|pagan|pagara|pagaras|pagaran|tienes que pagar|tiene que pagar"
        r"|tienen que pagar|debes pagar|debe pagar|deben pagar|hay que pagar|se paga|se cobra|pides|piden"
        r"|pedimos|solicitamos|exigimos|solicita|pide|pediremos|pedira|pediran|solicitaremos) (?:nada"
        r"|ningun\w*|ni un \w+|un \w+ por|dinero|pagos?"
        r"|depositos?|anticipos?|adelantos?)\b(?: (?:de |por |para )?(?:el |la |los |las )?\w+(?: de \w+)?)?",
        r"\bno (?:hay|existe|existen|tiene|tienen) (?:ningun |ninguna )?(?:cobros?|costos?|cuotas?|pagos?"
        rf"|comision(?:es)?) (?:de|por|para) (?:la |el )?(?:{_PROCESS_ES}|agencia)\b",
        # "El empleador cubre el boleto aéreo de ida y vuelta", "la empresa paga tu visa".
        rf"\b{_PAYER_ES} (?:\w+ )?(?:paga|pagara|cubre|cubrira|asume|asumira|costea|financia|se hace cargo de"
        r"|corre con) (?:el |la |los |las |tu |su |tus |sus |todos los |todo el |100% (?:de )?(?:el "
        r"|los )?)?"
        rf"(?:{_TRAVEL_ES})\b{CLAUSE}",
        r"\bnosotros (?:te |les |le )?(?:pagamos|cubrimos|asumimos) (?:el |la |los |las |tu |su )?"
        rf"(?:{_TRAVEL_ES})\b",
        # "Pasaje y hospedaje por cuenta de la agencia", "vuelos pagados por la empresa".
        rf"\b(?:{_TRAVEL_ES})\b(?: \w+){{0,4}}? (?:(?:corren |van |estan )?(?:por cuenta|a cargo) (?:de|del) "
        rf"{_PAYER_ES}|(?:son |es |seran |sera |estan |esta )?(?:pagad|cubiert|asumid|costead|financiad"
        rf"|incluid)[oa]s? (?:por|en) {_PAYER_ES}|(?:lo|los|la|las) (?:paga|pagan|cubre|cubren|asume) "
        rf"{_PAYER_ES})\b",
        rf"\b(?:gratis|sin costo|gratuit[oa]s?|cero costo) para {_WHO_ES}\b",
        r"\bsin descuentos? (?:por|de|del) (?:el |la )?(?:pasaje|viaje|transporte|vuelo|alojamiento|boleto"
        r"|tiquete|uniforme|equipo)\b",
        r"\b(?:viajes?|pasajes?|vuelos?|boletos?|tiquetes?|billetes?)(?: \w+)? (?:pagad|cubiert)[oa]s?\b",
        r"\bsin deudas?\b|\bno (?:le |te )?(?:deberas|debera|debes|debe) nada\b",
        r"\b(?:cero|0) (?:costos?|cobros?|comision(?:es)?|cuotas?)\b|\bcosto cero\b",
        # "El proceso de contratación no tiene ningún costo", "la visa no te cuesta nada".
        rf"\b(?:{_PROCESS_ES}|{_TRAVEL_ES})\b(?: \w+){{0,3}}? no (?:tiene|tendra|genera|implica|conlleva"
        rf"|lleva)"
        r" (?:ningun |ninguna )?(?:costo|coste|cobro|cargo|pago|cuota|comision)(?:es|s)?\b(?: (?:alguno"
        r"|ninguno))?"
        rf"|\b(?:{_PROCESS_ES}|{_TRAVEL_ES})\b(?: \w+){{0,3}}? no (?:te |le |les )?(?:cuesta|cuestan|costara"
        r"|costaran) nada\b",
        # "El pasaje no te lo cobramos", "la visa no se la cobran al trabajador".
        rf"\b(?:{_PROCESS_ES}|{_TRAVEL_ES})\b(?: \w+){{0,3}}? no (?:te |le |les |se )?(?:lo |la |los |las )?"
        r"(?:cobramos|cobra|cobran|cobraremos|cobrara|cobraran|descontamos|descuenta|descuentan)\b",
        # "El camión es gratis", "el pasaje corre por nuestra cuenta".
        rf"\b(?:(?:el |la |los |las |tu |su )?(?:{_TRAVEL_ES}|camion|bus|autobus|micro"
        rf"|avion))\b(?: \w+){{0,3}}? "
        r"(?:es |son |sera |seran |va |van |corre |corren )?(?:totalmente |completamente |100% )?(?:gratis"
        r"|gratuit[oa]s?|sin costo|por nuestra cuenta|por cuenta nuestra|por cuenta de la casa)\b",
    )
    PATTERNS_EN = (
        # "No fees charged to you, ever", "no agent fees", "There is no registration or casting fee".
        rf"\bno (?:\w+ (?:or |and |& )?){{0,3}}?{_FEE_EN}\b(?: (?:of any kind|whatsoever|at all|charged"
        r"|to pay"
        rf"|for {_WHO_EN}|to {_WHO_EN}|ever)\b)*(?:,? ever\b)?",
        rf"\b(?:zero|nil|free) (?:placement |recruitment |agency |registration |processing |hidden )?"
        rf"(?:fees?|charges?|costs?)\b(?: (?:for|to) {_WHO_EN})?",
        rf"\b(?:free of charge|at no (?:cost|charge)(?: to {_WHO_EN})?|fee[- ]free|cost[- ]free)",
        # "We never charge candidates a fee of any kind", "we do not ask for money".
        r"\b(?:never|do not|don'?t|will not|won'?t|does not|doesn'?t) (?:take|accept|collect|request|demand)"
        r" (?:any )?(?:money|payments?|fees?|cash)\b(?: (?:from|of) (?:workers?|applicants?|candidates?"
        r"|you))?",
        r"\b(?:ningun|ninguna|cero) (?:cobros?|costos?|costes?|cargos?|pagos?|cuotas?|comision(?:es)?) (?:al"
        r"|para el|a la|para la|a los|para los|a|para) (?:trabajador|candidat|postulante|aspirante|emplead"
        r"|interesad)\w*",
        rf"\b(?:never|do not|don'?t|will not|won'?t|does not|doesn'?t) (?:ever )?(?:charge|ask (?:you |for )?"
        rf"(?:for )?(?:any )?(?:money|payment|fees?)|ask (?:you )?to pay)\b(?: {_WHO_EN})?(?: (?:a"
        r"|any) (?:fee|fees|money|charge)s?)?"
        r"(?: of any kind| for \w+(?: \w+)?)?",
        # "Workers pay no recruitment fees", "you pay nothing".
        rf"\b{_WHO_EN} (?:will )?(?:pay|do not pay|don'?t pay|never pay|won'?t pay|will not pay"
        r"|don'?t have to "
        r"pay|do not have to pay|need not pay) (?:no|nothing|zero|anything|any|a (?:single )?(?:penny|cent"
        r"|kobo"
        rf"|peso|rupee|naira|cedi))\b(?: (?:\w+ )?{_FEE_EN})?",
        r"\b(?:nothing|no money|no payment|no deposit|no fee) (?:to pay|required|needed|is required|is needed"
        r"|asked)\b(?: (?:upfront|up front|in advance|to (?:join|apply|start)))?",
        # "the employer pays visa, medical and airfare".
        rf"\b{_PAYER_EN}s? (?:pays?|covers?|will pay|will cover|bears?|meets?|takes care of)(?: for)? "
        rf"(?:all |the |your |full |return |any )?(?:{_COST_EN})\b(?:(?:,| and| &) (?:the "
        rf"|your )?\w+){{0,4}}",
        # "flights are fully sponsored", "visa fees and travel are reimbursed by the employer", "Ticket free".
        rf"\b(?:{_COST_EN})(?: (?:fees|costs|expenses))?(?: (?:and|&|,) (?:\w+ ){{0,2}}?\w+)? (?:are |is "
        rf"|will be )?(?:fully |all |100% )?(?:paid|covered|reimbursed|refunded|borne|met|sponsored|free)\b"
        rf"(?: (?:for )?by {_PAYER_EN})?",
        r"\bfree (?:flights?|air ?tickets?|airfares?|visas?|tickets?|travel|transport(?:ation)?|recruitment"
        r"|registration|training|medicals?)\b|\bno debts?\b|\byou (?:will )?owe (?:us )?nothing\b",
        r"\bno deductions? (?:for|from) (?:\w+ ){0,2}?(?:travel|flights?|tickets?|transport|accommodation"
        r"|wages"
        r"|pay|salary|visa|uniforms?)\b",
        r"\b(?:employer|company)[- ](?:paid|funded|sponsored) (?:visas?|flights?|travel|airfares?|tickets?"
        r"|recruitment|relocation)\b",
    )
    NEGATIONS = (
        *CONDITIONAL,
        r"\b(?:not|non|no es|no son|no) ?-?(?:refundable|reembolsables?)\b|\bno (?:se )?(?:devuelve|devuelven"
        r"|reembolsa|reembolsan)\b|\bnot (?:be )?(?:returned|refunded)\b|\bno refunds?\b",
        r"(?<!no )(?<!sin )\b(?:deduct\w*|descuent\w*|descontad\w*|descontable\w*)|\brepa(?:y|id|ying"
        r"|yment)\b"
        r"|\bpay (?:it |us |them )?back\b|\blo (?:van|vas|va) pagando\b|\bcon (?:su|tu) trabajo\b"
        r"|\btaken out of\b|\b(?:de|del) (?:tu|su) (?:sueldo|salario|pago)\b|\bfrom (?:your|their) (?:wages"
        r"|salary|pay)\b",
        r"\b(?:paid|borne|covered) by (?:the )?(?:workers?|applicants?|candidates?|you|yourself)\b"
        r"|\bpor cuenta (?:del?|de la) (?:postulante|trabajador\w*|candidat[oa]|aspirante|usted)\b",
        # "El transporte no lo cubre la empresa", "the company does not pay for return travel".
        r"\bno (?:lo |la |los |las |se )?(?:cubre|cubren|asume|asumen|costea|costean|financia|financian"
        r"|incluye|incluyen|cubrimos|incluimos)\b"
        r"|\b(?:company|employer|agency|we|they|farm|family|sponsor) (?:does|do|will) not (?:pay|cover|refund"
        r"|reimburse)\b|\b(?:company|employer|agency|we|they|farm|family|sponsor) (?:doesn'?t|don'?t|won'?t) "
        r"(?:pay|cover|refund|reimburse)\b|\bnot (?:covered|included|reimbursed|paid for)\b",
    )
