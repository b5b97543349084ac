"""UPFRONT_PAYMENT: pay the employer, buy their kit or course, or pass a cheque on before starting.

The job-scam pattern (EMSCAD's fraud ads): the "employer" profits from the applicant before any
work. Distinct from RECRUITMENT_FEE (a placement, visa or processing fee): here the money goes to
the employer for goods, deposits or a cheque that bounces.
"""

from __future__ import annotations

from models.indicators.recognizers.base import PatternRecognizer

_BUY_ES = r"compr\w*|adquir\w*|pag\w*|deposit\w*|invert\w*|inviert\w*|abon\w*|cancel\w*|aport\w*|consign\w*"
_THING_ES = (
    r"kit|kits|uniformes?|equipos?|materiales?|material de trabajo|cursos?|capacitacion(?:es)?|software"
    r"|programas?|licencias?|paquetes? (?:de inicio|inicial)|starter|membresias?|garantias?|depositos?"
    r"|fianzas?|inversion(?: inicial)?|productos?|mercaderia inicial|stock inicial|tablet|celular|computadora"
    r"|laptop|herramientas"
)
_BUY_EN = r"buy|buying|purchase|purchasing|pay for|paying for|invest in|order|deposit|put down"
_THING_EN = (
    r"(?:starter |welcome |training |work )?kits?|equipment|software|licen[cs]es?|laptops?|tablets?|phones?"
    r"|uniforms?|training (?:materials?|course|package)|courses?|certifications?|membership|products?"
    r"|inventory|stock|tools|materials|(?:security |refundable |initial )?deposits?|initial investment"
)


class UpfrontPaymentRecognizer(PatternRecognizer):
    CODE = "UPFRONT_PAYMENT"
    PATTERNS_ES = (
        rf"\b(?:{_BUY_ES}) (?:\w+ ){{0,3}}?(?:el |la |los |las |un |una |tu "
        rf"|su )?(?:{_THING_ES})\b(?: [\w,]+){{0,6}}? (?:antes de (?:empezar|iniciar|comenzar|arrancar"
        rf"|trabajar)|para (?:empezar|iniciar|comenzar|arrancar|activar|trabajar)|con nosotros|a la empresa"
        rf"|de la empresa|reembolsable|que se devuelve|se te devuelve)",
        rf"\b(?:{_THING_ES}) (?:\w+ ){{0,3}}?(?:tiene un costo|cuesta|cuestan|con costo|se paga|se pagan"
        rf"|a tu cargo|por tu cuenta|reembolsable)\b",
        r"\b(?:inversion inicial|deposito (?:de garantia|reembolsable|inicial)|pago inicial)\b",
        r"\b(?:cobr\w*|deposit\w*|recib\w*) (?:\w+ ){0,2}?(?:un |el |los )?cheques?(?: [\w,]+){0,6}? (?:y"
        r"|para) (?:\w+ )?(?:envi\w*|transfer\w*|devolv\w*|gir\w*|mand\w*)",
    )
    PATTERNS_EN = (
        rf"\b(?:{_BUY_EN}) (?:\w+ ){{0,3}}?(?:a |an |the |your "
        rf"|our )?(?:{_THING_EN})\b(?: [\w,]+){{0,6}}? (?:from us|from our|through us|through our"
        rf"|before (?:you )?(?:start|begin|starting|work)|to (?:start|begin|get started|activate)|(?:which"
        rf"|that|it) (?:is|will be) refunded|refundable)",
        rf"\b(?:{_THING_EN}) (?:\w+ ){{0,3}}?(?:costs?|fee|at your (?:own )?(?:cost|expense)|paid by you"
        rf"|is refundable|will be refunded|refunded (?:with|in|after))\b",
        r"\b(?:refundable|security|initial|small) (?:deposit|fee|investment)\b",
        r"\b(?:deposit|cash|receive) (?:\w+ ){0,2}?(?:a |the |our )?(?:checks?"
        r"|cheques?)(?: [\w,]+){0,6}? (?:and|then) (?:\w+ )?(?:send|wire|transfer|forward|return|buy)",
    )
    NEGATION_WINDOW = 40
    NEGATIONS = (
        r"\b(?:no|nunca|jamas|never|not|free|gratis|sin costo|at no cost|we provide|provided|le damos"
        r"|te damos|proporcionamos|se te entrega)\b",
    )
