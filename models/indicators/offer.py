"""Does an ad offer work, travel or lodging? The context in which a decisive indicator flags alone.

A decisive sign ("we keep your passport") flags an ad on its own only where someone is being
recruited or moved: a job, a trip, a place to stay, a study place, a trial or a marriage. A news
item or a warning that quotes the same words is not an offer. The cues are deliberately broad:
missing an offer costs a child-risk flag, while a false offer only lets a decisive sign count.
"""

from __future__ import annotations

import re
from typing import ClassVar

from models.indicators.normalise import normalise


class OfferContext:
    """Word cues of an offer, in normalised Spanish and English (one pattern per language)."""

    PATTERNS_ES: ClassVar[tuple[str, ...]] = (
        r"trabaj\w*|emple\w*|chamba\w*|curro|pega\b|laburo|vacantes?|puestos?|plazas?|contrat\w*|busc\w*"
        r"|necesit\w*|solicit\w*|requier\w*|ofrec\w*|ofert\w*|sueldo|salario|pago|pagamos|paga\b|ganar\w*"
        r"|ganas|quincena|semanal|mensual|jornada|turno|horario|reclut\w*|seleccion|postul\w*|aplica\w*"
        r"|interesad[oa]s|viaj\w*|pasajes?|boletos?|vuelos?|tiquetes?|traslado|alojamiento|hospedaje|vivienda"
        r"|habitacion|cuarto|casa y comida|techo|comida incluida|becas?|estudi\w*|pruebas?|club|casar\w*"
        r"|matrimonio|agencia|oportunidad|ingresos|comision|dinero|plata|extranjero|exterior|ayudante"
        r"|niner[ao]|empleada|domestica|interna|mesera|meser[oa]|cocinera|limpieza|cuidar|cuidado|modelos?"
        r"|anfitrionas?|edecan\w*|promotoras?|bailarinas?",
    )
    PATTERNS_EN: ClassVar[tuple[str, ...]] = (
        r"work\w*|jobs?|employ\w*|hiring|hire\w*|vacanc\w*|positions?|openings?|recruit\w*|wanted|needed"
        r"|seeking|looking for|apply|applicants?|salary|wages?|pay\b|paid|earn\w*|income|per (?:hour|day|week"
        r"|month)|shifts?|contract|travel\w*|flights?|tickets?|visa|relocat\w*|accommodation|housing|lodging"
        r"|room and board|live-in|scholarships?|study|trials?|club|marr\w*|agency|opportunit\w*|money|cash"
        r"|abroad|overseas|helper|maid|nanny|cleaner|caregiver|models?|hostess\w*|dancers?|waitress\w*|driver"
        r"|staff",
    )
    #: A warning or awareness post quotes red flags without offering anything ("si te dicen que te
    #: guardan el pasaporte, denuncia").
    WARNINGS: ClassVar[tuple[str, ...]] = (
        r"denunci\w*|#trata|trata de personas|#prevencion|no caigas|no te dejes enganar|cuidado con|alerta"
        r"|no (?:le )?(?:des|pagues) (?:dinero|nada)|warning|beware|scam alert|report (?:it|them)|don'?t fall"
        r"|red flags?|senales de alerta|#antitrafficking|human trafficking|stay safe|be careful",
    )
    _regex: ClassVar[re.Pattern[str]] = re.compile(r"\b(?:" + "|".join(PATTERNS_ES + PATTERNS_EN) + r")")
    _warning: ClassVar[re.Pattern[str]] = re.compile(r"(?:^|\W)(?:" + "|".join(WARNINGS) + r")")

    def offers(self, text: str) -> bool:
        """True when ``text`` reads as an offer of work, travel, lodging, study, a trial or marriage,
        and not as a warning about such offers."""
        folded = normalise(text)
        return self._regex.search(folded) is not None and self._warning.search(folded) is None
