"""legal: official channels — a licensed or registered agency with its number, work visas through
official routes, a labour ministry programme or helpline, social-security registration.

A requirement ("must have right to work", "papeles en regla", "número de seguro social") is not a
protection, so the match needs the employer's act or status (licensed, registered, "te inscribimos en
la TSS", "a través del Ministerio de Trabajo"). Social-security registration counts here (IMSS, TSS,
EPS, IVSS, NIS/NHT: the data card's choice). An offer of work without papers cancels the match.
"""

from __future__ import annotations

from models.indicators.protective.base import CLAUSE, CONDITIONAL, ProtectiveRecognizer

_NUMBER = r"(?:n|no|nro|num|numero|#|number|registro|licencia|license|licence)\.? ?:? ?[\w/-]*\d[\w/-]*"
_AGENCY_ES = (
    r"(?:agencia|empresa|bolsa|oficina|consultora|entidad)(?: de (?:colocacion|empleo|trabajo|reclutamiento"
    r"|seleccion|trabajo temporal|servicios temporales|intermediacion laboral))?"
)
_STATUS_ES = (
    r"autorizada|registrada|habilitada|licenciada|acreditada|certificada|legalmente constituida|inscrita"
    r"|reconocida|avalada"
)
_SOCIAL_ES = (
    r"seguridad social|seguro social|imss|tss|ivss|igss|ccss|ihss|inss|eps|arl|afp|pension|essalud|anses"
    r"|sistema de seguridad social|obra social|caja de seguro social|isss|iess|infonavit|sss|salud"
    r"|sistema de salud|seguro medico|seguro de salud|riesgos laborales|cesantias|caja de compensacion"
)
_JOIN_ES = (
    r"alta|altas|afiliacion|afiliad[oa]s?|afiliamos|inscripcion|inscrit[oa]s?|inscribimos|te inscribimos"
    r"|le inscribimos|damos de alta|dar de alta|la damos de alta|lo damos de alta|te damos de alta"
    r"|registrad[oa]s?|registramos|cotizacion|cotizaciones|cotizas|aportes?"
)
_AGENCY_EN = (
    r"(?:employment |recruitment |recruiting |manpower |placement |staffing |labou?r |overseas |travel "
    r"|care )?"
    r"(?:agency|agent|agencies|recruiter|employment business|scheme operator|operator|sponsor"
    r"|labou?r provider|gangmaster|company|employer)"
)
_STATUS_EN = (
    r"licensed|registered|accredited|approved|authori[sz]ed|certified|government[- ]licensed|designated"
    r"|(?:state )?(?:dept|department)[- ]designated"
    r"|(?:dmw|poea|gla|glaa|dole|nlc|tesda|ministry|home office|state)[- ](?:licensed|registered|accredited"
    r"|approved)"
)
_SOCIAL_EN = (
    r"social security|national insurance|nis|nht|nhif|nssf|pension(?: scheme)?|esi|epf|provident fund|sss"
    r"|philhealth|pag-?ibig|nhis|ssnit|workers'? comp(?:ensation)?|paye"
)


