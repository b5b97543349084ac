"""contract: a written contract, signed before travel or starting, in the worker's language, with a copy.

A plain contract length ("contrato 6 meses", "contract length 6 months") is not a protection, so a
qualifier is required: written, signed, legal, in a language, with a copy, before departure. A
contract promised only on arrival or after a trial, or refused ("no contract, verbal agreement"),
cancels the match in its sentence.
"""

from __future__ import annotations

from models.indicators.protective.base import CLAUSE, CLAUSE_GAP, CONDITIONAL, ProtectiveRecognizer

_CONTRACT_ES = r"contratos?(?: (?:de trabajo|laboral(?:es)?|individual de trabajo|de empleo))?"
_QUALITY_ES = (
    r"por escrito|escritos?|firmados?|legal(?:es)?|formal(?:es)?|en regla|oficial(?:es)?|(?:redactado )?en "
    r"(?:espanol|castellano|ingles|frances|portugues|ambos idiomas|tu idioma|su idioma|tu lengua|su lengua"
    r"|su propio idioma|tu propio idioma)"
)
_BEFORE_ES = (
    r"antes de (?:viajar|salir|la salida|partir|embarcar|la incorporacion|incorporarte|incorporarse|empezar"
    r"|comenzar|iniciar|tu viaje|su viaje|cualquier viaje|tu llegada|su llegada|firmar(?:lo)?|firmar nada"
    r"|pagar nada)"
)
_CONTRACT_EN = r"(?:employment |work |job |labou?r |service )?(?:contracts?|agreements?)"
_QUALITY_EN = (
    r"written|signed|formal|legal|proper|official|legally binding|binding|clear|standard"
    r"|government[- ]approved"
    r"|poea[- ]approved|dmw[- ]approved|verified"
)
_LANG_EN = (
    r"your (?:own )?language|a language you understand|english|spanish|filipino|tagalog|hindi|tamil|french"
    r"|arabic|portuguese|twi|yoruba|hausa|igbo"
)
_BEFORE_EN = (
    r"before (?:departure|deployment|you (?:travel|leave|fly|depart|start)|travel(?:ling)?|boarding|arrival"
    r"|your (?:flight|trip|departure)|starting|you sign anything|you pay anything)"
)


class ContractRecognizer(ProtectiveRecognizer):
    CODE = "contract"
    PATTERNS_ES = (
        # "Contrato por escrito en español", "contrato escrito a plazo fijo con copia para el trabajador".
        rf"\b{_CONTRACT_ES} (?:\w+ ){{0,2}}?(?:{_QUALITY_ES})\b{CLAUSE}",
        # "Firmamos contrato legal", "cada trabajo se firma con contrato por escrito".
        rf"\b(?:firmamos|firmas|firma|firman|se firma|se firman|firmaras|firmara|firmaran|firmar|firmaremos)"
        rf" (?:con )?(?:un |el |tu |su |los )?{_CONTRACT_ES}\b{CLAUSE}",
        # "El contrato se firma en Guatemala, en español, antes de viajar".
        rf"\b{_CONTRACT_ES} (?:se firma|se firman|es firmado|sera firmado|se entrega|se envia|lo firmas"
        rf"|lo recibes|se explica|se traduce)\b{CLAUSE}",
        rf"\b{_CONTRACT_ES}\b{CLAUSE_GAP}\b{_BEFORE_ES}\b",
        # "Contrato de trabajo desde el primer día", "contrato laboral desde el inicio".
        rf"\b{_CONTRACT_ES} (?:\w+ ){{0,2}}?desde el (?:primer|1er) dia\b(?:,? (?:signed"
        rf"|firmado) \w+(?: \w+){{0,3}})?",
        # "Cada trabajador recibe su copia", "con copia para el trabajador".
        r"\b(?:recibe|recibes|reciben|recibira|recibiras|te quedas con|se queda con|entregamos|te damos"
        r"|le damos|se entrega) (?:una |su |tu )?copia(?: firmada)?(?: del contrato)?\b",
        r"\b(?:tu|su) copia (?:firmada )?del contrato\b",
        r"\bcopia (?:firmada )?(?:del contrato )?para (?:el trabajador|la trabajadora|ti|usted"
        r"|cada trabajador"
        r"|el empleado|la empleada)\b",
    )
    PATTERNS_EN = (
        # "a written contract stating fees and fitting times", "All trainees sign a legal contract".
        rf"\b(?:{_QUALITY_EN}) (?:employment |work |job |labou?r |service )?(?:contracts?|agreements?)\b"
        r"(?:,? (?:in|stating|that states|showing|setting out|with|before|which|signed|reviewed|given"
        r"|provided"
        rf"|explaining|listing|copy)\b{CLAUSE})?",
        # "Contract provided in Spanish", "Employment contract reviewed and signed at our office".
        rf"\b{_CONTRACT_EN} (?:is |are |will be |gets? |to be )?(?:reviewed and |explained and |read and "
        rf"|fully )?"
        rf"(?:signed|provided|given|issued|explained|translated|sent|shared)\b{CLAUSE}",
        rf"\bsign (?:a |the |your |an )?(?:{_QUALITY_EN} )?{_CONTRACT_EN}\b{CLAUSE}",
        rf"\b{_CONTRACT_EN} in (?:{_LANG_EN})\b{CLAUSE}",
        rf"\b{_CONTRACT_EN}\b{CLAUSE_GAP}\b{_BEFORE_EN}\b",
        # "Contract from day one", "signed before you start".
        rf"\b{_CONTRACT_EN} from (?:day one|day 1|the first day|your first day)\b|\bsigned {_BEFORE_EN}\b",
        # "copy given to you", "you get your own copy".
        r"\bcopy (?:of (?:the |your )?(?:contract|agreement) )?(?:is )?(?:given|provided|handed"
        r"|sent) to you\b"
        r"|\b(?:you|workers?|each worker|every worker) (?:will )?(?:get|gets|receive|receives|keep"
        r"|keeps) (?:a "
        r"|your (?:own )?|their (?:own )?)?(?:signed )?copy\b",
    )
    NEGATIONS = (
        *CONDITIONAL,
        r"\b(?:sin|no hay|no hay ningun|no se (?:da|firma|entrega|hace)|no (?:damos|firmamos|entregamos"
        r"|ofrecemos|hacemos)|no) (?:un )?contrato\b|\bno (?:written )?contract\b|\bwithout (?:a |any )?"
        r"(?:written )?contract\b",
        r"\b(?:do|does|will|we|they) not (?:provide|give|offer|sign|issue)\b|\b(?:don'?t|doesn'?t|won'?t) "
        r"(?:provide|give|offer|sign|issue)\b|\bverbal\b|\bde palabra\b|\bverbal(?:mente)?\b",
        r"\b(?:al llegar|a la llegada|a su llegada|a tu llegada|cuando llegues|cuando llegue|una vez (?:alla"
        r"|en destino|que llegues|que llegue)|en destino)\b|\b(?:on|upon) arrival\b"
        r"|\bafter (?:you )?(?:arrive"
        r"|arrival|reach|get there|landing)\w*|\bwhen you (?:arrive|reach|get there|land)\b",
    )
