"""freedom: the worker may leave or resign, move about, keep a phone and contact family.

The mirror of LIVE_IN_ISOLATION and of resignation refused. Contact verbs need a family or home
object, because "puede llamar al 300 555..." is how ads give their own number. A prohibition in the
same sentence ("no se permite el uso de celular", "must not leave the property", "resignation not
accepted") cancels the match.
"""

from __future__ import annotations

from models.indicators.protective.base import CLAUSE, CONDITIONAL, ProtectiveRecognizer

_MAY_ES = (
    r"puede|puedes|podes|pueden|podra|podras|podran|es libre de|eres libre de|sos libre de|son libres de"
    r"|tienes libertad (?:de|para)|tiene libertad (?:de|para)|tienen libertad (?:de|para)|con libertad (?:de"
    r"|para)|libre de"
)
_FAMILY_ES = (
    r"(?:a |con )?(?:tu|su|sus|tus) (?:familia|familiares|seres queridos|hijos|parientes)|a casa|a tu casa"
    r"|a su casa"
)
_LEAVE_ES = (
    r"salir|irte|irse|renunciar|dejar el (?:trabajo|empleo|puesto)|regresar(?: a (?:tu|su) (?:casa|pais))?"
    r"|volver(?: a (?:tu|su) (?:casa|pais))?|cambiar de (?:trabajo|empleo|empleador)|moverte|moverse"
    r"|salir libremente|entrar y salir"
)
_PHONE_ES = r"(?:celular|telefono|movil|cel)"
_PHONE_EN = r"(?:mobile |cell |own )?(?:phones?|mobiles?|cell ?phones?)"
_WHO_EN = (
    r"you|workers?|staff|crew|employees?|trainees?|candidates?|they|everyone|helpers?|nannies|drivers?"
    r"|caregivers?|carers?|pickers?|students?"
)
#: "leave your CV", "leave a message": not leaving the job.
_LEAVE_EN = (
    r"leave(?! (?:your (?!job|employer|position)|a |us\b|it\b|them\b|messages?\b|cv\b|resume\b|details\b"
    r"|number\b|comments?\b|the (?!job|company|employer|position|farm|house|site|country|programme|program)))"
)


