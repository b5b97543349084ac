"""URGENCY: pressure to decide at once (weak: legitimate ads are urgent too)."""

from __future__ import annotations

from models.indicators.recognizers.base import PatternRecognizer

_SPOTS_ES = r"cupos|plazas|vacantes|lugares|puestos"
_SPOTS_EN = r"spots|places|spaces|positions|vacancies|slots|seats|openings"
_FEW = r"\d+|dos|tres|cuatro|cinco|pocos|pocas|two|three|four|five|a few|few"


class UrgencyRecognizer(PatternRecognizer):
    CODE = "URGENCY"
    PATTERNS_ES = (
        r"\burgente(?:s|mente)?\b|\burge\b|\burgen\b",
        r"\b(?:viaje|salida|incorporacion|ingreso|inicio|contratacion|vacante) (?:inmediat[oa]|urgente|ya)\b",
        r"\b(?:salida|salidas|viaje|viajamos|viajas|sales|salimos|salen) (?:esta|este|la proxima|el proximo"
        r"|en) (?:semana|fin de semana|mes|\d+ dias|pocos dias)\b",
        rf"\b(?:{_SPOTS_ES}) (?:muy )?limitad[oa]s\b|\b(?:ultim[oa]s|poc[oa]s) (?:{_SPOTS_ES})\b",
        rf"\b(?:solo |solamente )?quedan (?:solo )?(?:{_FEW}) (?:{_SPOTS_ES})\b",
        r"\b(?:hoy mismo|solo por hoy|solo hoy|cierre hoy|no pierdas (?:esta|la) oportunidad|con urgencia"
        r"|por orden de llegada|ultimo aviso|ultima llamada|no te quedes afuera|respuesta hoy"
        r"|responde hoy)\b",
        rf"\b(?:{_SPOTS_ES}) (?:contad[oa]s|limitad[oa]s)\b|\b(?:ultim[oa]s"
        rf"|poc[oa]s) (?:\d+ )?(?:{_SPOTS_ES})\b",
        r"\b(?:viaje|viajes|salida|se viaja|viajamos|entrevistas?|casting|inicio) (?:esta misma semana"
        r"|este (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|el proximo (?:lunes|martes|miercoles"
        r"|jueves|viernes|sabado|domingo)|manana)\b|\b(?:para )?empezar ya\b",
    )
    PATTERNS_EN = (
        r"\burgent(?:ly)?\b",
        r"\b(?:immediate|asap) (?:start|departure|travel|hire|hiring|placement|joining|vacanc(?:y|ies))\b",
        r"\bstart (?:immediately|asap|today|tomorrow|this week)\b",
        r"\b(?:leave|leaving|travel|fly|depart|departure|departing) (?:this|next) (?:week|weekend)\b",
        rf"\blimited (?:{_SPOTS_EN})\b|\b(?:last|final) (?:few )?(?:{_SPOTS_EN})\b",
        rf"\b(?:only|just) (?:{_FEW}) (?:{_SPOTS_EN}) (?:left|remaining|available)\b",
        r"\b(?:hiring|needed|wanted|required) (?:immediately|asap|today)\b",
        r"\b(?:apply|reply|respond|start|sell|needed|need(?:ed)? to sell|call) (?:now |today )?(?:asap"
        r"|right away)\b|\b(?:reply|respond|apply) today\b|\btoday only\b|\bfirst come,? first served\b"
        r"|\blast call\b",
        rf"\b(?:few|limited) (?:{_SPOTS_EN}) (?:left|remaining)\b|\b(?:{_SPOTS_EN}) (?:are )?limited\b",
        r"\b(?:flights?|travel|interviews?|casting|departure) (?:leaves? |is |are |in )?(?:this|next) (?:week"
        r"|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\binterviews? tomorrow\b"
        r"|\btravel in (?:a few|\d+) days\b|\bdon'?t miss out\b|\bregistration closes\b",
    )
