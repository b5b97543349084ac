"""MINORS_TARGETED: ages under 18, school pupils, or "no parental permission needed".

Only ages 13-17 count, so "mayores de 18" and "18+ only" never match; "no menores" and "no one
under 18" are negations. "de 15 a 17 hs" is a clock time, hence the hour guards.
"""

from __future__ import annotations

from models.indicators.recognizers.base import PatternRecognizer

_MINOR = r"1[3-7]"
#: Not an age when followed by hours, money, experience or a decimal.
_NOT_AGE = (
    r"(?! ?(?:a|y|-|hasta|to|and) ?(?:2[5-9]|[3-9]\d)\b"  # "entre 16 y 29": a youth scheme, not minors
    r"|(?: ?(?:-|to|a|y|or) ?\d+)? ?(?:h\b|hs\b|hrs?\b|horas|hours?|pm\b|am\b|:|[.,]\d|%|€|\$|usd|dolares"
    r"|dollars|euros|soles|pesos|dias|days|mins?\b|minutos|minutes|semanas|weeks|meses|months|anos de (?:exp"
    r"|trayect|antig)|years? (?:of )?(?:exp|in)))"
)
#: "15+ people", "16+ years of experience": counts, not ages.
_COUNTED = (
    r"years?|yrs?|hours?|hrs?|h\b|people|persons|employees|staff|members|countries|clients|customers"
    r"|locations|offices|stores|languages|projects|brands|sites|engineers|developers|markets|cities|units"
    r"|products|partners|personas|empleados|paises|clientes|tiendas|anos de"
)
_TIME_BEFORE = (
    r"(?<!horario )(?<!horario: )(?<!turno )(?<!hora )(?<!horas )(?<!viernes )(?<!sabado )(?<!sabados"
    r" )(?<!domingo )(?<!domingos )(?<!tarde )(?<!tardes )"
)


