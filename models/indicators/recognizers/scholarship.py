"""SCHOLARSHIP_LURE: a scholarship, study or exchange place abroad that comes with a sponsor's terms.

Study visas are a known route of deceptive recruitment: "full scholarship", travel paid, work for
the sponsor "to cover costs". Strong, not decisive: real scholarships name their institution, so a
second sign is needed.
"""

from __future__ import annotations

from models.indicators.recognizers._lexicon import DEST_EN, DEST_ES
from models.indicators.recognizers.base import PatternRecognizer

_STUDY_ES = (
    r"becas?|becad[oa]s?|estudi(?:a|ar|os|antes?) (?:en el extranjero|afuera|fuera del pais|y trabaj\w*)"
    r"|intercambios? (?:estudiantil\w*|cultural\w*|academic\w*)|programa de (?:estudio|intercambio)"
    r"|visa de estudiante|pasantias? (?:pagadas? )?(?:en el extranjero|internacional\w*)"
    r"|estudiar (?:y trabajar|idiomas|ingles)|cursos? de idiomas?"
)
_STUDY_EN = (
    r"scholarships?|fully[- ]funded|study (?:abroad|and work|programs?|programmes?|visas?|opportunit\w*)"
    r"|student visas?|exchange (?:programs?|programmes?|students?)|work[- ]and[- ]study|work[- ]study"
    r"|internships? abroad|international internships?|language (?:course|school)s?|admission(?:s)? (?:abroad"
    r"|to universit\w*)"
)


class ScholarshipLureRecognizer(PatternRecognizer):
    CODE = "SCHOLARSHIP_LURE"
    PATTERNS_ES = (
        rf"\b(?:{_STUDY_ES})\b(?: [\w,()/%-]+){{0,10}}? (?:en|a|para|hacia|de) (?:{DEST_ES})\b",
        rf"\b(?:{DEST_ES})\b(?: [\w,()/%-]+){{0,8}}? (?:becas?|estudiar|estudios|intercambio)\b",
        r"\b(?:becas?|estudios?) (?:\w+ ){0,3}?(?:al )?100 ?%|\bbecas? (?:completas?|totales?|integrales?)\b",
        r"\bestudia(?:r)? y trabaja(?:r)?\b|\btrabaja(?:r)? y estudia(?:r)?\b",
    )
    PATTERNS_EN = (
        rf"\b(?:{_STUDY_EN})\b(?: [\w,()/%&-]+){{0,10}}? (?:in|to|at|for) (?:{DEST_EN})\b",
        rf"\b(?:{DEST_EN})\b(?: [\w,()/%&-]+){{0,8}}? (?:scholarships?|study|studies|universit\w*|college)\b",
        r"\b(?:full|100 ?%|fully[- ]funded|free) (?:\w+ )?scholarships?\b"
        r"|\bscholarships? (?:\w+ ){0,3}?(?:flights?|tickets?|travel|visa"
        r"|accommodation) (?:\w+ ){0,2}?(?:paid|covered|included)",
        r"\bstudy and work\b|\bwork and study\b|\bearn while (?:you )?(?:study|learn)\b",
    )
