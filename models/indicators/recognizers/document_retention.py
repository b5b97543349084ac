"""DOCUMENT_RETENTION: the employer or agency keeps the worker's passport or ID.

A holder is required ("guardamos", "la agencia retiene", "we hold"), so the safeguard "you keep your
passport", advice ("guarda tu pasaporte") and a request for a *copy* (routine) do not fire.
"""

from __future__ import annotations

from models.indicators.recognizers._lexicon import GAP
from models.indicators.recognizers.base import PatternRecognizer

_DOC_ES = (
    r"pasaportes?|documentos?(?: de identidad| personales| originales)?|documentacion|dni"
    r"|cedulas?(?: de identidad)?|ine|identificacion(?:es)?|papeles|carnet|credencial(?:es)?"
    r"|tarjeta de identidad|libreta de embarque"
)
_HOLDER_ES = (
    r"(?:la |el |los |las )?(?:agencia|empleador\w*|empresa|patron\w*|encargad[oa]|senora|senor|capitan"
    r"|familia|jef[ea]|administracion|contratista|reclutador\w*|duen[oa]|madama|supervisor\w*)"
)
_KEEP_ES = (
    r"guardamos|guardaremos|retenemos|retendremos|resguardamos|custodiamos|nos quedamos con"
    r"|nos quedaremos con|se queda con|se quedara con|retener|se retiene|se retienen|se retendra|se guarda"
    r"|se guardan|se guardara"
)
_KEEP3_ES = (
    r"guarda|guardara|retiene|retienen|retendra|conserva|custodia|resguarda|se queda con|se quedan con"
)
_WHERE_ES = (
    r"con nosotros|en (?:la )?(?:agencia|empresa|custodia|resguardo|garantia|oficina|administracion)"
    r"|en poder de|bajo (?:custodia|resguardo)|en manos de|como garantia"
)
_ID_EN = (
    r"passports?|ids?|id cards?|id documents?|identity (?:cards?|documents?|papers)|travel documents"
    r"|residence (?:permits?|cards?)|work permits?|seaman'?s books?"
)
_DOC_EN = rf"{_ID_EN}|documents|papers|originals?"
_HOLDER_EN = (
    r"we|agency|agent|employer|company|manager|management|boss|they|sponsor|recruiter|supervisor|captain"
    r"|family|madam|owner|foreman|host family"
)
#: "we take your passport details", "manager keeps the documents organised": routine, not retention.
_NOT_ROUTINE = (
    r"(?! (?:details|number|numbers|photo|copy|copies|scan|scans|information|info|confidential|private"
    r"|on file|up to date|organi[sz]ed|updated|accurate)\b)"
)


