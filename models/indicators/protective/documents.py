"""documents: the worker keeps their own passport and ID; nobody holds them.

The mirror of DOCUMENT_RETENTION, which lists these very phrases as its negations. A demand to hand
documents over ("tienes que entregar el pasaporte", "must be surrendered") in the same sentence
cancels the match; a copy kept by the employer while the original stays with the worker does not.
"""

from __future__ import annotations

from models.indicators.protective.base import CLAUSE, CONDITIONAL, ProtectiveRecognizer

_DOC_ES = (
    r"pasaportes?|documentos?(?: de identidad| personales| originales| de viaje)?|documentacion|dni|cedulas?"
    r"(?: de identidad)?|ine|dpi|curp|identificacion(?:es)?|papeles|originales?|carnets?|credencial(?:es)?"
    r"|libretas?(?: de embarque| de mar)?|visas?|visados?|permisos? de (?:trabajo|residencia)"
)
_DOCS_ES = rf"(?:{_DOC_ES})(?: (?:y|e|o|ni) (?:tu |su |el |la |los |las |tus |sus )?(?:{_DOC_ES}))?"
_DOC_EN = (
    r"passports?|ids?|id cards?|id documents?|identity (?:cards?|documents?|papers)|travel documents?"
    r"|documents?|papers|visas?|originals?|aadhaar(?: card)?|ghana card|nin(?: slip)?|national id"
    r"|work permits?|residence (?:permits?|cards?)|seaman'?s books?|iqama|cnic"
)
_DOCS_EN = rf"(?:{_DOC_EN})(?: (?:and|&|or) (?:your |the )?(?:{_DOC_EN}))?"


