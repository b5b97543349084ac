"""JOB_ABROAD_DECEPTIVE: a job in another country (weak alone; fires on the abroad-work phrase).

Whether "Madrid" is abroad depends on the reader, so cities are left out; countries, regions and
"el exterior" / "overseas" are matched after a job word ("trabajo en España", "workers for Spain").
"""

from __future__ import annotations

from models.indicators.recognizers._lexicon import DEST_EN, DEST_ES
from models.indicators.recognizers.base import PatternRecognizer

_JOB_ES = (
    r"trabaj\w*|emple(?:o|os)|vacantes?|chambas?|jales?|laburos?|puestos?|plazas|ofertas? laboral(?:es)?"
    r"|oferta de (?:trabajo|empleo)|oportunidad(?:es)?|contratos?|temporada|cosecha|seleccion de personal"
    r"|personal|operari[oa]s|recolector\w*|cuidador\w*|trabajador\w*|obrer[oa]s|meser[oa]s|cociner[oa]s"
    r"|camarer[oa]s|empleadas|limpiadoras|niñeras|ninera?s|hombres y mujeres|familias|hoteles|restaurantes"
    r"|cruceros|fabricas?|fincas|clubes|anfitrionas|modelos|bailarinas"
)
_WHO_ES = r"senoritas|chicas|damas|jovenes|personal|modelos|azafatas|bailarinas|anfitrionas|edecanes"
_JOB_EN = (
    r"work(?:ing|ers)?|jobs?|employment|vacanc(?:y|ies)|positions?|opportunit(?:y|ies)|openings?|season"
    r"|contracts?|recruitment|staff|crew|pickers|caregivers|carers|nannies|cleaners|housemaids|maids"
    r"|operators|labou?rers|drivers|waiters|cooks|families|hotels|resorts|restaurants|farms|factories"
    r"|care homes|men and women|ladies|girls|hostesses|models|dancers|entertainers|new faces"
)


class JobAbroadRecognizer(PatternRecognizer):
    CODE = "JOB_ABROAD_DECEPTIVE"
    PATTERNS_ES = (
        rf"\b(?:{_JOB_ES}) (?:[\w,]+ ){{0,4}}?(?:en|para|a|hacia|al|de) (?:el |la |los )?(?:{DEST_ES})\b",
        rf"\b(?:{_WHO_ES}) (?:\w+ ){{0,2}}?para (?:el |la )?(?:{DEST_ES})\b",
        rf"\bviaj\w* (?:a|al|hacia|para) (?:el |la )?(?:{DEST_ES}) (?:\w+ )?(?:a |para )trabajar\b",
        rf"\b(?:{_JOB_ES}) (?:fuera del pais|afuera|en el otro lado)\b|\btrabajar (?:afuera|fuera)\b",
        rf"\b(?:se embarca|embarque|bandera extranjera)\b(?: \w+){{0,3}}? (?:en )?(?:{DEST_ES})?",
    )
    PATTERNS_EN = (
        rf"\b(?:{_JOB_EN}) (?:[\w,-]+ ){{0,4}}?(?:in|to|for) (?:{DEST_EN})\b",
        rf"\b(?:{_JOB_EN}) (?:abroad|overseas)\b",
        r"\b(?:travel|relocate|move|moves|fly) (?:abroad|overseas) (?:to|for) work\b|\bin other countries\b",
        rf"\b(?:moves?|relocates?|moving) to (?:{DEST_EN})\b(?: \w+){{0,3}}? you come\b"
        rf"|\bforeign[- ]flagged\b",
    )
    # "authorised to work in the UK" is an eligibility requirement of a local job, not an offer abroad.
    # Named employer and signed, verified contract: the opposite of a vague offer (anywhere nearby).
    NEGATION_WINDOW = 400
    NEGATION_IN_SENTENCE = False
    NEGATIONS = (
        r"\blicen[cs]ed (?:recruitment |employment )?agenc|\bregistered (?:recruitment |employment )?agenc"
        r"|\bagencia (?:de (?:empleo|colocacion) )?autorizada|\bregistro nacional de agencias\b"
        r"|\bau pairs?\b",
        r"\bcontrat\w* (?:de trabajo )?firmado\b|\bcontract signed\b|\bsigned before departure\b"
        r"|\bverified by\b|\brevisado (?:x|por) el consulado\b|\blabou?r (?:office|ministry)\b"
        r"|\bministerios? de trabajo\b",
        r"\b(?:authori[sz]ed|eligib\w*|right|entitled|permission|permitted|able"
        r"|allowed) to (?:legally )?(?:live and )?work\b|\blegally work\b",
        r"\bwork(?:ing)? with (?:clients|customers|partners|teams|offices)\b|\bautorizaci\w+ para trabajar\b",
    )
