"""APPEARANCE: women sought on looks (presence, figure, height), hostess/dancer roles, photo requests.

Single words such as "modelo" are not enough ("modelo 2019" is a car), and a photo on a CV is
routine in Latin America ("enviar CV con foto"), so CV photos are negations.
"""

from __future__ import annotations

from models.indicators.recognizers._lexicon import DEST_EN, DEST_ES
from models.indicators.recognizers.base import PatternRecognizer

_WOMEN_ES = r"senoritas?|chicas?|damas|mujeres|jovencitas|muchachas|jovenes|nenas|chamas|morras"
_LOOKS_ES = (
    r"lindas|bonitas|guapas|atractivas|hermosas|bellas|delgadas|sexys?|esbeltas|de buen (?:cuerpo|fisico|ver)"
)
_ROLES_ES = (
    r"modelos|azafatas|anfitrionas|bailarinas|edecanes|acompanantes|damas de compania|senoritas|chicas"
    r"|jovencitas|masajistas|promotoras|modelos webcam|meseras|camareras"
)
#: Roles hired on looks whatever the rest of the ad says.
_LOOK_ROLES_ES = (
    r"anfitrionas|edecanes|damas de compania|acompanantes|chicas (?:de )?(?:compania|imagen)|caras nuevas"
)
_LOOK_ROLES_EN = r"hostesses|escorts|promo girls|new faces|gogo dancers|go-go dancers|companions for"
_ROLES_EN = r"hostesses|models|dancers|escorts|companions|entertainers|masseuses|go-?go dancers"
_VENUE = (
    r"club|night ?club|bar|discoteca|disco|karaoke|cabaret|lounge|local nocturno|club nocturno|boliche|spa"
    r"|wellness (?:centre|center)|massage parlou?r"
)
_PHOTO = r"fotos?|fotografias?|selfies?|photos?|pics?|pictures?|images?|shots"


