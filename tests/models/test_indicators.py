"""Indicator rules: spans in Spanish and English, negations, normaliser, registry vs taxonomy.

The phrase-level cases test the rules (`RecognizerRegistry`) alone; the learned sentence detector
that `detect` adds is measured on data (labelled_data/v2, blind-v1) and tested in test_detector.py.
"""

from __future__ import annotations

import itertools
import re

import pytest

from models.indicators import (
    IndicatorSpan,
    RecognizerRegistry,
    detect,
    indicator_codes,
    load_taxonomy,
    normalise,
)
from models.indicators.recognizers import ALL_RECOGNIZERS
from models.indicators.recognizers.base import scan

RULES = RecognizerRegistry()


def rule_codes(text: str) -> list[str]:
    return sorted({s.code for s in RULES.analyze(text)})


# (code, original text, phrase that must lie inside one span of that code)
POSITIVES = [
    ("es", "JOB_ABROAD_DECEPTIVE", "Oportunidad: TRABAJO EN ESPAÑA para gente seria.", "TRABAJO EN ESPAÑA"),
    (
        "es",
        "JOB_ABROAD_DECEPTIVE",
        "Ofrecemos empleo en el extranjero, viaje pronto.",
        "empleo en el extranjero",
    ),
    (
        "es",
        "JOB_ABROAD_DECEPTIVE",
        "Señoritas para el exterior, info x interno",
        "Señoritas para el exterior",
    ),
    ("en", "JOB_ABROAD_DECEPTIVE", "Well paid WORK IN DUBAI for hard workers", "WORK IN DUBAI"),
    ("en", "JOB_ABROAD_DECEPTIVE", "Jobs abroad for everyone, apply now", "Jobs abroad"),
    ("es", "TRAVEL_DEDUCTED", "Te pagamos el pasaje y luego lo descuentas del sueldo.", "pasaje y luego"),
    (
        "es",
        "TRAVEL_DEDUCTED",
        "Viaje pagado, se descuenta después del primer mes.",
        "Viaje pagado, se descuenta",
    ),
    ("es", "TRAVEL_DEDUCTED", "El boleto de avión se descuenta del sueldo.", "boleto"),
    # Rioplatense voseo ("descontás", "devolvés"), seen missed in the demo ad.
    ("es", "TRAVEL_DEDUCTED", "Te pagamos el pasaje y lo descontás de tu sueldo.", "descontás"),
    ("es", "TRAVEL_DEDUCTED", "El pasaje lo devolvés con tu primer sueldo.", "devolvés"),
    ("es", "TRAVEL_DEDUCTED", "Te adelantamos el tiquete, sin problema.", "adelantamos el tiquete"),
    ("en", "TRAVEL_DEDUCTED", "We cover your flight, you pay it back from wages.", "flight, you pay it back"),
    ("en", "TRAVEL_DEDUCTED", "You repay the ticket from your first wages.", "repay the ticket"),
    ("es", "RECRUITMENT_FEE", "Inscripción de 200 dólares para empezar.", "Inscripción de 200"),
    ("es", "RECRUITMENT_FEE", "Costo de trámite: consultar. Pago por la visa aparte.", "Costo de trámite"),
    ("es", "RECRUITMENT_FEE", "Pago por la visa aparte.", "Pago por la visa"),
    ("es", "RECRUITMENT_FEE", "Debes depositar $150 para reservar tu lugar.", "depositar $150"),
    ("en", "RECRUITMENT_FEE", "A small Registration Fee applies.", "Registration Fee"),
    ("en", "RECRUITMENT_FEE", "Pay $300 for training before you start.", "Pay $300 for training"),
    ("en", "RECRUITMENT_FEE", "Deposit required to secure the job.", "Deposit required"),
    ("es", "DEBT", "Te damos un préstamo que pagas con tu trabajo.", "préstamo que pagas"),
    ("es", "DEBT", "Adelanto de sueldo; descuentos por alojamiento y comida.", "descuentos por alojamiento"),
    ("es", "DEBT", "Trabajas hasta que saldes tu deuda con la agencia.", "deuda"),
    ("en", "DEBT", "Advance on wages available for new staff.", "Advance on wages"),
    ("en", "DEBT", "You will repay the debt from your earnings.", "repay the debt"),
    (
        "es",
        "DOCUMENT_RETENTION",
        "Nosotros guardamos tu pasaporte durante el contrato.",
        "guardamos tu pasaporte",
    ),
    ("es", "DOCUMENT_RETENTION", "Deberás entregar el pasaporte al llegar.", "entregar el pasaporte"),
    ("en", "DOCUMENT_RETENTION", "We hold your passport for safekeeping.", "hold your passport"),
    ("en", "DOCUMENT_RETENTION", "Your ID will be kept by the employer.", "ID will be kept by the employer"),
    ("es", "WAGES_WITHHELD", "El pago es al final de la temporada.", "pago es al final de la temporada"),
    ("es", "WAGES_WITHHELD", "Cobras a los 3 meses de empezar.", "Cobras a los 3 meses"),
    ("en", "WAGES_WITHHELD", "Salary paid at end of contract.", "Salary paid at end of contract"),
    ("en", "WAGES_WITHHELD", "Wages paid to the agent every month.", "Wages paid to the agent"),
    ("es", "LIVE_IN_ISOLATION", "Vivir en la finca, sin salidas.", "sin salidas"),
    ("es", "LIVE_IN_ISOLATION", "Puertas adentro, sin celular, salida cada dos meses.", "sin celular"),
    ("es", "LIVE_IN_ISOLATION", "Salida cada dos meses.", "Salida cada dos meses"),
    ("en", "LIVE_IN_ISOLATION", "Live-in position, no going out.", "no going out"),
    (
        "en",
        "LIVE_IN_ISOLATION",
        "Phones kept by the manager. Accommodation on site, no visitors.",
        "no visitors",
    ),
    ("en", "LIVE_IN_ISOLATION", "Phones kept by the manager.", "Phones kept"),
    ("es", "NO_DAYS_OFF", "Sin días libres, disponibilidad 24 horas.", "Sin días libres"),
    ("es", "NO_DAYS_OFF", "Disponibilidad 24/7 de lunes a domingo.", "de lunes a domingo"),
    ("es", "NO_DAYS_OFF", "Disponibilidad 24/7.", "Disponibilidad 24/7"),
    ("es", "NO_DAYS_OFF", "Trabajo 7 días a la semana.", "7 días a la semana"),
    ("en", "NO_DAYS_OFF", "12-16 hour shifts, no days off.", "12-16 hour shifts"),
    ("en", "NO_DAYS_OFF", "12-16 hour shifts, NO DAYS OFF.", "NO DAYS OFF"),
    (
        "es",
        "UNREALISTIC_PAY",
        "Gana 3000 dólares al mes sin experiencia.",
        "3000 dólares al mes sin experiencia",
    ),
    ("es", "UNREALISTIC_PAY", "Ganancias de hasta 5 mil semanales, dinero rápido.", "Ganancias de hasta"),
    ("es", "UNREALISTIC_PAY", "DINERO RÁPIDO para chicas", "DINERO RÁPIDO"),
    ("en", "UNREALISTIC_PAY", "Earn $5,000 a month, no experience!", "Earn $5,000 a month, no experience"),
    ("en", "UNREALISTIC_PAY", "Easy money for students.", "Easy money"),
    ("es", "APPEARANCE", "Se buscan señoritas de buena presencia.", "señoritas de buena presencia"),
    ("es", "APPEARANCE", "Chicas lindas para bar.", "Chicas lindas"),
    ("es", "APPEARANCE", "Modelos para el exterior, viaje pagado.", "Modelos para el exterior"),
    ("es", "APPEARANCE", "Enviar foto de cuerpo entero al correo.", "foto de cuerpo entero"),
    ("en", "APPEARANCE", "Young ladies of good appearance wanted.", "ladies of good appearance"),
    ("en", "APPEARANCE", "Hostesses wanted for VIP club.", "Hostesses wanted"),
    ("en", "APPEARANCE", "Please send full-body photos.", "full-body photos"),
    ("es", "MINORS_TARGETED", "Chicas desde 16 años.", "desde 16 años"),
    ("es", "MINORS_TARGETED", "Edad: de 15 a 17.", "de 15 a 17"),
    ("es", "MINORS_TARGETED", "Se aceptan menores de edad.", "menores de edad"),
    ("es", "MINORS_TARGETED", "No necesitas permiso de tus padres.", "No necesitas permiso de tus padres"),
    ("en", "MINORS_TARGETED", "Looking for school students 16+.", "school students"),
    ("en", "MINORS_TARGETED", "Looking for school students 16+.", "16+"),
    ("en", "MINORS_TARGETED", "Under 18 welcome!", "Under 18 welcome"),
    ("es", "URGENCY", "¡URGENTE! Viaje inmediato.", "URGENTE"),
    ("es", "URGENCY", "Viaje inmediato.", "Viaje inmediato"),
    ("es", "URGENCY", "Salida esta semana, últimos cupos.", "Salida esta semana"),
    ("es", "URGENCY", "Cupos limitados.", "Cupos limitados"),
    ("en", "URGENCY", "Urgent: leave this week, limited spots.", "leave this week"),
    ("en", "URGENCY", "Immediate start for the right people.", "Immediate start"),
    ("es", "MESSENGER_ONLY", "Solo WhatsApp, no llamadas.", "Solo WhatsApp"),
    ("es", "MESSENGER_ONLY", "Info x interno", "Info x interno"),
    ("es", "MESSENGER_ONLY", "Escribir al privado para detalles.", "Escribir al privado"),
    ("es", "MESSENGER_ONLY", "Solo por wsp.", "Solo por wsp"),
    ("en", "MESSENGER_ONLY", "Contact: only Telegram.", "only Telegram"),
    ("en", "MESSENGER_ONLY", "DM only. Text only, no calls.", "DM only"),
    ("en", "MESSENGER_ONLY", "Text only, no calls.", "no calls"),
    ("es", "VAGUE_EMPLOYER", "Empresa seria busca personal.", "Empresa seria"),
    ("es", "VAGUE_EMPLOYER", "Importante empresa solicita ayudantes.", "Importante empresa"),
    ("es", "VAGUE_EMPLOYER", "Trabajo para cliente privado.", "cliente privado"),
    ("en", "VAGUE_EMPLOYER", "A reputable company is hiring.", "reputable company"),
    ("en", "VAGUE_EMPLOYER", "Confidential employer, details at interview.", "Confidential employer"),
    ("en", "VAGUE_EMPLOYER", "Nanny for a private client in London.", "private client"),
    ("es", "NO_CONTRACT", "Sin contrato, pago en efectivo.", "Sin contrato"),
    ("es", "NO_CONTRACT", "Pago en efectivo cada semana.", "Pago en efectivo"),
    ("es", "IRREGULAR_ENTRY", "No se necesitan papeles.", "No se necesitan papeles"),
    ("es", "IRREGULAR_ENTRY", "No necesitas visa para viajar.", "No necesitas visa"),
    ("en", "NO_CONTRACT", "No contract needed, cash only.", "No contract needed"),
    ("en", "IRREGULAR_ENTRY", "Cash only. No papers needed, no visa required.", "No papers needed"),
    ("en", "IRREGULAR_ENTRY", "No visa required.", "No visa required"),
    ("es", "IRREGULAR_ENTRY", "Allá te arreglamos los papeles.", "te arreglamos los papeles"),
    ("en", "IRREGULAR_ENTRY", "We fix your visa there, no problem.", "We fix your visa there"),
    ("es", "CHILD_DOMESTIC_PLACEMENT", "Se busca niña para ayudar en casa a cambio de estudio.", "niña"),
    ("en", "CHILD_DOMESTIC_PLACEMENT", "Need a girl to help with house work, we send her to school.", "girl"),
    ("es", "SCAM_COMPOUND_LURE", "Atención al cliente en Camboya, vuelos pagados.", "Camboya"),
    ("en", "SCAM_COMPOUND_LURE", "Customer service jobs in Thailand, flights paid.", "Thailand"),
    ("es", "MONEY_MULE", "Prestá tu cuenta bancaria para recibir pagos.", "cuenta bancaria"),
    ("en", "MONEY_MULE", "Receive parcels at home and forward them to our clients.", "forward"),
    ("es", "SPORTS_TRIAL_LURE", "Pruebas con clubes de España para futbolistas jóvenes.", "España"),
    ("en", "SPORTS_TRIAL_LURE", "Football trials with top clubs in Europe.", "Europe"),
    ("es", "SCHOLARSHIP_LURE", "Becas al 100% para estudiar en Rusia.", "Becas"),
    ("en", "SCHOLARSHIP_LURE", "Fully funded scholarship to study in Cyprus.", "scholarship"),
    ("es", "MARRIAGE_LURE", "Caballeros europeos buscan esposa latina, pasaje pagado.", "esposa"),
    ("en", "MARRIAGE_LURE", "Meet and marry a foreign husband, ticket paid.", "marry"),
    ("es", "UPFRONT_PAYMENT", "Debes comprar el kit de inicio antes de empezar.", "kit"),
    ("en", "UPFRONT_PAYMENT", "Deposit the cheque and send the rest to our supplier.", "cheque"),
    ("es", "CHAT_ONLY_INTERVIEW", "La entrevista es por Telegram, sin llamadas.", "entrevista"),
    ("en", "CHAT_ONLY_INTERVIEW", "Interview via Telegram chat, hired the same day.", "Interview"),
    # Classified-ad noise: ALL CAPS, "x" for "por", "q" for "que", missing accents.
    ("es", "TRAVEL_DEDUCTED", "PASAJE PAGADO Q SE DESCUENTA DEL SUELDO!!", "PASAJE PAGADO Q SE DESCUENTA"),
    ("es", "MESSENGER_ONLY", "INTERESADAS INFO X INTERNO 📩", "INFO X INTERNO"),
    ("es", "MINORS_TARGETED", "chicas desde 16 anos, no necesitas permiso d tus padres", "desde 16 anos"),
    ("es", "RECRUITMENT_FEE", "Tramite d visa: USD 450, se paga antes d viajar", "USD 450"),
    ("es", "WAGES_WITHHELD", "EL SUELDO SE PAGA TODO JUNTO AL FINAL DE LA COSECHA", "AL FINAL DE LA COSECHA"),
    (
        "en",
        "DOCUMENT_RETENTION",
        "PASSPORTS HELD BY THE AGENCY UNTIL THE CONTRACT ENDS",
        "PASSPORTS HELD BY THE AGENCY",
    ),
    (
        "en",
        "LIVE_IN_ISOLATION",
        "Girls live at the club, outings only with the manager.",
        "outings only with the manager",
    ),
]


