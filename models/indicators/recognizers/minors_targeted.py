"""MINORS_TARGETED: ages under 18, school pupils, or "no parental permission needed".

Only ages 13-17 count, so "mayores de 18" and "18+ only" never match; "no menores" and "no one
under 18" are negations. "de 15 a 17 hs" is a clock time, hence the hour guards.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from models.indicators.recognizers.base import PatternRecognizer

_MINOR = r"1[3-7]"
#: A child's or teenager's age (8-17): the low end of a range, or a single age after a person word.
_YOUNG = r"(?:1[0-7]|[89])"
#: Birth years of people under 18 this year ("nacidos 2009-2011", "born in 2010").
_NOW = datetime.now(UTC).year
_BIRTH_YEAR = "(?:" + "|".join(str(y) for y in range(_NOW - 17, _NOW + 1)) + ")"
#: People words an age can follow, in the slang of Spanish- and English-speaking countries.
_PERSON_ES = (
    r"chic[oa]s?|chav[oa]s?|chaval[oa]s?|chamos|chamas|chamit[oa]s?|chibol[oa]s?|cipot[ea]s?|cipotill[oa]s?"
    r"|pelad[oa]s?|pelaos?|pelaitos|patoj[oa]s?|patojit[oa]s?|jevit[oa]s?|chamaquit[oa]s?|chiquit[oa]s?"
    r"|cipotit[oa]s?|morrit[oa]s?|guaguas|nen[ea]s?|nin[oa]s?|muchach[oa]s?|muchachit[oa]s?|jovenes"
    r"|jovencit[oa]s?|chiquill[oa]s?|gurises|gurisas|pibes|pibas|guambras|chang[oa]s?|changuit[oa]s?"
    r"|sobrin[oa]s?|hij[oa]s?|modelos|bailarinas|prospectos|talentos|jugador(?:es|as)|futbolistas|atletas"
    r"|deportistas|estudiantes|alumn[oa]s?|candidat[oa]s?|postulantes|personas|chicas y chicos"
    r"|chicos y chicas|cipotes y cipotas|chibolas y chibolos|chavalas y chavalos|adolescentes|menores"
    r"|cabr[oa]s?|morr[oa]s?"
)
_PERSON_EN = (
    r"girls?|boys?|kids?|teens?|teenagers?|youngsters?|youths?|gyals?|lads|lasses|players|ballers|singers"
    r"|fresh faces|faces|apprentices|helpers|workers|ladies|young ladies|hostesses|students|pupils|models"
    r"|dancers|applicants|candidates|talents?|athletes|children|young (?:people|ones|girls|boys|talents?)"
    r"|juniors"
)
#: The top of a range: up to 24 ("de 16 a 29 años" is a youth-employment scheme, not minors).
_RANGE = r"(?: ?(?:a|-|–|y|o|to|and|or|hasta|al|&) ?(?:1\d|2[0-4]|[89])(?!\d))?"
_AGE_WORD = r"(?:anos|anitos|ano|yrs|yr|years|year|yo|y/o|year olds?)"
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
    r"(?<!horario )(?<!horario: )(?<!turno )(?<!hora )(?<!horas )(?<!viernes )(?<!sabado )(?<!sabados "
    r")(?<!domingo )(?<!domingos )(?<!tarde )(?<!tardes )"
)


#: An age that describes the people cared for or taught ("cuidar a dos niños de 3 y 6 años", "tutor
#: for my son, 14"): a care or teaching word, then at most the served people, right before the match.
_SERVED = re.compile(
    r"\b(?:cuid\w*|atend\w*|acog\w*|ensen\w*|clases|tutor\w*|niner\w*|babysit\w*|care (?:for|of)"
    r"|look(?:ing)? after|teach\w*|tutoring|coach\w*|entren\w*|pacientes|usuarios)(?: (?:a|de|con|for|of|to"
    r"|para))?(?: (?:l[oa]s|mis|sus|tus|nuestr[oa]s|my|our|the|their|two|three|dos|tres|un|una|a"
    r"|\d))*(?: (?:adolescentes|menores|ninos|ninas|nenes|nenas|hijos|hijas|hijo|hija|alumnos|alumnas"
    r"|estudiantes|jovenes|children|kids|kid|teenagers|students|son|daughter|boys?|girls?|bebes?))?(?: (?:de"
    r"|entre|aged?|between|of|from))? ?$"
)


#: A schedule ("de 9 a 13 y de 16 a 20 h", "L a V de 8-14"): number ranges that are clock times.
_SCHEDULE = re.compile(
    r"\b(?:horario|horarios|jornada|turnos?|lunes|martes|miercoles|jueves|viernes|sabados?|domingos?"
    r"|semanales|l ?(?:a|-) ?[vjsd]|monday|tuesday|friday|weekends?|shifts?)\b|\d ?(?:h|hs|hrs|horas|hours|am"
    r"|pm)\b|\d:\d\d"
)
#: Words that make a number an age of the people sought.
_AGE_CUE = re.compile(rf"\b(?:anos|anitos|edad|edades|years?|yrs?|yo|olds?|{_PERSON_ES}|{_PERSON_EN})\b")
#: People cared for, taught or hosted anywhere in a segment (the learned detector reads whole segments).
_SERVED_IN_SEGMENT = re.compile(
    r"\b(?:cuid\w*|atend\w*|acog\w*|ensen\w*|clases|tutor\w*|dinamicas|actividades (?:para|con)|monitor\w*"
    r"|animacion|capacidad para|alumnos de|campamentos?|colonias|residencia|convivencia|acompan\w*"
    r"|profesor\w*|docentes?|teach\w*|tutoring|coach\w*|care for|look after|babysit\w*|nanny|nannies"
    r"|ninera\w*)\b"
)


#: What any minors sign mentions: a young age, a word for young people, school, parents or their
#: permission (a learned segment without one of these is not a minors sign).
_MINOR_CUE = re.compile(
    r"\b(?:1[0-7]|[89])\b(?: ?(?:-|a|y|o|to|and) ?\d{1,2})? ?(?:anos|anitos|ano|years?|yrs?|yo|y/o|olds?)\b"
    r"|\b(?:edad|edades|aged?|ages|tener|tienes|tenes|entre|between|from|desde|de) (?:\w+ ){0,2}?(?:1[0-7]"
    r"|[89])\b|\b(?:sub|u)-?(?:1[0-7]|[89])\b|\b(?:menor\w*|minors?|teen\w*|adolescen\w*|child\w*|kids?"
    r"|nin[oa]s?|ninit[oa]s?|nen[ea]s?|chamac\w*|chamaquit\w*|cipot\w*|chiquill\w*|chiquit\w*|patoj\w*"
    r"|pelaos?|pelad[oa]s?|chav[oa]s?|chaval\w*|chamos?|chamas?|chibol\w*|gurises|gurisas|pibes|pibas|guaguas"
    r"|muchachit\w*|jovencit\w*|jevit\w*|escolar\w*|colegi\w*|escuel\w*|schools?|schoolers?|liceo|liceistas?"
    r"|secundari\w*|bachi|prepa|padres|papas|parents?|mama|mum|mom|nacid\w*|born|jhs|shs|jss|sss)\b"
)
#: A youth-employment bracket reaching 25 or more ("edad entre 16 y 29 años"): a public scheme.
_YOUTH_SCHEME = re.compile(r"\b1[0-7] ?(?:-|a|y|to|and|hasta) ?(?:2[5-9]|[3-6]\d)\b")


_YEARS_AT_END = re.compile(r"(?:anos|ano|years?|yrs?)$")
_EXPERIENCE = re.compile(r"\b(?:exp\w*|experien\w*|trayectoria|antiguedad|required|requerid\w*|minim\w*)\b")


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
        rf"|candidat[oa]s) (?:\w+ ){{0,3}}?(?:desde|a partir de|(?<!mas )(?<!menos )de"
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
        r"(?<!clases para )(?<!clases a )(?<!profesor para )(?<!profesora para )(?<!maestro para "
        r")(?<!maestra para )(?<!tutor para )(?<!tutorias para )(?<!ensenar a )(?<!trabajar con "
        r")\b(?:estudiantes?|alumn[oa]s?|chic[oa]s) (?:de |del )?(?:colegio|secundaria|bachillerato"
        r"|preparatoria|prepa|liceo|secundario|escuela)\b|\bcolegialas\b",
        rf"\b(?:chicas?|chicos?|jovencitas?|ninas?) de {_MINOR}\b{_NOT_AGE}",
        # A bare range starting under 18 and ending before 20 ("14-17", "15 a 19"): an age bracket,
        # unless it is a clock time, a date or a count.
        r"(?<![\d/:.,-])(?<!\d )(?<!a )(?<!y )(?<!e )(?<!o )(?<!- )(?<!: )(?<!horario )(?<!turno )(?<!hours "
        r")(?<!from )(?<!de )(?<!del )(?<!dias )(?<!days )(?:1[0-7]) ?(?:-|–|to|a|y|and"
        r"|al) ?(?:1[3-9])(?![\d/:.,%-])(?! y (?:de )?\d)(?! ?(?:de |del |of )?(?:ene|feb|mar|abr|may|jun|jul"
        r"|ago|sep|oct|nov|dic|jan|apr|aug|dec)\w*)(?! ?(?:h\b|hs\b|hrs?\b|horas|hours|pm|am|:|dias|days"
        r"|semanas|weeks|meses|months|personas|people|mil|k\b|usd|\$|€|kg|km|cm|m\b))",
        # A young age or range with its unit: "de 12 a 14 años", "unos 14 o 15 añitos", "15-17 años".
        rf"{_TIME_BEFORE}(?<!\d )(?<!y )(?<!a )(?<!e )(?<!- )(?<!-)(?<!al menos )(?<!minimo )(?<!minima "
        rf")(?<!mas de )(?<!experiencia de )(?<!hace )(?<!durante )(?<!por )(?<!least )(?<!over )(?<!than "
        rf")\b{_YOUNG}{_RANGE} ?{_AGE_WORD}\b(?!(?: [\w,]+){{0,3}} (?:exp|experien\w*|qualif\w*|professional"
        rf"|management|industry|relevant|background|track|trayectoria|antiguedad)\b)(?! (?:de |of |in "
        rf"|en )?(?:exp|experiencia|trayectoria|antiguedad|el (?:mercado|rubro)|the (?:industry|field"
        rf"|business)|relevant|work|trabajo|servicio|service|business|operation|operando|funcionando|garantia"
        rf"|warranty|contrato|contract))",
        # A person word and a young age: "chiquillas de 16", "chamos de 14 pa' arriba", "nenas 15-17".
        rf"\b(?:{_PERSON_ES}) (?:de |desde |entre |a partir de |con |:)?(?:unos |los )?{_YOUNG}\b{_NOT_AGE}",
        rf"\b(?:tenes|tienes|tengas|tenis|si tenes|si tienes) (?:entre |unos |los )?{_YOUNG}\b{_NOT_AGE}",
        rf"\bnacid[oa]s? (?:en |entre |el |del |de )?(?:ano )?{_BIRTH_YEAR}\b|\bcategor\w* {_BIRTH_YEAR}\b",
        rf"\b(?:sub|u)[- ]?{_YOUNG}\b",
        # A school level of the people sought ("chavos de secundaria", "cursando 4to de bachillerato"),
        # not of a workplace ("conserje de colegio", "profesor de secundaria").
        rf"\b(?:{_PERSON_ES}|cursando|cursas|curses|estas en|estes en|vas en|vayas en|que esten en"
        rf"|que vayan a)"
        r" (?:\w+ ){0,2}?(?:de |en |del |a )?(?:\d{1,2} ?(?:°|º|o|to|ro|vo|mo|no|er)?\.? (?:o |y |a "
        r"|al )?(?:\d{1,2} ?(?:°|º|o|to|ro|vo|mo|no|er)?\.? )?)?(?:grado |ano |curso )?(?:de )?(?:secundaria"
        r"|bachillerato|liceo|prepa|preparatoria|escuela superior|secundario|colegio|escuela"
        r"|basica)\b(?! (?:completo|completa|terminad\w*|finalizad\w*))",
        r"\b(?:[6-9]|1[0-2]) ?(?:°|º|o|to|vo|mo|no)\.? (?:grado|ano de (?:secundaria|basica|bachillerato))\b",
        r"\b(?:para|pa'?|a|los|las|chicos|jovenes|ninos) escolares\b|\bliceistas?\b|\bde bachi\b"
        r"|\bcedula escolar\b|\b(?:ninos|ninas|menores) (?:pueden|tambien pueden) (?:ayudar|trabajar|aplicar"
        r"|venir)\b|\bcolegial(?:es|as?)\b|\b(?:estas|estes|sigues|vas|andas) (?:en|al) (?:el "
        r"|la )?(?:colegio|liceo|secundaria|prepa|cole)\b|\beres colegiala\b",
        r"\b(?:para|pa'?|pa) menores\b",
        r"\b(?:sin|ni|no (?:necesitas|necesitan|ocupas|ocupan|hace falta|se necesita|requiere|requieres|piden"
        r"|pedimos|es necesario|importa)) (?:el |la |un )?(?:permiso|autorizacion|consentimiento|firma"
        r"|aval)(?: de| del)? (?:tus |sus |los |tu |su |la |el )?(?:papas|padres|papa|mama|tutor(?:es)?"
        r"|representantes?|apoderad[oa]s?|familia|viaje|nadie)\b",
        r"\b(?:no )?(?:tienes|tenes|tienen|tiene|hay|hace falta|necesitas) que (?:decirle|decirles|contarle"
        r"|contarles|avisarle|avisarles|pedirle|pedirles)(?: nada)? a (?:tus|sus|los|nadie|tu|su)\b",
        r"\b(?:tus|sus|los) (?:papas|padres|viejos|jefes) no (?:tienen que|necesitan|deben"
        r"|hace falta que) (?:\w+ )?(?:saber|venir|enterarse|firmar|acompanar)\w*",
        r"\bno (?:les )?(?:digas|cuentes|avises) (?:nada )?(?:en (?:tu )?casa|a tus (?:papas|padres|viejos))"
        r"|\bno digas nada en casa\b",
        r"\b(?:viajan|van|vienen|viaja|va|viene|viajas|vas) (?:\w+ ){0,2}?sin (?:sus |los |tus |su "
        r"|tu )?(?:papas|padres|papa|mama|familia)\b|\bno hace falta que (?:vengan|venga) (?:los|tus"
        r"|sus) (?:padres|papas)\b",
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
        r"(?<!classes for )(?<!lessons for )(?<!tutor for )(?<!tutoring for )(?<!teacher for )(?<!teach "
        r")(?<!tutor )(?<!tutoring )(?<!work with )(?<!working with )\b(?:high ?school|secondary school"
        r"|school) (?:students|pupils|girls|kids)\b",
        r"\bteen(?:ager)?s? (?:wanted|welcome|needed|girls|models)\b|\bteen girls\b",
        rf"\b(?:{_PERSON_EN})(?: (?:aged?|age|from|between|of|:))? {_YOUNG}{_RANGE}\b{_NOT_AGE}",
        rf"\b(?:are you|you'?re|if you'?re|if you are|u r|ur) (?:between |aged? )?{_YOUNG}\b{_NOT_AGE}",
        rf"\bborn (?:in |between |after )?{_BIRTH_YEAR}\b",
        r"\b(?:high ?schoolers?|school ?kids|schoolgirls?|schoolboys?|secondary students|jss\d? students"
        r"|sss\d? students)\b|\b(?:grade|grades|year|yr) (?:[6-9]|1[0-2])(?: ?(?:-|to) ?(?:grade )?(?:[6-9]"
        r"|1[0-2]))? (?:students|pupils|kids|pwede|okay|ok|welcome)\b|\bforms? [1-6](?: ?(?:-"
        r"|to) ?(?:form )?[1-6])? students\b",
        r"\b(?:don'?t|do not|dont|no need to|needn'?t|won'?t) (?:need to |have to )?(?:tell|ask|inform"
        r"|ipaalam sa|let) (?:ur |your |the )?(?:parents|mum|mom|dad|folks|family)\b",
        r"\bparents? (?:don'?t|do not|dont|doesn'?t|won'?t) (?:need|have) to (?:know|come|sign|be told)\b"
        r"|\bwithout (?:your |their )?parents\b",
        r"\b(?:mum|mom|mama|dad|parents?|folks)(?: and (?:dad|mum|mom))? (?:no need to|don'?t need to"
        r"|needn'?t|won'?t|will not|dont have to|do not have to) (?:ever )?know\b|\boff your (?:mum|mom"
        r"|parents)'?s? radar\b",
        r"\bunder[- ]?(?:1[0-7])s?\b(?! (?:hours?|hrs?|mins?|minutes|kg|km|miles|years? (?:of )?exp))",
        r"\byears? (?:[7-9]|1[0-2])s?(?: ?(?:-|/|to|and|&) ?(?:[7-9]|1[0-2])s?)?\b(?! (?:of|experience|exp"
        r"|old|olds|ago|later|warranty|contract))",
        r"\bclass (?:[5-9]|1[0-2])(?:th)?(?: ?(?:-|to|and|&|or) ?(?:[5-9]|1[0-2])(?:th)?)?\b|\b(?:[5-9]"
        r"|1[0-2])(?:th|st|nd|rd)? (?:standard|std|class|grade)\b|\bgrade (?:[6-9]|1[0-2])\b",
        r"\b(?:jhs|shs|jss ?[1-3]?|sss ?[1-3]?|ss ?[1-3]|s\.? ?[1-4]|p\.? ?[67]|form [1-4])(?: ?(?:&|and|-|to"
        r"|/) ?(?:jhs|shs|jss ?[1-3]|sss ?[1-3]|ss ?[1-3]|s\.? ?[1-6]"
        r"|form [1-6]))? (?:\w+ ){0,2}?(?:students?|leavers|girls|boys|pupils|kids|can|pwede|lads)\b",
        r"\bschool[- ]going\b|\b(?:children|kids) (?:can|may|are welcome to) (?:also )?(?:help|work|join"
        r"|apply)\b",
    )
    NEGATION_WINDOW = 80
    NEGATIONS = (
        # Apprenticeships and youth schemes are regulated programmes, not recruiters targeting minors.
        r"\b(?:registered|formal|government|modern) apprentice\w*|\bapprenticeship (?:programme|program"
        r"|scheme)|\bgovernment funding\b|\bgarantia juvenil\b|\bmenor(?:es)? de (?:2[5-9]|3\d)\b",
        # An age range describing the people served ("adolescentes de entre 14 y 18 años").
        r"\bno (?:se )?(?:aceptan|admiten|contratan|contratamos|aceptamos|admitimos)? ?menores\b"
        r"|\bsin menores\b",
        r"\bmenores (?:de edad )?(?:abstenerse|no)\b|\bprohibid[oa] (?:el ingreso de )?menores\b"
        r"|\bexcepto menores\b",
        r"\b(?:no|not) (?:one|body|applicants?|candidates?|persons?|people|open to|for)? ?(?:under"
        r"|below)[- ]?18",
        r"\bno (?:minors|under[- ]?18s?)\b|\bminors (?:are )?not\b|\bunder[- ]?18s? (?:are )?not\b",
        r"\b(?:not|never|don'?t|do not|won'?t|will not) (?:accept|hire|employ)\w* (?:\w+ )?(?:under|minors)",
    )

    def negated(self, text: str, start: int, end: int) -> bool:
        if super().negated(text, start, end) or _SERVED.search(text, max(0, start - 60), start):
            return True
        # "Experience required: 8-10 years", "experiencia mínima 10 años": years of work, not an age.
        years = _YEARS_AT_END.search(text, start, end)
        return bool(years and _EXPERIENCE.search(text, max(0, start - 40), start))

    def negation_within(self, text: str, start: int, end: int) -> bool:
        """A learned segment is no minors sign when it is a schedule without an age cue, or speaks of
        people cared for, taught or hosted (the rules check these by position; a segment only whole)."""
        if super().negation_within(text, start, end):
            return True
        segment = text[start:end]
        if not _MINOR_CUE.search(segment):
            return True
        if _SCHEDULE.search(segment) and not _AGE_CUE.search(segment):
            return True
        if _YOUTH_SCHEME.search(segment):
            return True
        ages = [int(n) for n in re.findall(r"(?<![\d.,])\d{1,2}(?![\d.,])", segment)]
        if ages and min(ages) >= 18:  # "para jóvenes de 18 a 29 años": adults only
            return True
        return _SERVED_IN_SEGMENT.search(segment) is not None
