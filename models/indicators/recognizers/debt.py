"""DEBT: loans, advances or pay deductions that bind the worker until repaid.

Debt-collection jobs ("recuperación de deuda", "debt collector") talk about debt without creating
one, hence the negations.
"""

from __future__ import annotations

from models.indicators.recognizers._lexicon import GAP
from models.indicators.recognizers.base import PatternRecognizer

_PAY_ES = (
    r"sueldos?|salarios?|pagos?|paga|quincenas?|nominas?|jornal(?:es)?|comisiones|propinas|ganancias|trabajo"
    r"|primer(?:os)? (?:sueldos?|pagos?|mes)"
)
_PAY_EN = r"wages?|salary|pay|paychecks?|earnings|commissions?|tips|day rate|first pay"
_LIVING_ES = (
    r"alojamiento|hospedaje|vivienda|comida|alimentacion|habitacion|cuarto|cama|uniformes?|ropa de trabajo"
    r"|herramientas|equipo|transporte|renta|estadia|multas?|gastos"
)
_LIVING_EN = (
    r"accommodation|housing|food|meals|board|lodging|rent|room|bed|bunk|uniforms?|outfits?|equipment|tools"
    r"|transport|fines?|motel|hotel|expenses"
)
_REPAY_ES = (
    r"(?:lo |los |la |las )?(?:pagas|pagaras|devuelves|devolveras|descontamos|descontaremos|saldas"
    r"|cancelas)\b|se (?:te )?(?:descuenta|paga|devuelve|cancela)\w*|con (?:tu |su )?(?:trabajo|sueldo"
    r"|salario)|descontables?|a cuenta de|en cuotas|con descuentos"
)
_TAKE_ES = r"descuenta\w*|descontad\w*|restan?|cobran?|rebaja\w*|deducen?|sale[n]?"
_TAKE_EN = r"deducted|taken|charged|recovered|comes? out|paid"