@pytest.mark.parametrize(("lang", "code", "text", "phrase"), POSITIVES)
def test_positive_span_contains_phrase(lang: str, code: str, text: str, phrase: str) -> None:
    spans = [s for s in RULES.analyze(text) if s.code == code]
    assert any(phrase in text[s.start : s.end] for s in spans), (text, [text[s.start : s.end] for s in spans])


def test_every_code_has_spanish_and_english_positives() -> None:
    for lang in ("es", "en"):
        assert {code for lg, code, _, _ in POSITIVES if lg == lang} == set(load_taxonomy()), lang


NEGATIVES = [
    ("RECRUITMENT_FEE", "No fees charged to workers. Registration is free of charge."),
    ("RECRUITMENT_FEE", "No registration fee, no processing fee."),
    ("RECRUITMENT_FEE", "Sin costo de inscripción. No cobramos por el trámite."),
    ("RECRUITMENT_FEE", "We never charge a recruitment fee."),
    ("RECRUITMENT_FEE", "Visa fees are covered by the employer."),
    ("RECRUITMENT_FEE", "Inscripción gratuita, trámite sin costo."),
    ("TRAVEL_DEDUCTED", "Flight paid by the employer, not deducted from wages."),
    ("TRAVEL_DEDUCTED", "El pasaje no se descuenta del sueldo."),
    ("TRAVEL_DEDUCTED", "Viajes con 20% de descuento a Cancún."),
    ("DOCUMENT_RETENTION", "You keep your passport at all times."),
    ("DOCUMENT_RETENTION", "Nunca retenemos tu pasaporte."),
    ("DOCUMENT_RETENTION", "Enviar copia del pasaporte y CV."),
    ("DOCUMENT_RETENTION", "We will take your passport details at interview."),
    ("MINORS_TARGETED", "Solo mayores de 18 años."),
    ("MINORS_TARGETED", "18+ only."),
    ("MINORS_TARGETED", "Applicants must be over 18."),
    ("MINORS_TARGETED", "No se aceptan menores de edad."),
    ("MINORS_TARGETED", "No one under 18, sorry."),
    ("MINORS_TARGETED", "Horario de lunes a viernes de 15 a 17 hs."),
    ("MINORS_TARGETED", "Clases para estudiantes de secundaria."),
    ("MINORS_TARGETED", "Minimum 15 years of experience."),
    ("APPEARANCE", "Vendo Toyota modelo 2019, buen estado."),
    ("APPEARANCE", "Host/hostess for our restaurant."),
    ("NO_DAYS_OFF", "Turno de 14 a 22 hs, lunes a viernes."),
    ("NO_DAYS_OFF", "Abierto 7 días a la semana, cerrajería 24 horas."),
    ("NO_DAYS_OFF", "Shifts of 8 hours, two days off per week."),
    ("NO_DAYS_OFF", "Turnos rotativos de lunes a domingo con dos días libres."),
    ("UNREALISTIC_PAY", "Sueldo $9.000 mensuales, sin experiencia."),
    ("DEBT", "Gestor de cobranza: recuperación de deuda vencida."),
    ("DEBT", "Debt collector needed, no debt of your own required."),
    ("LIVE_IN_ISOLATION", "No phone calls please, apply by email."),
    ("MESSENGER_ONLY", "Info por WhatsApp al 555 1234 o en la oficina."),
    ("VAGUE_EMPLOYER", "Private client advisor at Banco Ejemplo."),
    ("WAGES_WITHHELD", "Sueldo con aumento a los 3 meses."),
    ("NO_CONTRACT", "Contrato indefinido, alta en seguridad social."),
    ("JOB_ABROAD_DECEPTIVE", "Work from home, flexible hours."),
    ("JOB_ABROAD_DECEPTIVE", "Applicants must be authorised to work in the UK."),
    ("RECRUITMENT_FEE", "Pay $19 per hour, paid weekly."),
    ("RECRUITMENT_FEE", "Sueldo de USD 500 al mes."),
    ("DOCUMENT_RETENTION", "Nadie puede retener su pasaporte."),
    ("APPEARANCE", "Agencia au pair busca jóvenes para familias anfitrionas en Japón."),
    ("APPEARANCE", "Enviar CV con foto a rrhh@ejemplo.com."),
    ("MINORS_TARGETED", "Edad entre 16 y 29 años, inscrito en Garantía Juvenil."),
    ("MESSENGER_ONLY", "No calls, please. Apply by sending a cover letter."),
    ("NO_DAYS_OFF", "Jornada completa de lunes a domingo con los descansos que marca la ley."),
    ("NO_DAYS_OFF", "Jornada parcial de 24 horas semanales."),
    ("NO_CONTRACT", "Cajero: cobro en efectivo y con tarjeta."),
    ("WAGES_WITHHELD", "Pago mensual y bono al final de la temporada."),
    ("UNREALISTIC_PAY", "Salario 21.000 euros brutos anuales, sin experiencia."),
]


