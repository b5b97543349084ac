"""NO_CONTRACT: no written contract, cash only, terms by word of mouth.

Visas, permits and "papers" said to be unnecessary or arranged later are IRREGULAR_ENTRY (decisive),
not this weak sign, so the two codes never count the same words twice.
"""

from __future__ import annotations

from models.indicators.recognizers.base import PatternRecognizer

_PAPERS_ES = r"contrato|contratos|antecedentes|libreta de embarque|alta|seguro social|factura|recibos?"
_PAPERS_EN = r"ssn|social security(?: number)?|contract|background checks?|seaman'?s book|payslips?|paperwork"


class NoContractRecognizer(PatternRecognizer):
    CODE = "NO_CONTRACT"
    PATTERNS_ES = (
        # "sin contrato indefinido en los últimos meses" is a subsidy condition, not an offer.
        r"\bsin (?:contrato|contratos|firmar nada|papeleo)\b(?! (?:de trabajo )?(?:indefinido|fijo|previo"
        r"|anterior|en los|laboral (?:en|previo)))",
        rf"\bno (?:se )?(?:necesit\w*|requier\w*|pid\w*|ped\w*|exig\w*|hace[n]? falta|importa[n]?"
        rf"|hay) (?:\w+ ){{0,2}}?(?:{_PAPERS_ES})\b",
        rf"\b(?:{_PAPERS_ES}) (?:no (?:es |son )?(?:indispensables?|necesari[oa]s?|requerid[oa]s?"
        rf"|importa))\b",
        r"\b(?:de palabra|sin firmas?|contrato (?:se firma )?(?:al llegar|a la llegada|alla|en destino))\b",
        r"\b(?:pagos?|sueldo|salario|se paga|te pagamos|pagamos|cobras"
        r"|cobraras)(?: \w+){0,3} (?:en )?(?:efectivo|cash|en negro|en mano)\b|\bsin seguro social\b",
        r"\b(?:pagos?|sueldo|salario|se paga|te pagamos|pagamos|cobras|cobraras)(?: \w+)? (?:en"
        r"|al) (?:efectivo|negro|mano)\b|\b(?:solo|solamente) (?:en )?efectivo\b",
        r"\b(?:trabajo|empleo|contratacion|trabajar) (?:\w+ )?(?:en negro|informal|sin registro"
        r"|no declarad[oa]|sin declarar|sin alta|sin seguro social)\b",
    )
    PATTERNS_EN = (
        rf"\bno (?:written |formal |employment )?(?:{_PAPERS_EN})s? (?:\w+ )?(?:needed|required|necessary)\b",
        rf"\b(?:{_PAPERS_EN}) (?:is |are )?(?:not|n'?t) (?:needed|required|necessary)\b",
        r"\bwithout (?:a |any )?(?:written )?(?:contract|paperwork|ssn)\b",
        r"\bno (?:written |formal |employment )?contracts?\b(?! (?:phones?|plans?|sim|cell|mobile))",
        r"\bno need (?:for|of) (?:a )?contract\b",
        rf"\bno (?:{_PAPERS_EN})\b(?: (?:or|nor|and) (?:\w+ )?(?:{_PAPERS_EN}))?(?! (?:were|was|will|have"
        rf"|has)\b)",
        rf"\b(?:{_PAPERS_EN}) (?:doesn'?t|does not|don'?t|do not) matter\b",
        r"\b(?:verbal contract|contract (?:is )?verbal|by word|no signing|no signature)\b"
        r"|\bcontracts? [^.\n]{0,30}?\(verbal\)",
        r"\bcontracts? (?:is |are )?(?:signed |given )?(?:when you arrive|on arrival|upon arrival"
        r"|once there)\b",
        r"\b(?:day rate|daily rate|cash pay|pay cash|paid daily),? (?:in )?cash\b|\bcash pay\b",
        r"\b(?:cash only|cash in hand|paid in cash|cash payment|cash[- ]paid|paid cash"
        r"|pay(?:ment)? (?:is )?(?:in )?cash|daily cash|under the table|off the books|cash jobs?)\b",
    )