class MinorsTargetedRecognizer(PatternRecognizer):
    CODE = "MINORS_TARGETED"
    PATTERNS_ES = (
        rf"\b(?:desde|a partir de|apartir de) (?:los )?{_MINOR} ?anos?\b|\bdesde los {_MINOR}\b{_NOT_AGE}",
        rf"\b(?:mayores|mayor) de {_MINOR}\b(?: ?anos)?{_NOT_AGE}",
        rf"\bedad(?:es)?(?: minima)?\s*:?\s*(?:de |entre |desde )?{_MINOR}\b{_NOT_AGE}",
        # Youth-employment schemes ("entre 16 y 29 años") reach far past 18: only ranges up to 24 count.
        rf"\b(?:de |entre )?{_MINOR} ?(?:a|y|-|hasta) ?(?:1[4-9]|2[0-4]) ?anos\b",
        rf"{_TIME_BEFORE}\bde {_MINOR} a 1[4-7]\b{_NOT_AGE}",
        rf"\b{_MINOR} ?(?:anos )?(?:en adelante|o mas|cumplidos)\b|\b(?:tener|tengas|tienes) (?:al menos "
        rf"|minimo )?{_MINOR}(?: anos)?\b{_NOT_AGE}|\b(?:puede|puedes"
        rf"|pueden) ser (?:de )?{_MINOR}\b{_NOT_AGE}",
        rf"\b(?:chic[oa]s|jovenes|jovencitas|muchach[oa]s|nin[oa]s|senoritas|modelos|personas|estudiantes"
        rf"|candidat[oa]s) (?:\w+ ){{0,3}}?(?:desde|a partir de|de"
        rf"|mayores de) (?:los )?{_MINOR}\b{_NOT_AGE}(?! a (?:2[5-9]|[3-9]\d))",
        r"\b(?:eres|seas|sos) menor(?:es)?(?: de edad)?\b|\bchicas? joven(?:es)?\b|\bjovencitas?\b",
        r"\b(?:no importa si no|aunque no hayas|sin haber) termin\w* (?:el |la )?(?:colegio|secundaria"
        r"|escuela|bachillerato)|\b(?:trabajo|trabajar|empleo) (?:[\w,]+ ){0,3}?despues del? (?:colegio"
        r"|escuela|clases|liceo)\b",
        r"\bmenores(?: de edad| de 18(?: anos)?)?(?: (?:son |tambien |seran )?(?:bienvenid\w*|aceptad\w*"
        r"|pueden (?:aplicar|postular|participar)))\b|\bmenores de edad\b",
        r"\b(?:no (?:necesitas|necesita|se necesita|requiere|requieres|hace falta|pedimos|se pide|se piden"
        r"|piden)|sin) (?:el |la )?(?:permiso|autorizacion|consentimiento"
        r"|firma)(?: \w+){0,2}? (?:de )?(?:tus |los |sus |tu |su )?(?:padres|papas|tutor(?:es)?)\b",
        # "clases para estudiantes de secundaria" is a tutoring ad, not a recruitment of pupils.
        r"(?<!clases para )(?<!clases a )(?<!profesor para )(?<!profesora para )(?<!maestro para"
        r" )(?<!maestra para )(?<!tutor para )(?<!tutorias para )(?<!ensenar a )(?<!trabajar con"
        r" )\b(?:estudiantes?|alumn[oa]s?|chic[oa]s) (?:de |del )?(?:colegio|secundaria|bachillerato"
        r"|preparatoria|prepa|liceo|secundario|escuela)\b|\bcolegialas\b",
        rf"\b(?:chicas?|chicos?|jovencitas?|ninas?) de {_MINOR}\b{_NOT_AGE}",
    )
    PATTERNS_EN = (
        rf"\b(?:aged?|ages|age:|minimum age:?|min\.? age:?|at least|from age"
        rf"|from the age of) ?(?:of )?{_MINOR}\b{_NOT_AGE}",
        rf"\b{_MINOR} ?(?:\+|and (?:over|up|above|older)|or (?:over|older)|years? (?:old )?(?:and (?:over|up"
        rf"|above)|or older|\+))(?! ?(?:{_COUNTED}))",
        rf"\b{_MINOR} ?(?:-|to) ?(?:1[4-9]|2[0-4]) ?(?:years? old|yrs? old|yo\b|y/o|year olds)",
        rf"\b{_MINOR}[- ]?(?:yo\b|y/o|year[- ]olds?\b|years? old\b)",
        r"\bunder[- ]?18s?(?: (?:are |also |is )?(?:welcome|ok|okay|accepted|can apply|considered|fine"
        r"|no problem))\b|\b(?:doesn'?t|does not|won'?t) matter if you'?re (?:under[- ]?18|a minor)\b",
        rf"\b(?:girls|boys|ladies|teens|models|young people|youngsters|candidates|applicants|students|kids"
        rf"|anyone|workers) (?:\w+ ){{0,2}}?(?:from|aged|over) 1[3-7]\b{_NOT_AGE}|\bfrom 1[3-7] years?\b",
        rf"\b(?:if you'?re|you'?re|are you|you are|can be) 1[3-7]\b{_NOT_AGE}|\byoung girls?\b",
        r"\bno need to (?:ask|tell|inform) (?:your )?parents\b|\bschool not finished\b",
        r"\b(?:work|job|jobs) (?:\w+ ){0,2}?after school\b(?! (?:program|club|care|nanny|sitter))",
        r"\bminors (?:are |also )?(?:welcome|ok|okay|accepted|can apply|considered)\b",
        r"\b(?:no|without) (?:need (?:for|of) )?(?:parental|parents'?) (?:consent|permission|approval"
        r"|signature)\b",
        r"\b(?:no|without) (?:\w+ ){0,2}?(?:consent|permission) (?:from|of) (?:your )?parents\b",
        r"\bparents? (?:don'?t|do not|doesn'?t|does not|won'?t|will not) (?:need to|have to) know\b",
        r"(?<!classes for )(?<!lessons for )(?<!tutor for )(?<!tutoring for )(?<!teacher for )(?<!teach"
        r" )(?<!tutor )(?<!tutoring )(?<!work with )(?<!working with )\b(?:high ?school|secondary school"
        r"|school) (?:students|pupils|girls|kids)\b",
        r"\bteen(?:ager)?s? (?:wanted|welcome|needed|girls|models)\b|\bteen girls\b",
    )
    NEGATION_WINDOW = 80
    NEGATIONS = (
        # Apprenticeships and youth schemes are regulated programmes, not recruiters targeting minors.
        r"\bapprentice\w*|\bgovernment funding\b|\bgarantia juvenil\b|\bmenor(?:es)? de (?:2[5-9]|3\d)\b",
        # An age range describing the people served ("adolescentes de entre 14 y 18 años").
        r"\b(?:adolescentes|menores|ninos|ninas|pacientes|usuarios|children|kids|teenagers|young people"
        r"|youth) (?:\w+ ){0,2}?(?:aged?|ages|de|entre|between|from) (?:entre |between )?\d",
        r"\bno (?:se )?(?:aceptan|admiten|contratan|contratamos|aceptamos|admitimos)? ?menores\b"
        r"|\bsin menores\b",
        r"\bmenores (?:de edad )?(?:abstenerse|no)\b|\bprohibid[oa] (?:el ingreso de )?menores\b"
        r"|\bexcepto menores\b",
        r"\b(?:no|not) (?:one|body|applicants?|candidates?|persons?|people|open to|for)? ?(?:under"
        r"|below)[- ]?18",
        r"\bno (?:minors|under[- ]?18s?)\b|\bminors (?:are )?not\b|\bunder[- ]?18s? (?:are )?not\b",
        r"\b(?:not|never|don'?t|do not|won'?t|will not) (?:accept|hire|employ)\w* (?:\w+ )?(?:under|minors)",
    )