@pytest.mark.parametrize(("code", "text"), NEGATIVES)
def test_negated_or_ordinary_wording_does_not_fire(code: str, text: str) -> None:
    assert code not in rule_codes(text), [(s.code, text[s.start : s.end]) for s in RULES.analyze(text)]


ORDINARY_ADS = [
    "Se busca cajero/a para supermercado en Quito. Requisitos: bachiller, experiencia de 1 año. "
    "Ofrecemos sueldo básico más beneficios de ley, contrato fijo. Enviar CV a rrhh@ejemplo.com.",
    "Vendo Chevrolet Aveo modelo 2019, único dueño, papeles al día. Llamar al 099 123 4567.",
    "Warehouse associate, full time, Monday to Friday 8am-5pm. $17/hour plus benefits. Apply online.",
    "Restaurante en Madrid busca camarero con experiencia. Jornada completa, dos días libres.",
]


@pytest.mark.parametrize("text", ORDINARY_ADS)
def test_ordinary_ads_are_quiet(text: str) -> None:
    assert indicator_codes(text) == [], [(s.code, text[s.start : s.end]) for s in detect(text)]


@pytest.mark.parametrize(
    "text", ["", "a", "PASAJE İstanbul ÁÉÍÓÚ Ñandú", "😀👍🏽 “hola” – x ß ẞ ﬁ 가 ǅ", "\u00a0x\u2019s\u200d"]
)
def test_normalise_preserves_length(text: str) -> None:
    out = normalise(text)
    assert len(out) == len(text)
    assert out == out.lower() or "ǅ" in text  # title-case digraphs lower to one char anyway