class FreedomRecognizer(ProtectiveRecognizer):
    CODE = "freedom"
    PATTERNS_ES = (
        # "Puede llamar a su familia cuando quiera", "puedes renunciar con preaviso".
        rf"\b(?:{_MAY_ES}) (?:\w+ ){{0,2}}?(?:{_LEAVE_ES})\b{CLAUSE}",
        rf"\b(?:{_MAY_ES}) (?:\w+ ){{0,2}}?(?:llamar|comunicarte|comunicarse|hablar|contactar|visitar|ver)"
        rf" (?:{_FAMILY_ES})\b{CLAUSE}",
        rf"\b(?:{_MAY_ES}) (?:usar|tener|conservar|llevar|quedarte con|quedarse con) (?:tu |su )?(?:propio )?"
        rf"{_PHONE_ES}\b{CLAUSE}",
        # "Su celular es suyo", "conservas tu teléfono".
        rf"\b(?:tu|su) {_PHONE_ES} (?:es tuyo|es suyo|se queda contigo|se queda con usted|queda contigo"
        rf"|siempre contigo|lo guardas tu)\b{CLAUSE}",
        rf"\b(?:conservas|conserva|mantienes|mantiene|tienes|tiene|guardas|guarda) (?:siempre )?(?:tu|su) "
        rf"(?:propio )?{_PHONE_ES}\b{CLAUSE}",
        # "Libre salida en días de descanso".
        r"\b(?:libre (?:salida|circulacion|movimiento|entrada y salida)|salidas? libres?|libertad (?:de|para)"
        r" (?:salir|movimiento|moverse|moverte|renunciar|comunicarse|circular))\b" + CLAUSE,
        # "Si te quieres ir avisas con una semana y ya".
        r"\bsi (?:te |se )?(?:quieres|quiere|queres|deseas|desea|decides|decide) (?:ir|irte|irse|renunciar"
        r"|salir|dejar(?:lo)?|dejar el trabajo|retirarte|retirarse)\b" + CLAUSE,
        r"\b(?:renunci\w+|dejar el (?:trabajo|empleo)|retirarte|irte) (?:cuando (?:quieras|quiera|lo desees)"
        r"|en cualquier momento|con (?:\w+ ){0,2}?(?:preaviso|aviso previo))",
        # "Si un día no querés ir, no pasa nada", "si no puede venir, solo avisa".
        r"\bsi (?:un dia |algun dia |hoy )?no (?:quieres|queres|quiere|deseas|desea|tienes ganas de) (?:ir"
        r"|venir|trabajar|ir a trabajar|salir a trabajar|seguir|quedarte|quedarse)\b" + CLAUSE,
        # "Nadie los obliga a quedarse", "no estás obligado a seguir".
        r"\b(?:nadie (?:te |le |los |las |les )?(?:obliga|obligara|va a obligar)|no (?:estas|esta|estan"
        r"|estaras"
        r"|estara) obligad[oa]s?|sin obligacion) (?:a |de )?(?:quedarte|quedarse|seguir|permanecer|trabajar"
        r"|continuar|vivir|aceptar)\b" + CLAUSE,
        # "Tú eliges en qué salidas participas", "usted decide cuántos turnos toma".
        r"\b(?:tu|usted|vos|cada uno|cada trabajador) (?:eliges|elige|elegis|decides|decide|decidis) (?:en )?"
        r"(?:que|cuando|cuantos|cuantas|cuales|tus|sus) (?:\w+ ){0,2}?(?:dias|turnos|salidas|horarios?"
        r"|trabajas"
        r"|trabajar|trabaja|participas|participa|viajes|tours|jornadas)\b" + CLAUSE,
        # "El uso del celular es libre", "tu tiempo libre es tuyo".
        r"\buso (?:del? |de tu |de su )?(?:celular|telefono|movil)(?: \w+){0,2}? (?:permitido|libre|sin"
        r" restricciones)\b|\b(?:tu |su )?(?:tiempo libre|dias? libres?) (?:es|son) (?:tuyo|suyo|tuyos|suyos"
        r"|tuyas|solo tuyo)\b",
    )
    PATTERNS_EN = (
        # "You are free to resign with one month notice", "you can quit anytime".
        rf"\b(?:{_WHO_EN}) (?:are |is )?(?:free to|can|may|are allowed to|are welcome to|will be able to"
        rf"|have the right to) (?:\w+ ){{0,2}}?(?:{_LEAVE_EN}|quit|resign|give (?:your )?notice"
        rf"|hand in (?:your )?"
        rf"notice|end (?:your |the )?contract|go home|return home|change (?:jobs?"
        rf"|employers?)|move (?:freely|around|out)|come and go|travel freely)\b{CLAUSE}",
        # "Crew may use phones and call home", "free to communicate with family on weekends".
        rf"\b(?:{_WHO_EN}) (?:are |is )?(?:free to|can|may|are allowed to|are welcome to|will be able to)"
        rf" (?:\w+ ){{0,2}}?(?:use|keep|have) (?:their |your |own )?(?:own )?{_PHONE_EN}\b{CLAUSE}",
        rf"\b(?:{_WHO_EN}) (?:are |is )?(?:free to|can|may|are allowed to|are welcome to|will be able to)"
        r" (?:\w+ ){0,2}?(?:call|contact|phone|ring|visit|see|talk to|speak to|communicate with|video ?call)"
        r" (?:home|(?:your |their |with )?(?:famil\w+|loved ones|relatives|parents|children"
        rf"|kids))\b{CLAUSE}",
        rf"\b(?:free to|freedom to) (?:{_LEAVE_EN}|resign|quit|move|travel|come and go|go out|go outside"
        r"|change employers?"
        rf"|contact|communicate)\b{CLAUSE}",
        rf"\b(?:quit|{_LEAVE_EN}|resign|go home)\b (?:any ?time|at any time|whenever you (?:want|like|wish)"
        rf"|when(?:ever)? you (?:want|like|wish|choose)|with (?:\w+ ){{0,2}}?notice)\b{CLAUSE}",
        rf"\bkeep (?:your|their) (?:own )?{_PHONE_EN}\b(?: (?:at all times|with you))?",
        # "Own phone, free time is yours", "personal phones allowed".
        r"\b(?:own|personal) (?:phones?|mobiles?|cell ?phones?)(?: (?:is |are )?(?:allowed|ok|okay|permitted"
        r"|welcome|kept))?(?=\s*(?:[,.;!+\n]|$|and\b|&))",
        r"\b(?:phone|mobile|cell ?phone) (?:use|usage)(?: \w+){0,3}? (?:is |are )?(?:allowed|permitted"
        r"|never restricted|not restricted|unrestricted|free|welcome)\b|\bphones? (?:are )?(?:allowed"
        r"|permitted)(?: at all times| on breaks)?\b",
        r"\b(?:your )?(?:free time|spare time|time off|days? off) (?:is|are) (?:yours|your own|(?:entirely "
        r"|all )"
        r"?yours)\b",
        # "Nobody forces you to stay", "you are not obliged to stay", "no obligation to renew".
        r"\b(?:nobody|no one|no-one) (?:will )?(?:forces?|force|make|makes|pressures?) (?:you|workers|anyone)"
        r" (?:to )?(?:stay|remain|continue|work|renew)\b|\b(?:you are|you're|workers are) (?:not|never) "
        r"(?:obliged|bound|forced|tied|required) to (?:stay|remain|continue|renew)\b|\bno obligation to "
        r"(?:stay|remain|continue|renew)\b",
        # "You choose your shifts", "you decide which days you work".
        r"\byou (?:choose|pick|decide|set) (?:your (?:own )?(?:shifts|days|hours|schedule|routes)"
        r"|which (?:days"
        r"|shifts|trips|tours) (?:you )?(?:work|take|join)|when (?:you )?(?:to )?work)\b",
    )
    NEGATIONS = (
        *CONDITIONAL,
        r"\bno (?:se )?(?:permite|permiten|permitido|permitida|puede|pueden|puedes|podra|podran"
        r"|esta permitido"
        r"|se acepta|se aceptan|aceptamos)\b|\bprohibid\w*|\bsin (?:permiso|autorizacion)\b",
        r"\bnot (?:permitted|allowed|accepted|possible)\b|\bmust not\b|\bcannot\b|\bcan'?t\b|\bmay not\b"
        r"|\bwithout (?:permission|authori[sz]ation|notice to)\b|\bonly with\b|\bnot before\b|\bpenalt\w*"
        r"|\bmultas?\b|\bfine of\b|\bforfeit\w*",
        # A phone the worker must bring ("must have own phone") is a requirement, not a freedom.
        r"\b(?:must|need to|needs to|should|required to) (?:have|bring|own|use)\b|\brequired\b"
        r"|\brequirements?\b|\bwith (?:own|a) (?:phone|smartphone|vehicle|car|bike)\b",
    )
