"""IRREGULAR_ENTRY: no visa or permit needed, papers "arranged" after arrival, borders crossed around.

A recruiter who promises to sort out migration status on arrival, or sends people without the
papers the destination requires, leaves them dependent and deportable: decisive on its own. "Visa
tramitada antes de viajar" and "we never send anyone without a work permit" are safeguards.
"""

from __future__ import annotations

from models.indicators.recognizers._lexicon import GAP
from models.indicators.recognizers.base import PatternRecognizer

_PAPERS_ES = (
    r"visas?|visados?|papeles|permisos? de (?:trabajo|residencia)|permisos?|green ?card|documentos?"
    r"|residencia|pasaportes?|tarjeta de residencia|nie"
)
_NEED_ES = (
    r"no (?:necesitas|necesita|necesitan|se necesita|se necesitan|hace falta|hacen falta|se requiere"
    r"|se requieren|requiere|requieres|pedimos|piden|se pide|se piden|es necesario|son necesarios"
    r"|importa si no tienes|importa que no tengas|importa|te preocupes por|hay problema con)"
)
_FIX_ES = (
    r"arreglamos|arreglan|arreglo|arreglara|arreglaran|arreglaremos|arregla|conseguimos|consiguen|consigue"
    r"|conseguira|sacamos|sacan|tramitamos|tramitan|gestionamos|gestionan|resolvemos|resuelven|regularizamos"
    r"|regularizan|hacemos|hacen|ponemos en regla|legalizamos|legalizan|se arregla|se arreglan|se consigue"
    r"|se consiguen|se tramita|se tramitan|se resuelve|se hace|se hacen"
)
_LATER_ES = (
    r"alla|aya|aca|alli|ahi|al llegar|cuando llegues|una vez (?:alla|alli|ahi|aca|que llegues)"
    r"|estando (?:alla|alli|ahi)|despues|luego|en el camino|en destino|a la llegada|con el tiempo"
    r"|sobre la marcha"
)
_PAPERS_EN = (
    r"visas?|papers|paperwork|work permits?|permits?|documents|passports?|green ?cards?|residence permits?"
    r"|immigration papers|status"
)