def test_normalise_folds_case_accents_and_punctuation() -> None:
    assert normalise("PASAJÉ Años “x” – İ") == 'pasaje anos "x" - i'


def test_spans_point_into_original_text_with_emojis_and_accents() -> None:
    text = "🔥🔥 ¡¡URGENTÍSIMO!! 💃 Señoritas de BUENA PRESENCIA 👉 trabajo en Japón, pasaje se descuenta 😉"
    spans = detect(text)
    by_code = {s.code: text[s.start : s.end] for s in spans}
    assert by_code["APPEARANCE"] == "Señoritas de BUENA PRESENCIA"
    assert by_code["JOB_ABROAD_DECEPTIVE"] == "trabajo en Japón"
    assert by_code["TRAVEL_DEDUCTED"] == "pasaje se descuenta"
    assert spans == sorted(spans, key=lambda s: (s.start, s.end, s.code))


def test_empty_text_gives_nothing() -> None:
    assert detect("") == []
    assert indicator_codes("") == []


def test_same_code_overlaps_are_merged_and_output_is_sorted() -> None:
    text = "Urgente urgente. Cupos limitados, últimos cupos."
    spans = detect(text)
    assert spans == sorted(spans, key=lambda s: (s.start, s.end, s.code))
    for a, b in itertools.pairwise(spans):
        assert not (a.code == b.code and b.start <= a.end)


