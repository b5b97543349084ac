"""CHILD_DOMESTIC_PLACEMENT: a girl or boy sought to live in and do housework for board or schooling.

"Se busca niña para ayudar en casa a cambio de estudio" is child domestic servitude (criadazgo),
decisive alone. A family seeking a nanny *for* its children is not: the child must be the worker,
so the rules need the child noun next to a work verb, or the board-for-schooling bargain.
"""

from __future__ import annotations

import re

from models.indicators.recognizers.base import PatternRecognizer

_CHILD_ES = (
    r"ninas?|ninos?|ninitas?|patojas?|patojitas?|chamaquitas?|chiquitas?|cipotitas?|dalagitas?|nenas?"
    r"|chamacas?|chamaquitas?|chiquillas?|chiquitas?|jovencitas?|muchachitas?|peladitas?|cipotas?|cipotillas?"
    r"|guambras?|gurisas?|chinitas?|cabritas?|pibas?|changuitas?|chicas? (?:de|del) (?:campo|pueblo|provincia"
    r"|interior|rancho|monte)|sobrinitas?|criaditas?|menor(?:es)?(?: de edad)?|adolescentes?"
    r"|hijas? de crianza|chica joven de (?:1[0-7]|[89])"
)
_WORK_ES = (
    r"ayud\w*|cuid\w*|limp\w*|los quehaceres|quehaceres|oficios|labores|tareas de la casa|la casa|el hogar"
    r"|la cocina|lavar|planchar|cocinar|servir|atender|trabaj\w*|vivir con|vivir en casa|quedarse en casa"
    r"|acompan\w*|hacer mandados|mandados|cargar al bebe|la bebe|el bebe"
)
_BARGAIN_ES = (
    r"(?:a cambio de|por|y le damos|le damos|le pagamos|le ponemos|le costeamos|le damos el|incluye"
    r"|con) (?:su |el |la |sus |los )?(?:casa|techo|comida|alimentacion|estudio|estudios|escuela|colegio"
    r"|uniformes|utiles|cuadernos|ropa)(?:,? (?:y |comida|casa|estudio\w*|escuela|colegio|ropa|techo"
    r"|alimentacion)){0,3}"
)
_CHILD_EN = (
    r"young house ?helps?|small boys?|small girls?|little girls?|little boys?|girls?|boys?|young girls?"
    r"|house ?girls?|house ?boys?|houseboys?|housegirls?|house helps?|child(?:ren)?|teenage (?:girl|boy)s?"
    r"|teen (?:girl|boy)s?|minors?|maids? (?:aged|of) (?:1[0-7]|[89])|small girls?|village girls?|niece"
    r"|nephew"
)
_WORK_EN = (
    r"help (?:with|in|around|at)|assist|do (?:the )?(?:house ?work|chores|cleaning|dishes|laundry)"
    r"|house ?work|chores|domestic|babysit\w*|take care of|look after|live (?:with|in)|stay (?:with|in)|clean"
    r"|cook|wash|serve"
)


#: What a child-domestic sign is about: a home, housework, care of children, living with a family.
_DOMESTIC_CUE = re.compile(
    r"\b(?:casas?|hogar|hogares|familias?|quehaceres?|oficios?|labores|domestic\w*|limpi\w*|lav\w*|planch\w*"
    r"|cocin\w*|cuid\w*|bebes?|ninos|ninas|nenes|chiquitos|peques|mandados|vivir|viva|vive|planta|adentro"
    r"|interna|house\w*|home|homes|household|chores|clean\w*|cook\w*|wash\w*|babysit\w*|baby|babies|children"
    r"|kids|live|stay|family|families|maid|helper|help|estudi\w*|colegio|escuela|school\w*)\b"
)


