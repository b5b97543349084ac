"""CHAT_ONLY_INTERVIEW: interview and hiring by text chat only, no call, details asked at once.

Weak: some small employers do interview on WhatsApp. With other signs it marks the job scams whose
"recruiter" never shows a voice or a face.
"""

from __future__ import annotations

from models.indicators.recognizers.base import PatternRecognizer

_CHAT_ES = (
    r"chat|chats|telegram|whatsapp|whats ?app|wsp|wpp|wasap|mensajes?(?: de texto)?|texto|signal|hangouts?"
    r"|messenger|inbox|escrito|escrita"
)
_CHAT_EN = (
    r"chat|chats|telegram|whatsapp|text(?:s| message)?|signal|hangouts?|google hangouts|messenger"
    r"|instant messag\w*|wickr|skype chat|im"
)


class ChatOnlyInterviewRecognizer(PatternRecognizer):
    CODE = "CHAT_ONLY_INTERVIEW"
    PATTERNS_ES = (
        rf"\b(?:entrevistas?|seleccion|proceso de seleccion|contratacion"
        rf"|reclutamiento) (?:\w+ ){{0,3}}?(?:por|via|en|x|mediante|a traves de) (?:\w+ )?(?:{_CHAT_ES})\b",
        r"\bsin entrevistas?\b|\bno (?:hay|hace falta|necesitas|requiere) (?:\w+ )?entrevistas?\b",
        r"\b(?:te )?(?:contratamos|contrato|quedas contratad[oa]) (?:\w+ ){0,3}?(?:por|en el|x) (?:chat"
        r"|whatsapp|telegram|mensaje)\b",
        r"\b(?:envia|manda|pasa|enviar|mandar|pasar)(?:nos|me)? (?:\w+ ){0,2}?(?:tus |su "
        r"|sus )?(?:datos bancarios|numero de cuenta|cuenta bancaria|foto (?:de tu|del) (?:dni|cedula|ine"
        r"|documento))\b",
    )
    PATTERNS_EN = (
        rf"\b(?:interviews?|interviewed|screening|hiring process|onboarding"
        rf"|recruitment) (?:\w+ ){{0,3}}?(?:via|on|by|over|through|thru|in) (?:\w+ )?(?:{_CHAT_EN})\b",
        rf"\b(?:{_CHAT_EN})[- ]?(?:based )?interviews?\b",
        r"\bno (?:\w+ )?interviews? (?:needed|required|necessary)\b|\bwithout (?:an |any )?interviews?\b"
        r"|\bhired (?:on the spot|immediately|instantly|the same day)\b",
        r"\b(?:send|provide|share) (?:us |me )?(?:your )?(?:bank (?:details|account(?: details)?|info)"
        r"|account number|ssn|social security number|a photo of your id)\b",
    )
