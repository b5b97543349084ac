"""Protective phrasings added in session 9's second round, as families of wording (registers and
countries vary), each with the negated or ordinary twin that must stay unfound."""

from __future__ import annotations

import pytest

from models.indicators.protective import find_protective

FOUND = [
    ("pay", "Nómina abonada mensualmente vía transferencia."),
    ("pay", "La paga se liquida quincenalmente por transferencia bancaria."),
    ("pay", "Sueldo pagado por nómina a cuenta de la empleada."),
    ("pay", "SDO. QUINCENAL PAGADO C/ 15 DIAS."),
    ("pay", "Cobras los días 15 y 30 sin falta."),
    ("pay", "Siempre te garantizamos el salario mínimo."),
    ("pay", "Se respeta el mínimo de convenio por hora."),
    ("pay", "Propina aparte, pago entregado al finalizar cada turno."),
    ("pay", "Allowance paid every Sat in cash with a slip."),
    ("pay", "Wages never below the regional minimum in Lagos."),
    ("hours", "Descanso de 12 horas entre jornadas."),
    ("hours", "Minimum rest of 10 hours in every 24 on board."),
    ("hours", "Lunes libre cada semana."),
    ("hours", "SAB. Y DOM. DE DESCANSO."),
    ("hours", "Fridays off every week."),
    ("hours", "No shifts after 10pm for anyone."),
    ("hours", "Offshore rota: 21 days on / 21 days off."),
    ("hours", "Horas extra pagas al 50%."),
    ("hours", "Normal working hours, Monday to Friday."),
    ("hours", "OT is optional."),
    ("fees", "La visa no tiene ningún costo para ti."),
    ("fees", "El vuelo no te lo cobramos."),
    ("fees", "El autobús hasta la finca es gratuito."),
    ("fees", "Lodging is fully covered by the farm."),
    ("legal", "Te damos de alta en planilla desde el inicio."),
    ("legal", "Processed through the POEA, with a verified job order."),
    ("legal", "We are on the GLAA public register."),
    ("legal", "Sponsored under the H-2B program by a licensed farm."),
    ("legal", "Problems at work? Call ACAS on 0300 555 0000."),
    ("legal", "Our agency is duly licensed."),
    ("legal", "Manpower agent (POEA licence no. 555-LB-0101)."),
    ("legal", "SSS, PhilHealth and Pag-IBIG contributions remitted monthly."),
    ("legal", "¿Preguntas sobre tus derechos laborales? Escribe a la inspección del trabajo."),
    ("freedom", "Si algún día no quieres venir a trabajar, solo avisa."),
    ("freedom", "Aquí nadie te obliga a quedarte."),
    ("freedom", "Usted decide cuántos turnos trabaja."),
    ("freedom", "El uso del celular es libre en los descansos."),
    ("freedom", "Workers can hand in notice whenever they need to."),
    ("freedom", "Personal phones allowed on breaks."),
    ("freedom", "Your days off are your own."),
    ("freedom", "You are not obliged to stay after the season."),
    ("freedom", "You choose your own shifts."),
    ("documents", "Cada marinero conserva sus documentos de viaje."),
    ("documents", "Workers keep their own ID cards at all times."),
    ("contract", "Contrato laboral desde el primer día."),
    ("contract", "Agreement to be signed at our office before departure."),
    ("contract", "Contract from day one."),
]

NOT_FOUND = [
    "El transporte al campo no lo cubre la empresa.",
    "The employer does not pay for the flight home.",
    "Placement fee must be paid in full before the medical.",
    "No hay alta en el seguro social.",
    "Must have OSHA 10 certification.",
    "Must have own phone and motorbike.",
    "Phone use only on Sundays.",
    "Turnos de 24 x 24.",
    "Salary RM 1,500 + OT.",
    "La agencia conserva su pasaporte durante el trámite.",
    "Agreement will be signed upon arrival.",
    "Candidates need at least the minimum experience.",
    "Trabajo de lunes a domingo.",
]


@pytest.mark.parametrize(("kind", "text"), FOUND)
def test_new_phrasings_are_found(kind, text):
    found = find_protective(text)
    assert kind in {span.type for span in found}, [(s.type, text[s.start : s.end]) for s in found]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_their_negated_and_ordinary_twins_are_not_found(text):
    assert [(s.type, text[s.start : s.end]) for s in find_protective(text)] == []


def test_a_payroll_registration_and_its_refusal_in_one_ad_stay_apart():
    text = "Entras a planilla desde el primer día. En la otra sede no hay planilla."
    assert [(s.type, text[s.start : s.end]) for s in find_protective(text)] == [
        ("legal", "Entras a planilla desde el primer día")
    ]
