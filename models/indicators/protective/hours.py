"""hours: limits on working time, rest days, and overtime that is voluntary or paid.

The mirror of NO_DAYS_OFF. A plain schedule ("horario 9-17", "10-hr shifts", "turnos de 12 horas") is
not a protection, so a day counts only up to 8 hours and a week up to 48, unless a limit is stated
("nunca más de", "max"). "No rest day", "no hay días libres", "Days off: none fixed" and unpaid or
compulsory overtime cancel the match in its sentence.
"""

from __future__ import annotations

from models.indicators.protective.base import CLAUSE, CONDITIONAL, ProtectiveRecognizer

_H_ES = r"(?:horas|hs|hrs|h)\b"
_H_EN = r"(?:[- ]?hours?|[- ]?hrs?|[- ]?hr|h)\b"
_DAY_ES = r"(?: (?:al dia|por dia|diarias|x dia|de lunes a viernes))"
_WEEK_ES = r" ?(?:semanales|a la semana|por semana|/ ?semana|x semana)\b"
_WEEK_EN = r" ?(?:/ ?(?:wk|week)|a week|per week|weekly|each week)\b"
_DAY_EN = r" ?(?:/ ?day|a day|per day|daily|each day)\b"
#: 1-8 hours (a day) and 10-48 hours (a week): the legal ranges.
_DAILY = r"(?:[1-7](?:[.,]5)?|8)"
_WEEKLY = r"(?:[1-3]\d(?:[.,]5)?|4[0-8])"
_COUNT_ES = r"(?:un|uno|1|dos|2|tres|3|cuatro|4)"
_COUNT_EN = r"(?:one|1|two|2|three|3|four|4)"
_REST_ES = r"(?:libres?|de descanso|de franco|francos?)"
_WEEKDAY_ES = (
    r"(?:domingos?|sabados?|sabados? y domingos?|fines? de semana|findes?|feriados?|festivos?|dias festivos"
    r"|sab\.?(?: y dom\.?)?|dom\.?|lunes|martes|miercoles|jueves|viernes)"
)
_WEEKDAY_EN = (
    r"(?:sundays?|saturdays?|weekends?|wknds?|bank holidays?|public holidays?|mondays?|tuesdays?|wednesdays?"
    r"|thursdays?|fridays?|sat|sun)"
)