class AppearanceRecognizer(PatternRecognizer):
    CODE = "APPEARANCE"
    PATTERNS_ES = (
        rf"\b(?:{_WOMEN_ES}) (?:\w+ ){{0,2}}?(?:de |con )(?:muy )?(?:buena|excelente|linda"
        rf"|bonita) (?:presencia|apariencia|figura|fisico|imagen)\b",
        r"\b(?:buena|excelente|muy buena|linda|bonita) (?:presencia|apariencia|figura|fisico|imagen)\b",
        r"\b(?:buena|excelente) (?:figura|fisico|cuerpo)\b|\bfigura (?:delgada|esbelta)\b",
        rf"\b(?:{_WOMEN_ES}) (?:muy )?(?:{_LOOKS_ES})\b",
        r"\b(?:lindas|bonitas|guapas|atractivas|hermosas|bellas) (?:chicas|senoritas|mujeres|jovenes"
        r"|muchachas|damas)\b",
        rf"\b(?:{_ROLES_ES}) (?:\w+ ){{0,2}}?(?:para|en) (?:el |la )?(?:{DEST_ES})\b",
        r"\b(?:buscamos|busco|se buscan?|solicitamos|solicito|se solicitan?|necesito|necesitamos"
        r"|se necesitan?|reclutamos|contratamos|casting (?:de|para)) (?:\d+ )?(?:\w+ ){0,2}?(?:modelos"
        r"|azafatas|anfitrionas|bailarinas|edecanes|acompanantes|damas de compania|senoritas|masajistas"
        r"|chicas)\b(?! (?:de )?(?:autos?|carros?|coches?))",
        rf"\b(?:{_LOOK_ROLES_ES})\b|\bmodelos (?:nuevas|y (?:promotoras|anfitrionas|bailarinas|edecanes))\b",
        rf"\b(?:modelos|bailarinas|anfitrionas|meseras) (?:\w+ ){{0,2}}?(?:para|en) (?:\w+ )?(?:{_VENUE})\b",
        r"\bmodelos? (?:webcam|web cam|para (?:fotos|videos|webcam|sesiones|eventos privados|temporada"
        r"|trabajar|viajar|gira)|\+18|para adultos|eroticas?)\b",
        rf"\b(?:{_PHOTO}) (?:\w+ ){{0,3}}?(?:de )?(?:cuerpo (?:entero|completo)|traje de bano|bikini"
        rf"|ropa interior|lenceria|de frente y (?:de )?(?:perfil|espalda))\b",
        rf"\b(?:envi\w*|mand\w*|adjunt\w*) (?:\w+ ){{0,3}}?(?:{_PHOTO})\b",
        r"\bmedidas (?:\d{2,3} ?- ?\d{2,3} ?- ?\d{2,3}|corporales|del cuerpo|y (?:estatura|altura|talla))\b"
        r"|\b(?:estatura|altura|talla) minima\b",
    )
    PATTERNS_EN = (
        r"\b(?:ladies|women|girls|females) (?:\w+ ){0,2}?(?:of|with) (?:a )?(?:good|pleasant|nice|attractive"
        r"|great) (?:appearance|presence|looks|figure|body)\b",
        r"\b(?:good|excellent|pleasant|attractive) (?:appearance|presence|looks)\b|\b(?:nice|good|great|slim"
        r"|slender) (?:figure|body)\b|\bgood[- ]looking\b",
        r"\b(?:attractive|pretty|beautiful|hot|sexy|slim|slender|gorgeous) (?:young )?(?:ladies|girls|women"
        r"|females|hostesses|models|waitresses|dancers)\b|\byoung ladies\b",
        rf"\b(?:{_ROLES_EN}) (?:(?:and|&|/) \w+ )?(?:are |urgently |now )?(?:wanted|needed|required"
        rf"|sought)\b",
        rf"\b(?:hiring|seeking|looking for|recruiting|casting|need"
        rf"|needed) (?:\d+ )?(?:\w+ ){{0,2}}?(?:{_ROLES_EN})\b",
        rf"\b(?:{_LOOK_ROLES_EN})\b|\bmodels (?:&|and|/) (?:promo girls|hostesses|dancers)\b"
        rf"|\bmodel(?:l)?ing tours?\b",
        rf"\b(?:dancers|entertainers|hostesses|models|girls|ladies) (?:\w+ ){{0,2}}?(?:for|in|at) (?:the "
        rf"|a )?(?:\w+ )?(?:{_VENUE})\b",
        rf"\b(?:full[- ]?body|full[- ]length|bikini|swimsuit|lingerie|body) (?:and (?:\w+ )?)?(?:{_PHOTO})\b",
        rf"\b(?:send|attach|include|submit|email|whatsapp) (?:us )?(?:\w+ ){{0,3}}?(?:{_PHOTO})\b",
        rf"\b(?:{_ROLES_EN}|girls|ladies) (?:\w+ ){{0,2}}?(?:for|in|to) (?:{DEST_EN})\b",
        r"\b(?:send|with) (?:\w+ )?measurements\b|\bmin(?:imum|\.)? height\b",
    )
    NEGATIONS = (
        # Host families (au pair) and agencies open to "all ages, sizes and looks" do not select on looks.
        r"\bfamilias? anfitrionas?\b|\bhost famil(?:y|ies)\b|\ball (?:ages|sizes|looks)\b"
        r"|\btodas las (?:edades|tallas)\b",
        r"\b(?:cv|c\.v\.|curriculum|curriculo|hoja de vida|resume|resumes|solicitud|application form)\b",
        r"\b(?:foto|photo)s? (?:de|of) (?:(?:la|el|tu|su|your|the) )?(?:pasaporte|passport|dni|cedula|id"
        r"|documento|producto|products?|vehiculo|vehicle|auto|car|casa|house|property|propiedad|work|trabajo"
        r"|portfolio)\b",
    )