def test_span_to_dict() -> None:
    assert IndicatorSpan("URGENCY", 0, 7).to_dict() == {"code": "URGENCY", "start": 0, "end": 7}


def test_registry_codes_equal_taxonomy_codes() -> None:
    assert RecognizerRegistry().codes == tuple(load_taxonomy())
    assert len(ALL_RECOGNIZERS) == len(load_taxonomy())


def test_registry_rejects_missing_or_unknown_codes() -> None:
    with pytest.raises(ValueError, match="missing"):
        RecognizerRegistry(ALL_RECOGNIZERS[1:])

    class Bogus(ALL_RECOGNIZERS[0]):
        CODE = "NOT_A_CODE"

    with pytest.raises(ValueError, match="NOT_A_CODE"):
        RecognizerRegistry((*ALL_RECOGNIZERS, Bogus))


def test_taxonomy_is_typed() -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy) == 24
    fee = taxonomy["RECRUITMENT_FEE"]
    assert fee.weight == 2 and fee.name_es and fee.name_en and fee.ilo and fee.definition
    assert fee.severity == "strong" and not fee.decisive
    decisive = {code for code, i in taxonomy.items() if i.decisive}
    assert {"MINORS_TARGETED", "DOCUMENT_RETENTION", "TRAVEL_DEDUCTED", "DEBT", "WAGES_WITHHELD"} <= decisive
    assert {i.severity for i in taxonomy.values()} == {"decisive", "strong", "weak"}


