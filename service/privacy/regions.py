"""Which country an ad most likely comes from, so national phone numbers can be read as E.164.

Order of evidence: an international number in the text (`+57 …` → CO), then place names in text
order; the phone recognizer tries these regions first and then `REGIONS` in order.
"""

from __future__ import annotations

import re

import phonenumbers

REGIONS = (
    "CO", "MX", "AR", "PY", "PE", "VE", "EC", "CL", "BO", "UY", "DO", "GT", "HN", "SV", "NI", "CR", "PA",
    "CU", "ES", "US", "DE", "GB",
)  # fmt: skip

_PLACES = {
    "CO": r"colombia|bogot[aá]|medell[ií]n|cali|barranquilla|cartagena|pereira|bucaramanga|cúcuta|cucuta",
    "MX": r"m[eé]xico|cdmx|guadalajara|monterrey|puebla|tijuana|canc[uú]n|chiapas",
    "AR": r"argentina|buenos aires|c[oó]rdoba|rosario|mendoza|caba",
    "PY": r"paraguay|asunci[oó]n|ciudad del este|encarnaci[oó]n|guaran[ií]es",
    "PE": r"per[uú]|lima|arequipa|cusco|trujillo",
    "VE": r"venezuela|caracas|maracaibo|valencia, ve",
    "EC": r"ecuador|quito|guayaquil|cuenca",
    "CL": r"chile|santiago|valpara[ií]so|concepci[oó]n",
    "BO": r"bolivia|la paz|santa cruz|cochabamba",
    "UY": r"uruguay|montevideo",
    "DO": r"rep[uú]blica dominicana|santo domingo",
    "GT": r"guatemala",
    "HN": r"honduras|tegucigalpa|san pedro sula",
    "SV": r"el salvador|san salvador",
    "NI": r"nicaragua|managua",
    "CR": r"costa rica|san jos[eé]",
    "PA": r"panam[aá]",
    "CU": r"cuba|la habana",
    "ES": r"espa[ñn]a|spain|madrid|barcelona|sevilla|m[aá]laga|valencia|bilbao|zaragoza|alicante",
    "US": r"usa|estados unidos|united states|miami|new york|texas|houston|los angeles|florida|chicago",
    "DE": r"germany|deutschland|alemania|berl[ií]n|m[uü]nchen|munich|hamburg|frankfurt|k[oö]ln",
    "GB": r"united kingdom|reino unido|london|londres|manchester|birmingham",
}
_PLACE_RES = {region: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for region, words in _PLACES.items()}
# One pass finds where place names are; only there is each region's pattern tried.
_ANY_PLACE = re.compile(r"\b(?:" + "|".join(_PLACES.values()) + r")\b", re.IGNORECASE)
# "00" only opens a number, never sits inside one ("94 001 6961" is not +1).
_INTERNATIONAL = re.compile(r"(?:\+|(?<!\d[\s.\-])(?<!\d)\b00)(\d{1,3})")


def guess_regions(text: str) -> tuple[str, ...]:
    """Regions the ad points to, strongest first: `+CC` numbers, then place names in text order."""
    found: list[str] = []
    for match in _INTERNATIONAL.finditer(text):
        for width in (1, 2, 3):
            region = phonenumbers.region_code_for_country_code(int(match.group(1)[:width]))
            if region in REGIONS:
                found.append(region)
                break
    for match in _ANY_PLACE.finditer(text):
        found.extend(region for region, p in _PLACE_RES.items() if p.match(text, match.start()))
    return tuple(dict.fromkeys(found))


def guess_region(text: str) -> str | None:
    """The likely region of an ad, or None when the text gives no hint."""
    regions = guess_regions(text)
    return regions[0] if regions else None
