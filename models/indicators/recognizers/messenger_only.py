"""MESSENGER_ONLY: contact only by WhatsApp, Telegram or private message; no calls, no office.

"Info por WhatsApp" alone is everyday small-business practice in Latin America; the rules need
"solo"/"only", a private-message channel ("info x interno") or a refusal of calls.
"""

from __future__ import annotations

from models.indicators.recognizers.base import PatternRecognizer

_APP_ES = (
    r"whatsapp|whats ?app|whats|wats|wasap|wassap|guasap|wsp|wpp|wa|telegram|signal|privado|inbox|interno|dm"
    r"|md|mp|mensajes?(?: de texto)?|sms|msj|msjs"
)
_PRIVATE_ES = r"interno|privado|inbox|dm|md|mp|mensaje privado|mensaje directo"
_APP_EN = (
    r"whatsapp|telegram|signal|dms?|pms?|inbox|texts?|sms|messenger|private messages?|direct messages?"
    r"|messages?"
)


class MessengerOnlyRecognizer(PatternRecognizer):
    CODE = "MESSENGER_ONLY"
    PATTERNS_ES = (
        rf"\b(?:solo|solamente|unicamente|exclusivamente) (?:(?:por|x|al|via|a|mediante"
        rf"|a traves de) )?(?:(?:mensajes?|msj|escribir|escribe|escribenos|contacto|info|informacion"
        rf"|consultas) (?:(?:por|x|al|via|a) )?)?(?:{_APP_ES})\b",
        rf"\b(?:info|informacion|informes|detalles|interesad[oa]s|consultas|mas info|requisitos) (?:x|por|al"
        rf"|en|via) (?:{_PRIVATE_ES})\b",
        rf"\b(?:escrib\w*|envi\w*|manda\w*|contact\w*|comunica\w*|hablame|hablar|mensaje|msj)(?: me"
        rf"| nos)? (?:\w+ )?(?:al|por|x|en|a mi|a) (?:{_PRIVATE_ES})\b",
        r"\bno (?:llamadas|llamar|llames|atiendo llamadas|contesto llamadas|se atienden llamadas"
        r"|recibo llamadas)\b|\bsin llamadas\b",
    )
    PATTERNS_EN = (
        rf"\b(?:only|solely|exclusively) (?:(?:via|on|by|through|thru) )?(?:{_APP_EN})\b",
        rf"\b(?:{_APP_EN}|message me|text me|dm me) only\b",
        # A bare "no calls, please" is how formal ads ask for written applications: needs a messenger.
        r"\b(?:text|texts|whatsapp|telegram|messages?|sms|dm|inbox)(?: me"
        r"| us)?(?: only)?,? (?:but )?no (?:phone )?calls\b",
        r"\bno (?:phone )?calls,? (?:just |only )?(?:text|whatsapp|telegram|message|sms|dm)\b",
        r"\b(?:dm|pm|inbox|message) (?:me |us )?for (?:details|info|more (?:info|details)|further details)\b",
        r"\b(?:inbox|dm|pm) (?:me|us)\b|\bslide into (?:my|our) dms\b|\bdm @\w+|\bcomenten? info\b",
    )