def test_every_indicator_is_described_in_spanish_too() -> None:
    """A Spanish page shows each definition and ILO text in Spanish: none may be missing or left in
    English (a copied English text would pass a check for presence only)."""
    for code, indicator in load_taxonomy().items():
        assert indicator.definition_es and indicator.ilo_es, code
        assert indicator.definition_es != indicator.definition, code
        assert indicator.ilo_es != indicator.ilo, code
        assert indicator.definition_in("es") == indicator.definition_es
        assert indicator.ilo_in("en") == indicator.ilo and indicator.name_in("es") == indicator.name_es


def test_prefilter_never_loses_a_match() -> None:
    """Trying patterns only where a word could start a match gives what a full scan gives."""
    texts = [t for _, _, t, _ in POSITIVES] + [t for _, t in NEGATIVES] + ORDINARY_ADS
    for cls in ALL_RECOGNIZERS:
        recognizer = cls()
        regexes = [re.compile(p) for p in cls.PATTERNS_ES + cls.PATTERNS_EN]
        assert not cls.unfiltered, f"{cls.CODE}: a pattern escapes the prefilter (slow full scan)"
        for text in texts:
            norm = normalise(text)
            brute = recognizer.keep(norm, [m.span() for regex in regexes for m in scan(regex, norm)])
            assert recognizer.analyze(norm) == brute, (cls.CODE, text)


def test_registry_agrees_with_each_recognizer() -> None:
    text = " ".join(t for _, _, t, _ in POSITIVES)
    norm = normalise(text)
    found = RecognizerRegistry().analyze(text)
    for cls in ALL_RECOGNIZERS:
        merged: list[tuple[int, int]] = []
        for start, end in cls().analyze(norm):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        assert merged == [(s.start, s.end) for s in found if s.code == cls.CODE], cls.CODE