class ChildDomesticPlacementRecognizer(PatternRecognizer):
    CODE = "CHILD_DOMESTIC_PLACEMENT"
    PATTERNS_ES = (
        rf"\b(?:se )?(?:busca\w*|necesit\w*|solicit\w*|requier\w*|quiero|queremos|recibimos|recibo|traigo"
        rf"|traemos|traer|tengo|ofrezco|ofrecemos|doy|damos|mando|mandamos)(?: a)? (?:una |un |dos |unas "
        rf"|unos |mi |su )?(?:{_CHILD_ES})\b(?: [\w,]+){{0,8}}? (?:para|que (?:pueda|quiera|sepa|ayude|cuide"
        rf"|haga|viva)|y) (?:\w+ ){{0,2}}?(?:{_WORK_ES})",
        rf"\b(?:{_CHILD_ES}) (?:de|entre) (?:[89]|1[0-7])(?: (?:a|y"
        rf"|-) ?1[0-7])? anos?\b(?: [\w,]+){{0,6}}? (?:para|que) (?:\w+ ){{0,2}}?(?:{_WORK_ES})",
        rf"\b(?:{_CHILD_ES})\b(?: [\w,]+){{0,10}}? {_BARGAIN_ES}\b",
        rf"\b{_BARGAIN_ES}\b(?: [\w,]+){{0,8}}? (?:{_CHILD_ES})\b",
        r"\b(?:la |lo )?(?:mandamos|enviamos|ponemos|inscribimos|metemos) (?:a|en) (?:la )?(?:escuela|colegio"
        r"|estudiar)\b|\ble (?:damos|pagamos|costeamos) (?:el |los |sus |la )?(?:estudios?|escuela"
        r"|colegio)\b",
        r"\bde (?:[89]|1[0-7]) (?:a 1[0-7] )?anos? para (?:ayudar|los oficios|la casa|los quehaceres|cuidar"
        r"|el hogar|labores|oficios)",
        r"\b(?:de|del) (?:campo|pueblo|provincia|interior|rancho|monte|la sierra|la montana) (?:para"
        r"|que) (?:\w+ ){0,2}?(?:ayud\w*|cuid\w*|limp\w*|los quehaceres|oficios|labores|vivir con)",
        # Living in with the family, with schooling or money to the parents as the "pay".
        r"\b(?:le|la|lo|se le) (?:damos|doy|da|dan|pagamos|pago|paga|pagan|ponemos|pongo|ponen|matriculamos"
        r"|matriculo|hago|hacemos|ayudamos|ayudo|ayuda|costeamos|dara|daremos) (?:\w+ ){0,4}?(?:estudi\w*"
        r"|colegio|escuela|al colegio|a estudiar)\b",
        r"\b(?:le|les) (?:mando|mandamos|mandan|manda|giran?|giramos|enviamos"
        r"|envian?) (?:\w+ ){0,3}?(?:a la mama|a su mama|a los papas|a sus papas|a la abuela|a su familia"
        r"|a la familia|a los padres|a sus padres)\b",
        r"\b(?:mandar|enviar|traer|dejar) (?:a )?(?:su|tu|la) (?:hijita|hija|nena|nina|sobrina|sobrinita)\b"
        r"|\bsu mama (?:me )?la (?:puede|va a) (?:venir a )?(?:dejar|traer|mandar)\b",
        rf"\b(?:{_CHILD_ES})\b(?: [\w,]+){{0,12}}? (?:para que|pa'? que|que) (?:\w+ ){{0,2}}?(?:viva"
        rf"|venga a vivir|se quede|se venga|me ayude|le ayude|les ayude|nos ayude|ayude|cuide|les cuide"
        rf"|me cuide|haga el oficio|limpie)\b",
    )
    PATTERNS_EN = (
        rf"\b(?:need|needs|needed|want|wanted|looking for|seeking|seek|require|required|get|bring|send)(?: a"
        rf"| an| one| two)? (?:{_CHILD_EN})\b(?: [\w,]+){{0,8}}? (?:to|who (?:can|will)"
        rf"|for) (?:\w+ ){{0,2}}?(?:{_WORK_EN})",
        rf"\b(?:{_CHILD_EN}) (?:aged?|of) (?:[89]|1[0-7])(?: ?(?:-|to) ?1[0-7])?(?: years?(?: old)?"
        rf"| yrs?)?(?: [\w,]+){{0,6}}? (?:to|for|who can) (?:\w+ ){{0,2}}?(?:{_WORK_EN})",
        r"\b(?:in exchange for|in return for) (?:her |his |their )?(?:school(?:ing)?|education|school fees"
        r"|food and (?:school|shelter))\b|\bfor (?:her|his|their) (?:school(?:ing)?|education|school fees)\b",
        r"\b(?:we|i|madam|family) (?:will )?(?:send|put|enrol|enroll|sponsor|pay for) (?:her|him|the (?:girl"
        r"|boy|child)) (?:to|through|in|for|'s)? ?(?:school|schooling|education|school fees|lessons)\b",
        r"\b(?:house ?girls?|house ?boys?|house ?helps?|housemaids?) (?:\w+ ){0,3}?(?:aged?|of|from"
        r"|between) (?:[89]|1[0-7])\b|\b(?:[89]|1[0-7])(?:-1[0-7])?[- ]?(?:years?[- ]old|yrs?"
        r"|yo) (?:house ?girl|house ?help|maid|girl to help|boy to help)\b",
        r"\bfrom (?:the )?(?:village|province|countryside|rural area)s? (?:to|who can) (?:\w+ ){0,2}?(?:help"
        r"|assist|do|live|stay|clean|cook|babysit|take care)",
        rf"\b(?:{_CHILD_EN})\b(?: [\w,]+){{0,4}}? (?:around |about |between |aged? |of )?(?:[89]"
        rf"|1[0-7])(?: ?(?:-|to|or|and) ?1[0-7])? ?(?:years?|yrs?|y/?o)?(?: old)?(?: [\w,]+){{0,8}}? (?:for"
        rf"|to|as|who can) (?:\w+ ){{0,2}}?(?:house ?work|household|house ?helps?|help|domestic|stay|live"
        rf"|babysit\w*|the baby|the children|cook|clean|chores)",
        r"\b(?:girls?|boys?|children|kids) (?:\w+ ){0,4}?from (?:the |my |our |his |her )?(?:village|province"
        r"|provinces|upcountry|north|northern region|rural areas?|countryside)\b",
    )
    NEGATION_WINDOW = 60
    NEGATIONS = (
        r"\b(?:para|por|de) (?:cuidar|atender|acompanar) (?:a )?(?:nuestr|mis|mi|sus|su|los|las|dos"
        r"|tres)\w* (?:hij|nin|nen|bebe)\w*",
        r"\b(?:mayor(?:es)? de (?:18|edad|dieciocho)|18\+|over 18|18 or over|18 and over|adults? only"
        r"|adult woman|adult)\b",
        r"\b(?:care of|look after|babysit|take care of) (?:our|my|two|three|the family'?s"
        r"|their) (?:\w+ )?(?:kids|children|son|daughter|boy|girl|baby|twins)\b",
    )

    def negation_within(self, text: str, start: int, end: int) -> bool:
        """A learned segment that mentions no home, housework, care or schooling is no placement."""
        segment = text[start:end]
        return super().negation_within(text, start, end) or _DOMESTIC_CUE.search(segment) is None