class DocumentRetentionRecognizer(PatternRecognizer):
    CODE = "DOCUMENT_RETENTION"
    PATTERNS_ES = (
        rf"\b(?:{_KEEP_ES}) (?:tu |tus |su |sus |el |los |la |las )?(?:{_DOC_ES})\b",
        rf"\b{_HOLDER_ES} (?:\w+ ){{0,3}}?(?:{_KEEP3_ES}) (?:tu |tus |su |sus |el |los |la "
        rf"|las )?(?:{_DOC_ES})\b",
        rf"\b(?:{_DOC_ES}|original(?:es)?)\b{GAP}\b(?:lo|la|los|las) (?:\w+ y lo )?(?:{_KEEP3_ES})\b",
        rf"\b(?:{_DOC_ES}) (?:\w+ ){{0,2}}?(?:queda|quedan|quedara|quedaran|permanece|permanecen|estara"
        rf"|estaran|se guarda\w*|se retiene\w*|se queda\w*) (?:\w+ ){{0,2}}?(?:{_WHERE_ES})\b",
        r"\b(?:entregar|entregas|entregaras|entreguen|entregue|dejar|dejas|dejaras|entregan) (?:tu |su |el "
        r"|los |sus |tus |la |las )?(?:pasaportes?|documentos? originales|(?:cedula|dni|ine) original)\b",
        rf"\b(?:se )?(?:entrega\w*|dej\w*) (?:tu |su |el |los |sus |tus |la "
        rf"|las )?(?:{_DOC_ES}) (?:\w+ ){{0,2}}?(?:al llegar|a la llegada|a su llegada|en custodia"
        rf"|como garantia|al (?:empleador|patron|encargad[oa]|jefe|supervisor|capitan)|a la (?:agencia"
        rf"|empresa|encargada|patrona|jefa))",
        rf"\b(?:{_DOC_ES})\b{GAP}\bse entrega\w* (?:a|al) (?:la )?(?:agencia|empresa|empleador|patron"
        rf"|encargad[oa]|jef[ea])",
        rf"\b(?:{_DOC_ES}) (?:como|en) (?:garantia|custodia|resguardo)\b",
        # "El pasaporte se queda con el encargado", "la cédula se deja en la oficina de la finca".
        rf"\b(?:{_DOC_ES})\b(?: originales?)?(?: \w+){{0,3}}? (?:se )?(?:queda|quedan|quedara|quedaran"
        rf"|permanece|permanecen|estara|estaran|se deja|se dejan|se entrega|se entregan|se guarda|se guardan"
        rf"|se recibe|queda guardad[oa]s?|lo maneja|los maneja|la maneja)\b(?: \w+){{0,4}}? (?:con|en|a|al"
        rf"|bajo) (?:el |la |los |las |nuestra |su )?(?:nosotros|recursos humanos|rrhh|oficina|administracion"
        rf"|caja fuerte|poder|empresa|agencia|patron\w*|duen[oa]|encargad[oa]|supervisor\w*|capataz"
        rf"|contratista|capitan|manager|organizacion|familia|jef[ea]|senora|senor|hacienda|finca)\b",
        rf"\b(?:{_HOLDER_ES}|el|ella|yo|nosotros|les|le|te|se|buscon|entrenador|novio"
        rf"|capataz) (?:\w+ ){{0,2}}?(?:guarda|guardo|guardamos|guardara|retiene|resguarda\w*|conserva"
        rf"|se queda con|se quedan con|nos quedamos(?: con)?|maneja|manejan|lleva|recoge|recogemos"
        rf"|tiene en su poder) (?:\w+ ){{0,2}}?(?:tu |tus |su |sus |el |los |la |las "
        rf"|nuestros )?(?:{_DOC_ES})\b",
        rf"\b(?:dejar|deja|dejas|dejan|se deja|se dejan|entregar|entregas|entregan|se entrega|se entregan"
        rf"|depositar|deposita|depositan) (?:el |la |los |las |tu |su |sus "
        rf"|tus )?(?:{_DOC_ES})(?: originales?)?(?: \w+){{0,4}}? (?:en|a|al|con) (?:la |el )?(?:oficina"
        rf"|administracion|empresa|patron|duen[oa]|encargad[oa]|supervisor|recursos humanos|rrhh|agencia"
        rf"|contratista|capataz)\b",
    )
    PATTERNS_EN = (
        rf"\b(?:{_HOLDER_EN})(?: will| must| may)? (?:\w+ and )?(?:hold|holds|keep|keeps|take|takes|retain"
        rf"|retains|collect|collects|store|stores|confiscate|confiscates|look after|looks after|safeguard"
        rf"|safeguards) (?:on to |onto )?(?:your|all|the|workers'?|employees'?|(?:the )?crew'?s|staff'?s?"
        rf"|their) (?:original )?(?:{_DOC_EN})\b{_NOT_ROUTINE}",
        rf"\b(?:{_DOC_EN}) (?:\w+ ){{0,2}}?(?:held|kept|retained|collected|stored|taken|surrendered"
        rf"|handed over|handed in|handed|submitted|given|left|deposited) (?:to |with |at "
        rf"|in )?(?:by )?(?:the )?(?:employer|agency|agent|company|us|manager|management|sponsor|supervisor"
        rf"|boss|captain|family|owner|foreman|madam|for safe ?keeping|for security|for the duration"
        rf"|during (?:the |your )?(?:contract|employment|stay)|until|on arrival|upon arrival)",
        rf"\b(?:{_ID_EN}|originals?) (?:\w+ ){{0,2}}?(?:left|deposited) (?:at|with|in) (?:the )?office\b",
        rf"\b(?:{_DOC_EN})\b(?: and (?:{_DOC_EN}))? (?:\w+ ){{0,2}}?(?:stays?|remains?|will stay"
        rf"|will remain) (?:with|at) (?:us|the (?:employer|agency|agent|company|manager|sponsor|boss|family"
        rf"|office)|management)\b",
        rf"\b(?:hand over|surrender|give us|turn over|handover|hand in) (?:your |the "
        rf"|all )?(?:original )?(?:{_ID_EN})(?: (?:on|upon) arrival)?\b{_NOT_ROUTINE}",
        rf"\b(?:safekeeping|safe keeping) of (?:your |all )?(?:{_DOC_EN})\b",
        rf"\b(?:{_DOC_EN}) (?:\w+ ){{0,3}}?for safe ?keeping\b",
        rf"\b(?:{_ID_EN}|iqama|cnic|zairyu card|documents|papers)\b(?: \w+){{0,3}}? (?:stay|stays|will stay"
        rf"|go stay|remain|remains|will remain|kept|held|deposited|to be deposited|will be handed|handed"
        rf"|submitted|collected|will be submitted|dey) (?:\w+ ){{0,4}}?(?:with|by|in|at|to|inside) (?:the "
        rf"|our |your |their )?(?:company|agency|agent|sponsor|madam|boss|employer|office|management|hr"
        rf"|manager|academy|university agent|factory|safe|head office|family|promoter|hotel)\b",
        r"\b(?:company|agency|agent|sponsor|madam|boss|employer|family|him|she|he|we|they|promoter|academy"
        r"|university) (?:will |go |must )?(?:keep|keeps|hold|holds|hol|holding|holds onto|collect|collects"
        r"|retain|retains|take care of) (?:\w+ ){0,2}?(?:passports?|ids?|papers|documents|iqama|cnic)\b",
        r"\bpassports? (?:deposit|submission|kept|held)\b|\bhawak (?:ni|ng) \w+ ang passport\b",
    )
    NEGATIONS = (
        r"\b(?:no|nunca|jamas|nadie) (?:\w+ ){0,2}?(?:guarda|guardan|retiene|retienen|se queda|se quedan"
        r"|conserva|conservan|recoge|recogen|maneja|manejan|pide|piden|solicita|solicitan|toca|tocan)\b",
        r"\b(?:nadie|ningun\w*|nobody|no one|no-one) (?:\w+ ){0,2}?(?:puede|podra|debe|can|may|will|should"
        r"|is allowed to) (?:\w+ )?(?:retener|guardar|quedarse|pedir|hold|keep|take|retain|ask for)\b",
        r"\byou (?:will )?(?:keep|retain|hold|stay in control of) (?:your|all)\b",
        r"\b(?:never|not|don'?t|do not|won'?t|will not|no one will|nobody will) (?:\w+ ){0,2}?(?:hold|keep"
        r"|take|retain|ask for|collect|confiscate)\b",
        r"\b(?:tu|usted|el trabajador) (?:conservas|conserva|mantienes|mantiene|guardas|guarda)\b"
        r"|\bconservas? (?:tu|su|sus|tus)\b",
        r"\b(?:no|nunca|jamas) (?:\w+ ){0,2}?(?:guardamos|retenemos|pedimos|solicitamos|nos quedamos"
        r"|retendremos|guardaremos|se (?:guarda|retiene|queda))\b",
    )
