"""RECRUITMENT_FEE: the applicant pays to get the job (registration, processing, visa, training).

Legitimate ads often promise the opposite ("no fees", "sin costo"), so those phrases are negations;
an amount followed by a pay period ("$500 al mes") is a wage, not a fee.
"""

from __future__ import annotations

from models.indicators.recognizers._lexicon import GAP, MONEY, WAGE_PERIOD
from models.indicators.recognizers.base import PatternRecognizer

_WHAT_ES = (
    r"inscripcion|registro|tramites?|afiliacion|matricula|capacitacion|curso|entrenamiento|gestion|carpeta"
    r"|apertura de (?:carpeta|expediente)|expediente|reclutamiento|colocacion|seleccion|visas?|visado"
    r"|permiso de trabajo|agencia|papeleria|documentacion|uniforme|casting|book|examen(?:es)? medicos?"
    r"|evaluacion|certificacion|reserva|gastos administrativos|gastos de gestion"
)
_FEE_EN = (
    r"registration|processing|application|placement|recruitment|recruiting|agency|agent|manning|visa"
    r"|admin(?:istration|istrative)?|enrol?ment|training|sign[- ]?up|joining|medical|onboarding|documentation"
    r"|document|permit|job|starter kit|uniform|interview|booking|sponsorship|programme|program|casting"
    r"|portfolio|course|exam|test"
)
_WHAT_EN = (
    r"training|registration|processing|visa|paperwork|papers|uniform|application|placement|deposit|permit"
    r"|documents?|kit|medicals?|offer letter|work permit|job|course|casting|portfolio|certificate"
)
_AMOUNT = rf"(?:{MONEY})(?![\d.,]*\d)(?!{WAGE_PERIOD})"


class RecruitmentFeeRecognizer(PatternRecognizer):
    CODE = "RECRUITMENT_FEE"
    PATTERNS_ES = (
        rf"\b(?:cuota|costo|coste|cobro|valor|tarifa|derechos?|precio|arancel|inversion) (?:unica "
        rf"|inicial )?(?:de |por |del |de la |por la |por el )?(?:{_WHAT_ES})\b",
        r"\bpagos? (?:de |por |del |de la |por la |por el )?(?:inscripcion|registro|tramites?|visas?|visado"
        r"|matricula|afiliacion|carpeta|reclutamiento|colocacion|agencia|permiso de trabajo)\b",
        rf"\b(?:{_WHAT_ES})\b[^.!?\n:]{{0,40}}?(?:: ?|\bde |\bcuesta |\bcuestan |\bvale |\bcosto de "
        rf"|\bcuota de ){_AMOUNT}",
        rf"\b(?:{_WHAT_ES})\b{GAP}\b(?:cuesta|cuestan|tiene un costo de|por un valor de|vale) {_AMOUNT}",
        rf"\b(?:se paga|se pagan|se cobra|se cobran|pagas|pagar|pagando|abonar|abonas|depositar|depositas"
        rf"|deposito de|pago de|inversion (?:unica |inicial )?de|aporte de|previo pago de) (?:solo "
        rf"|solamente |unicamente |un |una |el |la )?{_AMOUNT}",
        rf"{_AMOUNT} (?:de|por|para) (?:la |el |los |las )?(?:{_WHAT_ES})\b",
        rf"\b(?:debes|deberas|debe|debera|tienes que|tendras que|hay que|se debe|necesitas|requiere) (?:pagar"
        rf"|abonar|depositar|cancelar|invertir|transferir|enviar|aportar) (?:un |una |el |la |solo "
        rf"|solamente )?(?:{MONEY}|monto|deposito|cuota|inscripcion|adelanto|anticipo|tramite|costo|dinero"
        rf"|garantia)",
        r"\bdeposito (?:de garantia|previo|inicial|reembolsable)\b",
        r"\b(?:cobramos|se cobra|cobran|cobrara) (?:una |la |el )?(?:comision|inscripcion|cuota|tramite"
        r"|registro)\b",
    )
    PATTERNS_EN = (
        rf"\b(?:{_FEE_EN}) (?:fees?|charges?)\b",
        rf"\b(?:fees?|charges?)(?: of| is| are)?:? ?{_AMOUNT}",
        rf"\b(?:{_FEE_EN})\b[^.!?\n:]{{0,40}}?: ?{_AMOUNT}",
        rf"(?<!we )(?<!will )(?<!they )(?<!employer )(?<!company )\b(?:pay|paying|payment of|send|deposit"
        rf"|transfer|after paying|costs?|cost of) (?:a |an |the |only |just )?{_AMOUNT}",
        rf"\b(?:pay|paying|payment of|send|deposit|transfer) (?:a |an |the |only )?(?:{MONEY}) (?:for"
        rf"|to cover|as|to start) (?:the |your |job )?(?:{_WHAT_EN})",
        r"\b(?:deposit|fee) (?:is )?required\b",
        r"\b(?:upfront|up-front|initial|advance|refundable) (?:payment|deposit|fee)s?\b",
        r"\bpay (?:a |the )?(?:small |refundable )?deposit\b",
    )
    NEGATIONS = (
        r"\bno (?:\w+ ){0,2}?(?:fees?|charges?|costs?|deposits?|payments?)\b",
        r"\b(?:fee|cost)[- ]free\b|\bfree of charge\b|\bfree (?:registration|training|application"
        r"|placement)\b",
        r"\b(?:we |company )?(?:never|do not|don'?t|will not|won'?t|does not|doesn'?t) (?:\w+ )?(?:charge"
        r"|ask (?:you )?for (?:money|payment|fees?)|request (?:money|payment))",
        r"\bzero (?:\w+ )?(?:fees?|cost)\b|\bat no (?:cost|charge)\b|\bwithout (?:any )?(?:cost|fees?"
        r"|charges?|payment)\b",
        r"\b(?:fees?|costs?) (?:are |is |will be )?(?:waived|covered|paid|borne|reimbursed) by\b",
        r"\b(?:covered|paid|borne) by (?:the )?(?:employer|company|us|agency)\b|\bemployer[- ](?:paid|covers"
        r"|pays)\b",
        r"\bsin (?:ningun )?(?:costo|coste|cobro|cargo|pago)s?\b",
        r"\b(?:inscripcion|registro|tramites?|capacitacion|curso|proceso|postulacion|seleccion|visa) (?:es "
        r"|son |totalmente |completamente |100% )*(?:gratis|gratuit[oa]s?)\b",
        r"\b(?:no|nunca|jamas) (?:te |les? )?(?:se )?(?:cobra|cobramos|cobran|cobrara|cobraremos|tiene costo"
        r"|hay (?:ningun )?(?:costo|cobro)|(?:pedimos|solicitamos|exigimos) (?:ningun )?(?:dinero|pagos?"
        r"|cuotas?|nada))\b",
        r"\b(?:cubiert|pagad|asumid)[oa]s? por (?:la empresa|el empleador|nosotros)\b",
        r"\b(?:la empresa|el empleador) (?:paga|cubre|asume)\b",
        # Paid training, bonuses and grants are money the worker receives.
        r"\b(?:capacitacion|curso|formacion|training|course) (?:\w+ )?(?:pagad|remunerad|paid)\w*"
        r"|\bpaid training\b",
        r"\b(?:bono|bonus|beca|prima|ayuda|subsidio|allowance|stipend|signing bonus)\b",
    )
