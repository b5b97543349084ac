"""SCAM_COMPOUND_LURE: online, customer-service or crypto work abroad with the flight paid.

The offer that fills scam compounds: "typing" or "customer service" jobs in Southeast Asia or the
Gulf, travel and housing covered, high pay for little skill. Strong, not decisive: real remote
customer-service work exists, so another sign is needed.
"""

from __future__ import annotations

from models.indicators.recognizers.base import PatternRecognizer

_JOB_ES = (
    r"atencion al cliente|servicio al cliente|soporte (?:al cliente|tecnico|en linea)|call ?cent(?:er|re)"
    r"|teleoperador\w*|telemercadeo|digitador\w*|digitacion|captura de datos|data entry|mecanograf\w*"
    r"|marketing digital|ventas (?:en linea|online|por internet|digitales)|comercio electronico|trading"
    r"|cripto\w*|bitcoin|inversiones en linea|casino (?:en linea|online|virtual)|juegos (?:en linea|online)"
    r"|apuestas (?:en linea|online|deportivas)|chat(?:ear)? con clientes|operador(?:a|es)? de chat"
    r"|moderador\w*|redes sociales|community manager|traductor\w* (?:en linea|online)|gaming|esports"
    r"|trabajo (?:en linea|online|con computadora|de oficina)|oficina"
)
_ASIA_ES = (
    r"tailandia|bangkok|camboya|phnom penh|sihanoukville|myanmar|birmania|laos|malasia|kuala lumpur|filipinas"
    r"|manila|vietnam|indonesia|dubai|dubay|emiratos|asia|sudeste asiatico|georgia|turquia"
)
_PAID_ES = (
    r"(?:vuelos?|pasajes?|boletos?|tiquetes?|billetes?|viajes?|visa|visas|alojamiento|hospedaje|vivienda"
    r"|departamento|apartamento|hotel)(?: (?:y|,) (?:\w+ ){0,2}?(?:vuelos?|pasajes?|boletos?|visa|alojamiento"
    r"|hospedaje|vivienda|comida))* (?:\w+ ){0,2}?(?:pagad[oa]s?|cubiert[oa]s?|incluid[oa]s?|gratis"
    r"|por cuenta de la empresa|a cargo de la empresa|los pone la empresa|corre por (?:nuestra|cuenta)"
    r"|costead[oa]s?|sin costo)"
)
_JOB_EN = (
    r"customer (?:service|support|care)|chat (?:support|agents?|operators?)|live chat|call cent(?:er|re)"
    r"|telemarketing|tele-?sales|data entry|typing|typists?|online (?:marketing|sales|jobs?|work|casino"
    r"|gaming|betting|trading)|digital marketing|e-?commerce|social media|crypto\w*|bitcoin|forex|trading"
    r"|investment (?:advisors?|consultants?)|gaming|esports|translators?|it support|computer (?:work|jobs?)"
    r"|office (?:work|jobs?|staff)|sales agents?|marketing agents?"
)
_ASIA_EN = (
    r"thailand|bangkok|cambodia|phnom penh|sihanoukville|myanmar|burma|laos|malaysia|kuala lumpur|vietnam"
    r"|indonesia|philippines|manila|dubai|uae|asia|south ?east asia|georgia|turkey|golden triangle"
)
_PAID_EN = (
    r"(?:flights?|air ?fares?|air ?tickets?|tickets?|travel|visas?|accommodation|housing|lodging|hotel"
    r"|dorm(?:itory)?)(?: (?:and|&|,|\+) (?:\w+ ){0,2}?(?:flights?|tickets?|visas?|accommodation|housing|food"
    r"|meals))* (?:\w+ ){0,2}?(?:paid|covered|provided|included|free|sponsored|on us|by the company"
    r"|taken care of|at no cost)"
)


class ScamCompoundLureRecognizer(PatternRecognizer):
    CODE = "SCAM_COMPOUND_LURE"
    PATTERNS_ES = (
        rf"\b(?:{_JOB_ES})\b(?: [\w,()/-]+){{0,10}}? (?:en|para|a|hacia|de) (?:{_ASIA_ES})\b",
        rf"\b(?:{_ASIA_ES})\b(?: [\w,()/-]+){{0,10}}? (?:{_JOB_ES})\b",
        rf"\b(?:{_ASIA_ES})\b(?: [\w,()/-]+){{0,10}}? {_PAID_ES}\b",
        rf"\b(?:{_JOB_ES})\b(?: [\w,()/-]+){{0,10}}? {_PAID_ES}\b(?: [\w,()/-]+){{0,8}}? (?:{_ASIA_ES})\b",
    )
    PATTERNS_EN = (
        rf"\b(?:{_JOB_EN})\b(?: [\w,()/&-]+){{0,10}}? (?:in|to|based in|at) (?:{_ASIA_EN})\b",
        rf"\b(?:{_ASIA_EN})\b(?: [\w,()/&-]+){{0,8}}? (?:{_JOB_EN})\b",
        rf"\b(?:{_ASIA_EN})\b(?: [\w,()/&-]+){{0,10}}? {_PAID_EN}\b",
        rf"\b{_PAID_EN}\b(?: [\w,()/&-]+){{0,10}}? (?:{_ASIA_EN})\b",
    )
    NEGATION_WINDOW = 40
    NEGATIONS = (r"\b(?:remoto|remote|desde casa|from home|home office|teletrabajo|work from home|wfh)\b",)