class LegalRecognizer(ProtectiveRecognizer):
    CODE = "legal"
    PATTERNS_ES = (
        # "Agencia de colocación autorizada con el nº 9900000555".
        rf"\b{_AGENCY_ES}(?: \w+)? (?:{_STATUS_ES})\b(?: (?:por|ante|en|con) (?:el |la )?\w+(?: de \w+)?)?"
        rf"(?:,? (?:con )?(?:el |la )?{_NUMBER})?",
        r"\b(?:licencia|autorizacion|registro|matricula|habilitacion|resolucion)(?: \w+){0,3}? "
        r"(?:n|no|nro|num|numero|#)\.? ?:? ?[\w/-]*\d[\w/-]*",
        # "Afiliación a EPS y pensión desde el primer día", "la damos de alta en el seguro social".
        rf"\b(?:{_JOIN_ES})(?: \w+){{0,3}}? (?:en|a|al|ante) (?:la |el |los )?(?:{_SOCIAL_ES})\b(?:(?:,| y"
        r"| e) "
        rf"(?:la |el )?(?:{_SOCIAL_ES})\b)*(?: (?:desde el (?:primer|1er) dia|desde que empiezas"
        r"|desde que empieza|desde el inicio|desde el ingreso))?",
        r"\b(?:registrad|autorizad|habilitad|acreditad|inscrit|reconocid)[oa]s? (?:ante|en|por) (?:el |la )?"
        r"(?:ministerio|secretaria|stps|sepe|mintrab\w*|direccion (?:general )?de (?:empleo|trabajo)"
        r"|servicio (?:nacional|publico) de empleo)\b" + CLAUSE,
        r"\b(?:empleo|trabajo) formal\b",
        r"\b(?:con|tiene|tenemos|cuenta con|contamos con) (?:la )?(?:licencia|autorizacion|registro|permiso)"
        r"(?: \w+)? (?:vigente |oficial )?(?:del?|de la|ante el|ante la|en el|en la) (?:ministerio|secretaria"
        r"|stps"
        r"|sepe|mintrab\w*|direccion)\b" + CLAUSE,
        r"\b(?:alta|trabajo|empleo|contratacion|todo) en blanco\b(?: desde el (?:primer|1er) dia)?",
        r"\bprestaciones (?:de ley|sociales|superiores a las de ley)\b",
        rf"\b(?:{_SOCIAL_ES})(?:(?:,| y| e) (?:el |la )?(?:{_SOCIAL_ES}|infonavit|fonacot|aguinaldo"
        r"|cesantias))*"
        r" (?:desde el (?:primer|1er) dia|desde el inicio|desde que (?:empiezas|empieza|entras|entra)"
        r"|incluid[oa]s?|de ley|pagad[oa]s? por la empresa)\b",
        # "El reclutamiento se realiza a través del Ministerio de Trabajo y Previsión Social".
        r"\b(?:a traves|por medio|por intermedio|de la mano|con el apoyo|en convenio con|en coordinacion con)"
        r" (?:del?|de la) (?:ministerio|secretaria|departamento|servicio (?:nacional|publico) de empleo"
        r"|mintrab\w*|sena|sne|programa oficial)(?: de (?:trabajo|empleo|relaciones exteriores)\w*)?"
        + CLAUSE,
        # "Es con visa de trabajo, todo legal", "te ayudan a sacar el PPT y trabajas legal".
        r"\b(?:con|tramitamos|gestionamos|incluye|incluimos|se tramita|se gestiona) (?:la |el |tu |su )?"
        r"(?:visa|visado|permiso) de trabajo\b(?: (?:legal|oficial|en regla))?" + CLAUSE,
        r"\b(?:todo|100%|totalmente|completamente|trabajo|trabajas|trabajar|contratacion|empleo) legal\b",
        r"\b(?:te |le |les )?(?:ayudan|ayudamos|tramitamos|gestionamos) (?:a )?(?:sacar|tramitar|obtener"
        r"|gestionar)? ?(?:el |la |tu |su )?(?:ppt|pep|permiso de trabajo|visa de trabajo|residencia|nie|rut"
        r"|papeles)\b" + CLAUSE,
        r"\b(?:linea (?:de ayuda|gratuita|de denuncia)|inspeccion (?:de|del) trabajo|sindicato)\b",
        # Peru's payroll registration: "en planilla desde el primer día", "ingreso a planilla".
        r"\b(?:en planilla|a planilla|planilla completa|ingreso a planilla|entras a planilla)\b"
        r"(?: (?:desde el (?:primer|1er) dia|desde el inicio|desde que (?:empiezas|entras)))?",
        # "Si tienes dudas sobre tus derechos, llama a la línea de OSHA", "denuncia ante la SUNAFIL".
        r"\b(?:dudas|preguntas|consultas) sobre (?:tus|sus) derechos(?: laborales)?\b(?:,? (?:llama|llame"
        r"|llamar"
        r"|contacta|contacte|escribe|escriba|comunicate|acude|acuda)\b" + CLAUSE + ")?"
        r"|\b(?:linea|telefono|numero|oficina) (?:de |del )?(?:la )?(?:osha|profedet|sunafil|mintrab\w*|dol"
        r"|inspeccion (?:de|del) trabajo|defensoria del pueblo|ministerio de trabajo)\b",
        r"\b(?:registrad|inscrit)[oa]s? en el registro (?:oficial|nacional|publico) de (?:agencias"
        r"|empresas)\b",
    )
    PATTERNS_EN = (
        # "licensed employment agency, licence no. EA555/01", "DMW-licensed agency, License No. DMW-555".
        rf"\b(?:{_STATUS_EN}) {_AGENCY_EN}\b(?:,? (?:licen[cs]e|registration|reg\b\.?|accreditation|permit)"
        rf"(?: no\b\.?| number| #| num\b\.?)?:? ?[\w/-]*\d[\w/-]*)?",
        r"\b(?:(?:e-?migrate|dmw|poea|glaa|gla|dole|tesda|nlc|ministry|government|govt) )?(?:licen[cs]e"
        r"|registration|reg\b\.?|lic\b\.?|accreditation|permit)(?: no\b\.?| number| #| num\b\.?):? ?"
        r"[\w/-]*\d[\w/-]*",
        rf"\b{_AGENCY_EN} (?:is |are )?(?:fully )?(?:{_STATUS_EN}) (?:by|with) (?:the )?[\w -]{{2,40}}?"
        r"(?=[.,;!?\n(]|$)",
        # "Company is legally registered", "the agency is duly licensed".
        rf"\b{_AGENCY_EN} (?:is |are )?(?:legally|duly|officially|properly|fully legally) (?:{_STATUS_EN})\b",
        # "Deployment through the DMW", "job order verified by the POEA", "they're on the gov register".
        r"\b(?:through|via|by|under|with) (?:the )?(?:dmw|poea|dole|owwa|nlc|glaa|e-?migrate|protector of"
        r" emigrants|labou?r office|labou?r department)\b" + CLAUSE,
        r"\bjob orders? (?:is |are |was |were )?(?:verified|approved|accredited|validated)\b"
        r"|\b(?:dmw|poea|dole|glaa)[- ](?:verified|approved|accredited|licensed|registered)\b",
        r"\bon the (?:(?:gov|govt|government|official|public|state|glaa|gla|dmw|poea"
        r"|national) ){1,2}(?:register"
        r"|registry"
        r"|list|database)\b",
        # Exchange and seasonal visas named by their official class: "J-1 visa", "H-2A visa".
        r"\b(?:j-?1|h-?2a|h-?2b) (?:visas?|programs?|programmes?|status)\b",
        # "Questions about your rights? Call the Department of Labor", "call ACAS on 0300...".
        r"\b(?:call|contact|ring|phone|text|report to|write to) (?:the )?(?:u\.?s\.? |us |uk )?(?:osha|acas"
        r"|glaa"
        r"|dol|department of labou?r|dept\.? of labou?r|ministry of labou?r|labou?r (?:department|office"
        r"|inspectorate|board)|wage and hour division|nlc|dmw|owwa)\b" + CLAUSE,
        # "Recruitment conducted with the Ministry of Labour and Social Security".
        r"\b(?:through|via|with|by|in partnership with|in cooperation with"
        r"|together with) (?:the )?(?:ministry"
        r"|department|dept\b\.?) of (?:labou?r|employment|manpower)\b" + CLAUSE,
        # "100% legal work visa", "Seasonal Worker visa through a licensed scheme operator".
        r"\b(?:legal|valid|proper|official|genuine|fully legal|100% legal|government) (?:[\w-]+ )?(?:work )?"
        r"(?:visas?|permits?|work permits?)\b",
        r"\b(?:seasonal worker|h-?2a|h-?2b|skilled worker|work|employment|working) (?:visas?|permits?) "
        r"(?:through|via|arranged (?:by|through)|sponsored by|processed (?:by|through)|issued by) (?:an? "
        r"|the )?"
        r"(?:licensed|official|approved|government|registered|legal)\b" + CLAUSE,
        r"\b(?:visas?|work permits?|petitions?|applications?) (?:are |is |will be )?(?:approved|certified"
        r"|issued)"
        r" by (?:the )?(?:u\.?s\.? |us |uk |canadian )?(?:department|dept\b\.?|ministry|embassy|consulate"
        r"|home office|government|dol|ircc)\b" + CLAUSE,
        r"\b(?:visas?|work permits?) (?:are |is |will be )?(?:arranged|processed|obtained) (?:legally|through"
        r" (?:the )?(?:official|government|embassy|consulate))\b" + CLAUSE,
        # "registered with social security", "SSNIT contributions paid".
        r"\b(?:registered|licensed|accredited|approved|authori[sz]ed) (?:with|by) (?:the )?(?:ministry"
        r"|department"
        r"|dept\b\.?|dole|dmw|poea|glaa|gla|home office|labou?r (?:department|ministry|office)|state"
        r"|government)\b" + CLAUSE,
        r"\b(?:official|legal|government) (?:h-?2a|h-?2b|seasonal worker|seasonal workers?|work|guest worker)"
        r" (?:program|programme|scheme)s?\b",
        rf"\b(?:registered|enrolled|covered|signed up) (?:\w+ ){{0,2}}?(?:for|with|in|under|on) (?:the )?"
        rf"(?:{_SOCIAL_EN})\b",
        rf"\b(?:{_SOCIAL_EN})(?:(?:,| and| &) (?:{_SOCIAL_EN}))* (?:contributions?|benefits?|coverage"
        r"|registration|deductions?)(?: (?:paid|included|from day one|done properly|done legally|remitted"
        r"|made|are paid|are remitted))?\b",
        r"\b(?:labou?r|ministry|government|official|union|anti-trafficking|modern slavery) (?:helpline"
        r"|hotline)\b|\btrade union\b",
    )
    NEGATIONS = (
        *CONDITIONAL,
        r"\b(?:sin|no (?:se )?(?:necesita|necesitas|necesitan|requiere|piden|pedimos|hace falta)) (?:\w+ )?"
        r"(?:papeles|visa|permiso|documentos|contrato)\b|\bvisa de turista\b|\bcomo turista\b",
        # "No hay afiliación a seguridad social", "sin alta en el IMSS".
        r"\bno (?:hay|tiene|tienen|tendras|tendra|se hace|hacemos|damos|incluye|se da|existe) (?:\w+ ){0,2}?"
        r"(?:afiliacion|alta|inscripcion|registro|seguro|prestaciones|planilla)\b|\bsin (?:afiliacion|alta"
        r"|seguro|seguridad social|prestaciones|planilla|imss)\b",
        r"\b(?:without|no need for|don'?t need|do not need|no) (?:\w+ )?(?:papers|visa|permit|ni number"
        r"|documents)\b|\btourist visa\b|\bas a tourist\b",
        r"\bno (?:social security|national insurance|benefits|insurance|nis|ssnit|sss|registration)\b"
        r"|\b(?:not|never) (?:registered|licensed|declared)\b|\bunregistered\b|\bunlicensed\b",
    )