class IrregularEntryRecognizer(PatternRecognizer):
    CODE = "IRREGULAR_ENTRY"
    PATTERNS_ES = (
        rf"\b{_NEED_ES} (?:de )?(?:tener |sacar |tramitar |traer )?(?:la |el |los |las |tus "
        rf"|ningun\w* )?(?:{_PAPERS_ES})\b",
        r"\bsin (?:necesidad de )?(?:tener |sacar |tramitar )?(?:la |el |los |las |ningun\w* )?(?:visas?"
        r"|visados?|papeles|permisos? de trabajo|documentos|pasaporte|green ?card)\b",
        rf"\b(?:te |les |le |se |lo |los |la |las )?(?:{_FIX_ES}) (?:\w+ ){{0,2}}?(?:los |la |el |las |tus "
        rf"|sus |tu |su )?(?:{_PAPERS_ES})\b(?:{GAP}\b(?:{_LATER_ES})\b)?",
        rf"\b(?:{_PAPERS_ES})\b (?:\w+ ){{0,3}}?(?:se |te |los |las |lo |la )?(?:{_FIX_ES}|arreglas|consigues"
        rf"|sacas|tramitas|arreglan|resuelven|ven|vemos) (?:\w+ ){{0,2}}?(?:{_LATER_ES})\b",
        rf"\b(?:{_LATER_ES}) (?:te |se |les |le |lo |los )?(?:{_FIX_ES}|arreglas|consigues|sacas|tramitas"
        rf"|regularizas)\b",
        r"\b(?:cruz\w*|pas\w*|entr\w*) (?:\w+ ){0,3}?(?:la frontera|el rio|el desierto|el monte|la selva"
        r"|por el hueco|por tierra|en lancha|en bote|en panga|en balsa|en cayuco|en patera|por mar"
        r"|sin control|sin pasar por migracion|por un punto ciego|con (?:un )?(?:guia|coyote|pollero"
        r"|pasador))\b",
        r"\b(?:en|por) (?:lancha|bote|panga|balsa|cayuco|patera)\b|\b(?:coyote|pollero|pasador|lanchero)s?\b",
        r"\b(?:entras|entrar|entran|entra|viajas|viajar|viajan|vas|vienes|venir"
        r"|ir) (?:\w+ ){0,2}?(?:como turista|con visa de turista|con visa de paseo|de turista"
        r"|con (?:la )?visa de estudiante) (?:\w+ ){0,4}?(?:y|luego|despues|pero)\b",
        r"\b(?:papeles|documentos|pasaportes?|visas?|cedulas?) (?:falsos|falsas|chuecos|chuecas|truchos"
        r"|truchas|hechizos|prestados|prestadas|de otra persona)\b",
        r"\bsin pasar por (?:migracion|aduana|el control)\b|\bsin (?:sellar|sello)\b",
        r"\b(?:como|de|con (?:visa de )?)turistas?\b(?: [\w,]+){0,8}? (?:y|luego|despues|alla|ahi|aca"
        r"|pero) (?:\w+ ){0,3}?(?:trabaj\w*|regulariz\w*|arregl\w*|consigu\w*|sac\w*|tramit\w*|piden|papeles"
        r"|permiso)",
        r"\b(?:les |te |le |se )?(?:saca|sacan|sacamos|tramita|tramitan|gestiona|gestionan|maneja|manejan"
        r"|se encarga|se encargan|nos encargamos|buscamos) (?:\w+ ){0,2}?(?:el |la |los |las |tu |su "
        r"|sus )?(?:carta de invitacion|libreta de mar|tarjeta humanitaria|patrocinador)\b",
        rf"\b(?:les |te |le |se )?(?:saca|sacan|sacamos|tramita|tramitan|gestiona|gestionan|maneja|manejan"
        rf"|se encarga|se encargan|nos encargamos) (?:\w+ ){{0,2}}?(?:el |la |los |las |tu |su "
        rf"|sus )?(?:permiso|residencia|papeles|papeleo|visa)\b(?: \w+){{0,3}}? (?:{_LATER_ES}"
        rf"|una vez (?:llegad\w*|alla|alli))\b",
        r"\bno importa si no (?:tienen|tienes|tenes|teneis|tiene|tengas|tengan) (?:papeles|visa|documentos"
        r"|pasaporte)|\blos que no tengan papeles\b|\bni (?:papeles|pasaporte|visa)\b",
        r"\b(?:por|en) (?:la )?(?:trocha|trochas|paso no habilitado|pasos no habilitados|yola|peñero|penero"
        r"|lancha|frontera)\b|\bsin pasar (?:el )?control\b|\bte (?:cruzamos|pasamos|movemos)\b"
        r"|\bnosotros (?:te |los |las )?(?:cruzamos|pasamos)\b|\bun guia te cruza\b",
        r"\b(?:con los papeles|con el pasaporte|con la cedula) de otr[oa]\b|\bcomo si fuera su (?:mama|hija"
        r"|sobrina|hermana)\b|\bcomo (?:sus )?sobrin[oa]s\b|\bvisas? (?:de trabajo )?garantizadas?\b",
    )
    PATTERNS_EN = (
        rf"\bno (?:need (?:for|of) (?:a |any )?|)(?:{_PAPERS_EN}) (?:needed|required|necessary|necesary"
        rf"|no problem|not needed|not required|needed|is fine|ok)\b",
        rf"\b(?:don'?t|do not|doesn'?t|does not|won'?t|will not|dont) (?:need|require) (?:a |any |your "
        rf"|the )?(?:{_PAPERS_EN})\b",
        rf"\bno need (?:for|of|to (?:get|have|apply for)) (?:a |any )?(?:{_PAPERS_EN})\b",
        r"\bwithout (?:a |any |the )?(?:visa|visas|papers|paperwork|work permit|permit|documents|passport)\b",
        rf"\b(?:we|they|agent|agency|boss|sponsor|employer|company|he|she|i) (?:will |can |shall "
        rf"|'ll )?(?:fix|fixes|arrange|arranges|sort out|sorts out|sort|handle|handles|process|get|gets"
        rf"|organi[sz]e|regulari[sz]e) (?:\w+ ){{0,2}}?(?:your |the "
        rf"|all )?(?:{_PAPERS_EN})\b(?:{GAP}\b(?:there|on arrival|after (?:you )?arriv\w*|when you (?:get"
        rf"|arrive)|later|once you (?:land|arrive|are there)))?",
        rf"\b(?:{_PAPERS_EN}) (?:\w+ ){{0,3}}?(?:fixed|sorted(?: out)?|arranged|regulari[sz]ed|processed"
        rf"|handled|done|settled) (?:\w+ ){{0,2}}?(?:there|on arrival|after (?:you )?arriv\w*|later"
        rf"|when you (?:get|arrive)|once you)\b",
        r"\b(?:cross|crossing|crossed|go|going|travel|enter|entering) (?:\w+ ){0,3}?(?:the border|by boat"
        r"|on foot|through the desert|by sea|the river|the sea|with (?:a |our )?guide|without checks"
        r"|through the bush)\b",
        r"\b(?:enter|travel|come|go|fly) (?:\w+ ){0,2}?(?:on|with|using) (?:a )?(?:tourist|visit|visitor"
        r"|holiday|student) visa (?:\w+ ){0,4}?(?:and|then|but)\b",
        r"\b(?:fake|false|borrowed|forged) (?:papers|passports?|documents|visas?|ids?)\b",
        r"\b(?:skip|avoid|bypass|no) (?:the )?(?:immigration|border) (?:checks?|control|officers)\b",
        r"\b(?:on|with|using|a|as) (?:a )?(?:tourist|visit|visitor|holiday|student"
        r"|calling)(?: visa)?\b(?: [\w,]+){0,10}? (?:work|change|changed|convert|converted|employment visa"
        r"|work visa|work permit|iqama|akama|working visa|working permit)\b",
        r"\b(?:visa|visas|papers|work permit|akama|iqama) (?:\w+ ){0,3}?(?:will be|to be|get|gets) (?:made"
        r"|done|fixed|sorted|converted|changed|managed|arranged) (?:\w+ ){0,2}?(?:there|after|on arrival"
        r"|inside|when)\b",
        r"\b(?:visa|visas) (?:\w+ )?(?:guaranteed|fast ?track\w*)\b|\bfree visa\b|\bthrough our (?:contact"
        r"|man|guy) in the embassy\b",
        r"\b(?:via|through|by road through|by boat|by launch|by road) (?:\w+ ){0,3}?(?:libya|agadez|niger"
        r"|burkina|backdoor|the desert|the coast)\b|\bbackdoor\b|\bno passport check\b"
        r"|\bwalang passport check\b",
        r"\b(?:age|date of birth|dob) (?:will be |was )?(?:made|changed|fixed|adjusted)\b"
        r"|\bon the family'?s papers\b|\bas a family member\b",
    )
    NEGATION_WINDOW = 40
    NEGATIONS = (
        r"\b(?:nunca|jamas|never|not|no enviamos|no mandamos|we do not send|we never)\b (?:\w+ ){0,3}?(?:sin"
        r"|without)\b",
        r"\b(?:legal|legales|legalmente|en regla|oficial|oficiales|antes de viajar|before (?:you )?travel\w*"
        r"|before departure|prior to departure|legally)\b",
        r"\b(?:ciudadan\w*|nacionales|residentes legales|citizens?|nationals|permanent residents?)\b",
    )