class DebtRecognizer(PatternRecognizer):
    CODE = "DEBT"
    PATTERNS_ES = (
        rf"\bprestamos?\b{GAP}\b(?:{_REPAY_ES})",
        r"\bprestamo (?:para|de) (?:el |tu |su |los )?(?:viaje|pasaje|boleto|tramite|visa|alojamiento"
        r"|gastos)",
        r"\b(?:te|le|les) (?:damos|damos un|ofrecemos(?: un)?|otorgamos(?: un)?|hacemos un) prestamo\b",
        r"\b(?:te|le|les) (?:prestamos|adelantamos|anticipamos|financiamos|fiamos) (?:el |la |los |un |una "
        r"|tu )?(?:dinero|plata|sueldo|pago|adelanto)\b",
        rf"\b(?:te |le )?(?:adelantamos|anticipamos)\b{GAP}\b(?:descont\w*|descuent\w*|devuelves|pagas"
        rf"|se paga)",
        r"\b(?:te |le )?financiamos (?:el |tu |los |la |tus )?(?:tramites?|viajes?|pasajes?|visas?|curso"
        r"|papeleo|proceso|gastos)\b",
        rf"\badelantos? (?:de |del |sobre (?:el |tu |su )?)(?:{_PAY_ES})\b",
        rf"\badelantos?\b{GAP}\b(?:{_REPAY_ES})",
        r"\b(?:tu|su|una) deuda\b|\bdeuda (?:con (?:la agencia|nosotros|el patron|la empresa|el empleador"
        r"|el reclutador)|(?:de|del|por el) (?:viaje|pasaje|traslado|alojamiento|tramite)|que (?:pagas"
        r"|pagaras|saldas|cancelas|vas pagando|se descuenta\w*)|se (?:cancela|paga|salda) trabajando)"
        r"|\bcomo deuda\b",
        r"\b(?:pagar|saldar|cancelar|pagando|saldes|pagues|pagas|saldas|cubrir) (?:la |tu |su )?deuda\b",
        rf"\bdescuentos? (?:por|de|del|para) (?:el |la |los |las )?(?:{_LIVING_ES})\b",
        rf"\bse (?:te |le |les )?descuenta(?:n|ra|ran)? (?:el |la |los |las )?(?:{_LIVING_ES})\b",
        rf"\b(?:{_LIVING_ES})\b{GAP}\b(?:se )?(?:{_TAKE_ES}) (?:de|del|de la|de las|de los|en|contra) (?:tu "
        rf"|su |el |la |las |los )?(?:{_PAY_ES})\b",
        rf"\b(?:{_LIVING_ES})(?: y (?:la |el )?(?:{_LIVING_ES}))? (?:se )?(?:descuenta\w*|descontad\w*"
        rf"|a descontar)",
        rf"\b(?:{_LIVING_ES})\b{GAP}\b(?:a|por) cuenta del trabajador\b"
        rf"|\bcorren? por cuenta del trabajador\b",
        r"\bhasta (?:que )?(?:pagues|saldes|canceles|termines de pagar|cubras|devuelvas)\b",
        r"\ben cuotas (?:desde|de|del|con) (?:tu |su |el )?(?:primer\w* )?(?:sueldo|salario|pago)",
        # Repaying by working: "el resto lo pagas trabajando allá", "lo devolvés con tu trabajo".
        r"\b(?:el resto|lo demas|la otra mitad|la mitad|lo que (?:falte|gaste|debas|queda)|el saldo|eso"
        r"|todo)(?: (?:se|te|le|les|lo|la|los|las|me|nos))* (?:\w+ ){0,2}?(?:pag\w*|devolv\w*|devuelv\w*"
        r"|descont\w*|descuent\w*|rebaj\w*|cubr\w*|abon\w*)(?: [\w,]+){0,4}? (?:trabajando|con (?:tu|su"
        r"|el) (?:trabajo|sueldo|salario|pago)|alla|del (?:sueldo|salario|pago))",
        r"\b(?:lo|la|los|las|me lo|me la|se lo|se la|te lo) (?:vas |van |vais )?(?:pagando|devolviendo"
        r"|descontando|pagas|pagan|devuelves|devolves|devolvés|devuelven) (?:\w+ ){0,2}?(?:trabajando"
        r"|con (?:tu|su|el) (?:trabajo|sueldo|salario)|poco a poco|de a poco|en cuotas|con intereses)",
        r"\bmientras (?:haya|debas|tengas|tenga|debe|deba|exista|quede) (?:\w+ ){0,2}?(?:saldo|deuda|cuenta"
        r"|pendiente|que pagar)\b",
        r"\bno (?:te |se |les? )?(?:puedes|podes|puede|pueden|podras|podra|podran"
        r"|se puede) (?:\w+ ){0,2}?(?:salir|irte|irse|renunciar|cambiarte|dejar el trabajo|retirarte"
        r"|marcharte)(?: [\w,]+){0,4}? (?:hasta|con|si) (?:que )?(?:pagar|pagues|terminar de pagar"
        r"|termines de pagar|saldar|deudas?|debes)",
        r"\b(?:se (?:carga|cargan|anota|anotan)|cargad[oa]s?) (?:a|en) (?:tu|su) cuenta\b",
        r"\b(?:adelantos?|anticipos?|prestamos?) (?:\w+ ){0,3}?(?:a (?:los |sus |tus )?(?:papas|padres"
        r"|familia|mama)|para (?:la|tu|su) familia)\b|\b(?:los papas|los padres"
        r"|la familia) reciben? (?:un )?adelanto",
        r"\b(?:con|mas) intereses\b|\bpagar (?:la|su|tu) deuda\b|\bmientras paguen? (?:la )?deuda\b",
    )
    PATTERNS_EN = (
        r"\badvances? (?:on|against|of|from) (?:your )?(?:wages?|salary|pay|earnings)\b",
        r"\b(?:wage|salary|pay) advances?\b",
        r"\b(?:repay|pay off|pay back|work off|clear|settle) (?:the |your |this |a |any )?(?:debt|loan"
        r"|advance)s?\b",
        r"\b(?:your|the|a) debt (?:to|with) (?:us|the (?:agency|agent|employer|company|recruiter|boss))\b",
        r"\bdebts? (?:is |are |will be )?(?:deducted|repaid|paid off|cleared|worked off)\b",
        r"\bloans? (?:for|to cover) (?:your |the )?(?:travel|flight|ticket|visa|fees?|accommodation)\b",
        r"\bloans?\b[^.!?\n]{0,60}?\b(?:repaid|repay|deducted|paid back|pay (?:it )?back|clear|cleared"
        r"|taken from|from (?:your )?(?:wages|salary|pay))\b|\b(?:becomes?|become) a loan\b",
        r"\b(?:we|employer|agency|company) (?:will )?(?:lend|loan|advance)s? (?:you|it|money|cash)\b",
        rf"\bdeductions? (?:for|from) (?:your )?(?:{_LIVING_EN})\b",
        rf"\b(?:{_LIVING_EN})\b[^.!?\n]{{0,60}}?\b(?:{_TAKE_EN}) (?:from|against|out of|of) (?:your "
        rf"|the )?(?:{_PAY_EN})\b",
        rf"\b(?:{_LIVING_EN})(?: and (?:{_LIVING_EN}))? (?:costs? )?(?:is |are |will be )?(?:deducted"
        rf"|taken out)\b",
        rf"\b(?:{_LIVING_EN})\b[^.!?\n]{{0,40}}?\bat (?:the )?worker'?s (?:own )?(?:cost|expense)\b",
        r"\buntil (?:the |your )?(?:debt|loan|advance) is (?:repaid|paid)|\buntil you (?:repay|pay off"
        r"|pay back)\b",
        r"\b(?:paid|repaid|deducted) from (?:your )?(?:salary|wages|pay|earnings) in instal?ments\b"
        r"|\bin instal?ments from (?:your )?(?:salary|wages|pay)\b",
        r"\b(?:work|working|works) (?:it |them |this |that )?off\b|\bwork (?:\w+ ){0,6}?(?:to|until) (?:pay"
        r"|repay|clear|cover|settle)\w*\b",
        r"\b(?:pay|paid|paying) (?:\w+ ){0,2}?back\b(?: [\w,]+){0,4}? (?:from|through|with|out of"
        r"|by working)",
        r"\b(?:until|till|before) (?:the |your |all )?(?:cost|costs|debt|loan|balance|amount|advance"
        r"|money)(?: \w+){0,2} (?:is |are |has been |have been )?(?:cleared|repaid|paid back|paid off"
        r"|recovered|settled)\b",
        r"\b(?:balance|rest|remainder)\b (?:\w+ ){0,3}?(?:becomes due|when you start work|cut from salary"
        r"|deducted|from (?:your )?(?:salary|wages|pay))",
        rf"\b(?:{_LIVING_EN})\b(?: [\w&,/£$€]+){{0,6}}? (?:come|comes|taken|get taken|gets taken|deducted|cut"
        rf"|out) (?:out of|from|of) (?:your |the )?(?:{_PAY_EN}|check|cheque)\b",
        r"\b(?:advance|loan)s? (?:\w+ ){0,4}?(?:to|for) (?:your |the |his |her )?(?:parents|family)\b"
        r"|\b(?:advance|loan)s?\b(?: [\w,₹₱$]+){0,5}? (?:adjusted|cut|deducted|recovered|repaid) (?:from"
        r"|through|by)",
        r"\bsalary deduction\b|\bwith interest\b|\bbefore you are free\b|\bleaving early means\b",
    )
    NEGATIONS = (
        r"\bsin (?:deudas?|descuentos?|prestamos?)\b|\bno (?:hay |se (?:te )?(?:hacen "
        r"|aplican )?)?descuent\w*",
        r"\b(?:no|without|zero) (?:debt|deductions?|loans?)\b|\b(?:not|never) (?:be )?deducted\b",
        r"\bcobranzas?\b|\brecupero\b|\brecuperacion de (?:deuda|cartera)|\bgestor\w* de (?:cobro|deuda)",
        r"\bdebt (?:collect\w*|recovery|advisor|counsel\w*)|\bcollections? (?:agent|officer|specialist)",
    )