class DocumentsRecognizer(ProtectiveRecognizer):
    CODE = "documents"
    PATTERNS_ES = (
        # "El jugador conserva siempre su pasaporte", "cada marinero se queda con sus papeles": any worker
        # noun, but only with verbs of keeping that an employer holding documents would not use of itself.
        r"\b(?:el|la|los|las|cada) (?!agencia|empresa|empleador|patron|jefe|encargad|supervisor|capataz|dueno"
        r"|familia|reclutador|enganchador|coordinador|oficina|club|academia|contratista)\w+ (?:siempre )?"
        rf"(?:conserva|conservan|se queda con|se quedan con) (?:siempre )?(?:en todo momento )?(?:su|sus) "
        rf"(?:propio |propios |propia |propias )?(?:{_DOCS_ES})\b{CLAUSE}",
        # "Usted conserva su pasaporte en todo momento", "el trabajador mantiene sus documentos".
        rf"\b(?:usted|tu|vos|el trabajador|la trabajadora|los trabajadores|cada trabajador|el empleado"
        rf"|la empleada) (?:siempre )?(?:conserva|conservas|conservan|mantiene|mantienes|mantienen|guarda"
        rf"|guardas|guardan|se queda con|te quedas con|se quedan con|lleva|llevas|llevan) (?:siempre )?(?:en "
        rf"todo momento )?(?:tu|su|sus|tus) (?:propio |propios |propia |propias )?(?:{_DOCS_ES})\b{CLAUSE}",
        # "Tu pasaporte siempre es tuyo", "tus documentos los tenés vos", "sus papeles quedan con usted".
        rf"\b(?:tu|su|sus|tus) (?:{_DOCS_ES}) (?:siempre |en todo momento )?(?:es tuyo|es suyo|son tuyos"
        rf"|son suyos|queda contigo|quedan contigo|se queda contigo|se quedan contigo|queda con usted"
        rf"|quedan con usted|se queda con usted|se quedan con usted|siempre contigo|siempre con usted"
        rf"|esta en tu poder|estan en tu poder|esta en su poder|estan en su poder|(?:lo|los|la|las) (?:tienes"
        rf"|tenes|guardas|conservas|llevas|tiene|guarda|conserva|lleva) (?:tu|vos|usted))\b",
        # "Nadie te puede quitar el pasaporte", "nadie retiene tus documentos".
        rf"\b(?:nadie|ninguna persona|ningun empleador|ningun patron|ninguna empresa) (?:te |le |les )?"
        rf"(?:\w+ )?(?:puede |podra |va a |debe |tiene derecho a )?(?:te |le )?(?:quitar|quitarte|quitarle"
        rf"|quita|retener|retiene|retenerte|guardar|guarda|pedir|pide|quedarse con|se queda con|tocar|toca"
        r"|recoger|recoge|retendra|guardara|quitara|pedira|tocara|recogera|se quedara con) (?:tu |su |sus "
        rf"|tus |el |los |la |las |ningun |ninguna )?(?:{_DOCS_ES})\b",
        r"\bni (?:la |el )?\w+ ni (?:la |el |nadie)?\w* ?(?:guardan|guarda|retienen|retiene|se quedan con"
        r"|piden"
        rf"|tocan|recogen) (?:tus |sus |los |tu |su |el |la )?(?:{_DOCS_ES})\b",
        # "No retenemos pasaportes", "nunca guardamos tus documentos".
        rf"\b(?:no|nunca|jamas) (?:te |le |les )?(?:retenemos|guardamos|pedimos|quitamos|recogemos|nos "
        r"quedamos con|retendremos|guardaremos|retenemos ni guardamos|tocamos|pediremos|se retiene"
        r"|se retienen|se retendra"
        rf"|se retendran|se quita|se quitan|se guarda|se guardan) (?:tu |su |sus |tus |el |los |la |las "
        rf"|ningun |ninguna |ningunos )?(?:{_DOCS_ES})\b",
        rf"\b(?:{_DOC_ES}) (?:no se (?:retiene|retienen|guarda|guardan|quita|quitan|pide|piden)|nunca se "
        rf"(?:retiene|retienen|guarda|guardan))\b",
        # "Solo pedimos una copia", "el original se queda contigo".
        r"\b(?:solo|solamente|unicamente) (?:pedimos|sacamos|tomamos|necesitamos|se pide|se toma|se saca"
        r"|guardamos|nos quedamos con) (?:una )?(?:copia|fotocopia|foto)s?\b(?: (?:de|del) (?:tu |su |el "
        r"|la )?"
        rf"(?:{_DOC_ES}))?",
        r"\b(?:el |los |la |las )?originales? (?:siempre )?(?:se queda|se quedan|queda|quedan|permanece"
        r"|permanecen|lo tienes|los tienes) (?:siempre )?(?:contigo|con usted|con vos|en tu poder|en su poder"
        r"|tu|vos)\b",
    )
    PATTERNS_EN = (
        # "You keep your passport and visa at all times", "candidates retain their passports throughout".
        r"\b(?:you|workers?|candidates?|employees?|staff|crew|applicants?|each worker|every worker"
        r"|all workers"
        r"|the worker|caregivers?|helpers?|maids?) (?:will )?(?:always )?(?:keep|keeps|retain|retains|hold"
        r"|holds|stay in control of|stays in control of|remain in possession of|remains in possession of"
        r"|keep hold"
        rf" of|look after) (?:your|all your|your own|their|all their|their own"
        rf"|his or her) (?:own )?(?:original )?"
        rf"(?:{_DOCS_EN})\b"
        rf"(?: (?:at all times|with you|yourself|throughout(?: \w+)*?|always))?",
        # "Your passport is safe with you", "original stays with you", "your ID remains yours".
        rf"\b(?:your |the )?(?:own )?(?:{_DOCS_EN}) (?:is|are|stays?|remains?|will stay|will remain|will "
        r"always stay|always stays?) (?:always |safe |safely |at all times )?(?:with you|yours"
        r"|with (?:the )?"
        rf"(?:workers?|employees?|holders?|owners?)|in your "
        rf"(?:own )?(?:hands|possession|custody|pocket))\b",
        # "nobody keeps your passport", "no one will take your documents".
        r"\b(?:nobody|no one|no-one|no employer|no agent|no agency|no company|no boss"
        r"|no madam) (?:\w+ ){0,3}?(?:will "
        r"|can "
        rf"|may |is allowed to |should |has the right to )?(?:ever )?(?:keeps?|holds?|takes?|retains?"
        rf"|confiscates?|ask for|asks for|touch(?:es)?|collects?|take away) (?:your|any|workers'?|the|their)"
        rf" (?:{_DOCS_EN})\b",
        # "we never hold passports", "employers may not keep your ID".
        rf"\b(?:we|they|employers?|agency|agents?|company|companies|the family|your employer|madam|boss)"
        r"(?: \w+)? (?:will |do |does |may |must |can )?(?:never|not|don'?t|doesn'?t|won'?t"
        r"|cannot) (?:ever )?"
        rf"(?:allowed to |permitted to |able to )?(?:keep|hold|take|retain|confiscate|ask for|collect|touch) "
        rf"(?:your |any |workers'? |employees'? "
        rf"|the |their )?(?:original )?(?:{_DOCS_EN})\b",
        # "They only take a photocopy of your Aadhaar".
        r"\bonly (?:take|takes|need|needs|keep|keeps|ask for|asks for|make|makes|request|requests|scan"
        r"|scans)"
        rf" (?:a )?(?:photo ?copy|copy|copies|scan|scans|photocopy|photocopies)\b(?: of (?:your |the )?"
        rf"(?:{_DOCS_EN}))?",
    )
    NEGATIONS = (
        *CONDITIONAL,
        r"\b(?:must|have to|has to|need to|will need to|tienes que|tiene que|tienen que|debes|debe|deben"
        r"|deberas|hay que) (?:\w+ ){0,2}?(?:hand|surrender|give|submit|deposit|leave|entregar|entregarl\w*"
        r"|dejar|dejarl\w*|depositar)\b",
        r"\bnot (?:be )?returned\b|\bno (?:se )?(?:devuelve|devuelven|devolvera|devolveran)\b",
    )