class HoursRecognizer(ProtectiveRecognizer):
    CODE = "hours"
    PATTERNS_ES = (
        # "Nunca más de 8 horas por día", "máximo 40 horas semanales".
        rf"\b(?:nunca|no|jamas) (?:se trabaja |trabajaras |trabajas )?mas de \d{{1,2}} {_H_ES}(?:{_DAY_ES}"
        rf"|{_WEEK_ES})?",
        r"\b(?:maximo|max\.?|como maximo|un maximo de|hasta un maximo de"
        rf"|limite de) (?:de )?\d{{1,2}} {_H_ES}"
        rf"(?:{_DAY_ES}|{_WEEK_ES})?",
        # "Jornada de 8 hs", "jornada de 40 horas semanales", "6 hs por día".
        r"\b(?:jornadas?|turnos?)(?: laboral(?:es)?| de trabajo| completa| normal"
        rf"| fija)? de {_DAILY} {_H_ES}"
        rf"(?:{_DAY_ES})?",
        rf"\b(?:jornadas? (?:laboral(?:es)? |de trabajo )?de )?{_WEEKLY} {_H_ES}{_WEEK_ES}",
        rf"\b{_DAILY} {_H_ES}{_DAY_ES}",
        # "Dos días libres a la semana", "domingo de descanso", "descanso semanal".
        rf"\b{_COUNT_ES} (?:dias?|days?) (?:{_REST_ES}|off)\b(?:{_WEEK_ES}| (?:por|cada|x|a la|per) (?:semana"
        rf"|week))?",
        rf"\b{_WEEKDAY_ES} (?:{_REST_ES}|de descanso obligatorio|opcionales|voluntarios|opcional"
        rf"|voluntario)\b",
        r"\bdescansos? (?:semanal(?:es)?|dominical(?:es)?|los domingos|los fines de semana|obligatorios?"
        r"|de ley"
        r"|garantizados?|pagados?)\b",
        rf"\b(?:nunca|no se trabaja(?:n)?|sin trabajar|no trabajas?) (?:los )?(?:{_WEEKDAY_ES}|de noche)\b",
        rf"\b(?:los )?{_WEEKDAY_ES} no se trabaja(?:n)?\b",
        rf"\b\d{{1,2}} {_H_ES}(?: semanales| diarias| por dia| a la semana)? (?:como )?maximo\b",
        rf"\blibres? (?:los )?{_WEEKDAY_ES}\b",
        r"\bhoras? extras? (?:solo |solamente )?(?:si|cuando) (?:tu |usted )?(?:quieres|quiere|deseas|desea"
        r"|aceptas|acepta|lo (?:deseas|desea|pides))\b",
        r"\bvacaciones (?:pagadas|pagas|remuneradas|de ley|segun ley)\b",
        r"\bfrancos?:? (?:\d|un|uno|dos|tres) (?:por|a la|x|cada) semana\b",
        # "Horas extras voluntarias y pagadas según ley".
        r"\bhoras? extras?(?: \w+)? (?:son |es |seran |siempre )?(?:voluntari[oa]s|opcionales|pagadas|pagas"
        r"|abonadas"
        r"|remuneradas"
        r"|se pagan|pagadas aparte|al \d+ ?%|dobles|con recargo|bien pagadas)\b(?: (?:y|e) (?:pagadas|pagas"
        r"|remuneradas|voluntarias|opcionales))?(?: (?:segun|conforme a|de acuerdo a|por|como (?:manda"
        r"|dice)) "
        r"(?:la )?(?:ley|convenio))?",
        r"\bse pagan (?:las |todas las )?horas? extras?\b",
        # Rest between shifts (seafarers, hauliers, EU rules): "descanso mínimo de 10 horas cada 24".
        rf"\bdescansos? (?:minimo |diario |obligatorio |garantizado |de al menos |entre turnos )*(?:de )?"
        rf"\d{{1,2}} {_H_ES}(?: (?:seguidas|continuas|consecutivas|entre (?:turnos|jornadas)"
        rf"|(?:cada|de cada) 24 {_H_ES}|al dia|diarias))*",
        # "No se trabaja después de las 9", "nunca antes de las 6 de la mañana".
        r"\b(?:no se trabaja|nunca se trabaja|no trabajas|no trabajaras|nunca trabajas|sin trabajo"
        r"|nada de trabajo)"
        r" (?:despues de|pasadas|antes de) las \d{1,2}\b(?: ?(?:pm|am|de la noche|de la manana|hs|h))?",
        # Equal on/off rotations state the rest: "turnos de 14 días de trabajo por 14 de descanso".
        r"\b(\d{1,2}) dias de trabajo (?:por|y|x) \1 (?:dias )?de descanso\b",
        # "Horario normal", "jornada legal": the card's "normal working hours".
        r"\b(?:horarios?|jornadas?)(?: laboral(?:es)?| de trabajo)? (?:normal(?:es)?|legal(?:es)?|de ley"
        r"|regular(?:es)?)\b",
    )
    PATTERNS_EN = (
        # "Max 40 hrs/wk", "never more than 8 hours a day".
        r"\b(?:max(?:imum)?\.?|no more than|not more than|never more than|up to a maximum of|at most"
        r"|capped at"
        rf"|limited to) (?:of )?\d{{1,2}}{_H_EN}(?:{_WEEK_EN}|{_DAY_EN})?",
        # "8-hour shift", "40 hours per week".
        rf"\b{_DAILY}{_H_EN} (?:shifts?|days?|workday|working day)\b|\b{_DAILY}{_H_EN}{_DAY_EN}",
        rf"\b{_WEEKLY}{_H_EN}{_WEEK_EN}|\b{_WEEKLY}{_H_EN} (?:work(?:ing)? )?week\b",
        # "two days off a week", "One weekly off, you can choose the day", "Sunday is free", "wknds off".
        rf"\b{_COUNT_EN} (?:weekly )?(?:days? off|rest days?|days? of rest|weekly offs?)\b(?:{_WEEK_EN}"
        rf"| (?:a|per|every|each) week|,? you (?:can )?choose the day)?",
        r"\bweekly (?:day )?offs?\b(?:,? you (?:can )?choose the day)?",
        rf"\b{_WEEKDAY_EN} (?:is |are )?(?:always )?(?:off|free|holidays?|rest days?|a rest day|optional"
        r"|voluntary)\b(?: (?:every|each) week)?",
        r"\b(?:rest days?|days? of rest)(?: every week| each week| weekly| guaranteed| per week| a week)?\b",
        r"\b(?:a|one|1|weekly|fixed|guaranteed|paid) (?:full )?(?:day off|rest day)\b(?: (?:every|each|per|a)"
        r" (?:week|sunday|saturday))?|\bday off (?:every|each|per|a) (?:week|sunday|saturday)\b",
        rf"\bno (?:night work|night shifts?|{_WEEKDAY_EN} work|work on {_WEEKDAY_EN})\b(?: (?:and|or) no "
        rf"(?:night work|night shifts?|{_WEEKDAY_EN} work))?",
        r"\bpaid (?:annual )?(?:leave|holidays?|vacation|time off|sick leave)\b|\bholiday pay\b",
        # "Overtime is optional and paid at time and a half", "overtime paid at 1.5x after 40 hours".
        r"\b(?:overtime|ot) (?:is |will be )?(?:always |strictly )?(?:optional|voluntary|voluntari[oa]"
        r"|opcional"
        r"|paid)\b(?: (?:and"
        r"|&) (?:paid"
        r"|voluntary|optional))?" + CLAUSE,
        r"\b(?:voluntary|optional|paid) overtime\b" + CLAUSE,
        r"\bovertime (?:only )?(?:if|when) you (?:want|wish|choose|agree|like)\b|\bovertime by choice\b",
        r"\bovertime (?:is )?(?:paid )?at (?:time and a half|double time|double|[\d.]+ ?x"
        r"|[\d.]+ times)\b" + CLAUSE,
        r"\b(?:shifts?|days?|hours) (?:are )?(?:never|no|not) (?:longer|more) than \d{1,2}(?: ?(?:hours?"
        r"|hrs?))?",
        # Rest between shifts: "minimum rest of 11 hours between shifts", "10 hours' rest in every 24".
        r"\b(?:(?:minimum|guaranteed|daily|at least) )?rest (?:period )?of (?:at least )?\d{1,2}"
        rf"{_H_EN}(?: (?:between shifts|in (?:every|each|any) 24(?:{_H_EN})?|a day|daily))?"
        rf"|\b\d{{1,2}}{_H_EN}'? (?:of )?(?:rest|break) (?:between shifts|in (?:every|each"
        rf"|any) 24(?:{_H_EN})?)",
        # "No work after 9 pm", "no shifts before 6am".
        r"\bno (?:work|working|shifts?|duties) (?:after|past|before) \d{1,2}(?::\d\d)? ?(?:pm|am|p\.m\."
        r"|a\.m\.)?"
        r"(?=\W|$)",
        # Equal on/off rotations: "14 days on, 14 days off", "2 weeks on / 2 weeks off".
        r"\b(\d{1,2}) (days?|weeks?) on ?[,/&-]? ?(?:and )?\1 \2 off\b",
        # "Normal working hours", "sociable hours".
        r"\b(?:normal|regular|standard|legal|reasonable|sociable) (?:working |work |office )?hours\b",
    )
    NEGATIONS = (
        *CONDITIONAL,
        r"\bno (?:hay |tiene |tienen |se dan |habra |tendras |tendra )?(?:\w+ ){0,2}?(?:dias? libres?"
        r"|dias? de"
        r" descanso|descansos?|francos?|rest days?|days? off|day off|weekly offs?|holidays?)\b",
        r"\bsin (?:dias? )?(?:libres?|descansos?|francos?)\b|\bnone\b|\bningun\w*\b|\b(?:no|not) (?:fixed"
        r"|fij[oa]s?)\b",
        r"\bunpaid\b|\bnot paid\b|\bno (?:se )?(?:pagan|pagamos|paga|reconocen)\b|\bno overtime\b"
        r"|\b(?:horas? extras?|overtime)(?: \w+)? (?:is |son |es )?(?:compulsory|mandatory|obligatori\w*"
        r"|forzos\w*)|\b(?:compulsory|mandatory|forced) overtime\b",
        r"\bsegun (?:la )?necesidad\b|\bper (?:family|employer|client)'?s? needs\b|\bas needed\b|\bon call\b",
    )
