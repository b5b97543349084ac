"""age: an explicit minimum age of 18 ("solo mayores de 18", "18+ only, ID checked").

The mirror of MINORS_TARGETED. An age range that starts at 18 ("de 18 a 35 años") targets a group
rather than excluding minors, so it does not count. Exceptions for minors in the same sentence
("16-17 with parental consent", "menores con permiso") cancel the match.
"""

from __future__ import annotations

from models.indicators.protective.base import CONDITIONAL, ProtectiveRecognizer

_CHECK_ES = (
    r"(?:,? (?:se (?:verifica|comprueba|pide|solicita|revisa|exige)|verificamos|comprobamos|con|presentando"
    r"|presentar) (?:\w+ ){0,2}?(?:cedula|dni|ine|dpi|documento|identificacion|id)\w*)?"
)
_CHECK_EN = (
    r"(?: ?[;,-]? ?(?:(?:valid )?(?:id|age|identity|photo id)(?: will be| is| are)? (?:checked|verified"
    r"|required)|age proof required|proof of age(?: required)?))?"
)


class AgeRecognizer(ProtectiveRecognizer):
    CODE = "age"
    PATTERNS_ES = (
        # "Solo mayores de 18 años", "requisito: ser mayor de 18 años, se verifica con cédula".
        r"\b(?:solo |solamente |unicamente |exclusivamente )?(?:personas |ser |tener |debes ser |debe ser )?"
        r"(?:mayores|mayor) de (?:edad|1[89]|2[0-5]|dieciocho|veintiuno|21)(?! ?(?:-|a"
        r"|y) ?\d)(?: anos)?\b(?: (?:cumplidos"
        r"|en adelante))?" + _CHECK_ES,
        r"\b(?:solo|solamente|unicamente) (?:para )?(?:adultos|personas adultas)\b",
        r"\b(?:edad minima|edad minima requerida|minimo)(?: de)?:? (?:de )?(?:18|dieciocho)(?: anos)?\b"
        + _CHECK_ES,
        r"\b(?:18|dieciocho) anos (?:o mas|cumplidos|en adelante|como minimo|minimo)\b" + _CHECK_ES,
        r"(?<![\d+])\+ ?18\b(?! ?\d)|\b18 ?\+(?! ?\d)",
        r"\b(?:no|nada de) menores(?: de (?:edad|18(?: anos)?))?\b",
        r"\b(?:no (?:se aceptan|aceptamos|contratamos|se contratan)|nada de|prohibido (?:contratar )?(?:a )?)"
        r" menores(?: de edad| de 18(?: anos)?)?\b",
    )
    PATTERNS_EN = (
        # "Models must be 18 or older - ID will be checked", "Candidates must be 18 years or above".
        r"\b(?:must|should|have to|has to|need to|needs to) be (?:at least |aged |over |above )?(?:18"
        r"|eighteen)"
        r"(?! ?(?:-|a|to|y|and) ?\d)(?: years)?(?: (?:old|of age))?(?: (?:or|and) (?:older|over|above|up))?\b"
        + _CHECK_EN,
        r"\b(?:aged |age )?(?:1[89]|2[0-5]|eighteen|twenty-one) (?:years )?(?:old )?(?:or|and) (?:older|over"
        r"|above|up)\b" + _CHECK_EN,
        r"\b(?:over|above) (?:18|eighteen)s?(?: only)?\b" + _CHECK_EN,
        r"\b(?:adults?|over[- ]18s?) only\b|\bonly adults\b|\b18 ?\+(?: only)?(?! ?\d)" + _CHECK_EN,
        r"\bat least (?:18|eighteen)(?: years)?(?: (?:old|of age))?\b" + _CHECK_EN,
        r"\b(?:applicants?|candidates?|anyone|persons?|people|workers?) (?:under|below) (?:18|eighteen)"
        r" (?:will not|won'?t|cannot|can'?t|are not|is not|may not|need not)\b",
        r"\bminimum age(?: of| is|:)? ?(?:18|eighteen)\b" + _CHECK_EN,
        r"\bno (?:one|applicants?|minors|persons?|people|children|kids|workers?) (?:under"
        r"|below) (?:the age of )?"
        r"(?:18|eighteen)\b",
    )
    NEGATIONS = (
        *CONDITIONAL,
        r"\b1[3-7] (?:anos|years|year olds?|y/?o)\b|\b1[3-7] ?(?:a|-|to) ?\d{2}\b",
        r"\bparental (?:consent|permission)\b|\bconsentimiento (?:de los padres|parental)\b|\bpermiso (?:de "
        r"(?:tus |sus |los )?padres|parental|notarial)\b|\bautorizacion (?:de (?:los )?padres|parental"
        r"|notarial)\b|\bif (?:you are )?under\b|\bsi eres menor\b|\bmenores (?:pueden|tambien|con)\b"
        r"|\bminors (?:welcome|accepted|can|may)\b",
    )
