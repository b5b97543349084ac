"""MONEY_MULE: pay for moving parcels, cash or transfers, lending a bank account, carrying a bag.

Recruiters of forced criminality offer "easy money" for receiving and forwarding what others send.
Courier work with a named company and normal deliveries is not this: the rules need receiving and
re-sending, a personal bank account, or carrying goods across a border.
"""

from __future__ import annotations

from models.indicators.recognizers.base import PatternRecognizer

_GOODS_ES = (
    r"paquetes?|encomiendas?|paqueteria|transferencias?|depositos?|dinero|plata|pagos?|giros?|remesas?|fondos"
    r"|efectivo|mercaderia|mercancias?|envios?"
)
_GOODS_EN = (
    r"packages?|parcels?|payments?|funds|money|transfers?|wires?|deposits?|cash|checks?|cheques?|goods"
    r"|shipments?|merchandise|crypto"
)


class MoneyMuleRecognizer(PatternRecognizer):
    CODE = "MONEY_MULE"
    PATTERNS_ES = (
        rf"\b(?:recib\w*|cobr\w*) (?:y (?:reenvi\w*|envi\w*|mand\w*|transfer\w*|deposit\w*"
        rf"|retir\w*) )?(?:\w+ ){{0,2}}?(?:{_GOODS_ES})\b(?: [\w,]+){{0,6}}? (?:y|para) (?:luego "
        rf"|despues )?(?:los |las |lo |la )?(?:reenvi\w*|envi\w*|mand\w*|transfer\w*|deposit\w*|retir\w*"
        rf"|pas\w*)",
        rf"\b(?:reenvi\w*|reexpedi\w*) (?:de )?(?:{_GOODS_ES})\b",
        r"\b(?:prest\w*|alquil\w*|rent\w*|usar|usamos|uses|abr\w*|facilit\w*) (?:\w+ ){0,2}?(?:tu |tus |una "
        r"|su |sus |la |las )?(?:cuentas?|tarjetas?) (?:bancari\w*|de banco|de ahorro|a tu nombre|debito)",
        r"\b(?:cuentas?|tarjetas?) (?:bancari\w*|de banco) (?:\w+ ){0,4}?(?:para recibir|a tu nombre"
        r"|para (?:mover|pasar|cobrar))",
        r"\b(?:llev\w*|carg\w*|pas\w*|cruz\w*|trae\w*|traig\w*|transport\w*) (?:una |un |unas |unos |la "
        r"|el )?(?:maletas?|valijas?|bultos?|mochilas?|encargos?|paquetes?|encomiendas?|mercancia"
        r"|cajas?)(?: [\w,]+){0,6}? (?:a|hasta|al otro lado|por la frontera|en el avion|en el bus"
        r"|por el aeropuerto|de un pais|sin preguntar|sin abrir)\b",
        r"\bsin (?:hacer )?preguntas\b|\bno (?:hagas|hace falta hacer|se hacen) preguntas\b",
        r"\b(?:comision|ganas|te quedas con) (?:el |un )?\d{1,2} ?%(?: [\w,]+){0,5}? (?:de cada|por cada|del"
        r"|de lo que) (?:\w+ )?(?:transferencia|deposito|giro|envio|pago|monto)",
        r"\bmover dinero\b|\bmulas?\b",
    )
    PATTERNS_EN = (
        rf"\b(?:receive|receiving|accept|accepting|collect"
        rf"|collecting) (?:\w+ ){{0,2}}?(?:{_GOODS_EN})\b(?: [\w,]+){{0,6}}? (?:and|then"
        rf"|to) (?:\w+ )?(?:forward|forwarding|reship|reshipping|resend|send (?:it |them )?(?:on|out|back)"
        rf"|transfer|transferring|wire|wiring|deposit|withdraw|pass)",
        rf"\b(?:reship\w*|re-ship\w*|forward(?:ing)?) (?:of )?(?:{_GOODS_EN})\b",
        r"\b(?:use|using|lend|lending|rent|renting|open|opening|borrow) (?:\w+ ){0,2}?(?:your |a |new "
        r"|personal )?(?:bank )?(?:accounts?|cards?) (?:\w+ ){0,3}?(?:to receive|for (?:payments|transfers"
        r"|deposits|us)|in your name)",
        r"\b(?:payment|payments|financial|transfer|money transfer|funds"
        r"|remittance) (?:processing )?(?:agents?|processors?|representatives?|managers?|officers?"
        r"|assistants?)\b",
        r"\b(?:carry|carrying|bring|bringing|take|taking|transport) (?:a |an |one |some |the )?(?:suitcases?"
        r"|bags?|luggage|packages?|parcels?|boxes?)(?: [\w,]+){0,6}? (?:to|across|through|on the flight|past"
        r"|into|from)\b(?! (?:the |your |our )?(?:room|door|kitchen|car|truck|warehouse|office))",
        r"\bno questions asked\b|\bdon'?t ask questions\b",
        r"\bkeep (?:\d{1,2} ?%|a (?:cut|percentage|commission)) (?:\w+ ){0,4}?(?:of )?(?:each|every"
        r"|the) (?:transfer|payment|deposit|amount)",
        r"\bmoney mules?\b|\bmove money\b",
    )
    NEGATION_WINDOW = 40
    NEGATIONS = (
        r"\b(?:nunca|jamas|never|we will never|no te pediremos|we never ask|we will not ask)\b",
        r"\b(?:empresa de mensajeria|courier company|delivery company|de reparto)\b",
    )
