"""The protective finder: each type in Spanish and English, negated protections left alone, spans
that point into the original text (accents, emoji), and a budget the item page can afford."""

from __future__ import annotations

import itertools
import subprocess
import sys
from dataclasses import FrozenInstanceError

import pytest

from models.indicators.protective import TYPES, ProtectiveSpan, find_protective
from tests.conftest import REPO

FOUND = [
    ("pay", "El sueldo se deposita cada quincena en una cuenta a tu nombre."),
    ("pay", "Cobrás el 5 de cada mes por transferencia."),
    ("pay", "Salario mínimo vigente y recibo de nómina."),
    ("pay", "Wages are paid fortnightly straight into your bank account."),
    ("pay", "We pay at least the National Living Wage."),
    ("pay", "Cobro semanal todos los viernes."),
    ("hours", "Trabajarás 8 horas diarias y tendrás un día libre a la semana."),
    ("hours", "Las horas extras son voluntarias y se pagan al 50%."),
    ("hours", "Maximum 48 hours per week, weekends off."),
    ("hours", "Overtime is voluntary."),
    ("hours", "Los domingos no se trabaja."),
    ("fees", "Proceso de selección totalmente gratuito."),
    ("fees", "El boleto de avión lo paga la empresa."),
    ("fees", "Recruitment is free of charge for all applicants."),
    ("fees", "Todos los gastos de viaje corren por cuenta del empleador."),
    ("fees", "Applicants do not pay any fees; the employer covers your visa and flights."),
    ("legal", "Agencia registrada ante el Ministerio de Trabajo con número de registro 5551."),
    ("legal", "Estarás afiliado al IMSS desde el primer día."),
    ("legal", "Licensed by the GLAA, licence number 555/0001."),
    ("legal", "You will be registered for National Insurance."),
    ("legal", "IMSS e INFONAVIT desde el primer día."),
    ("contract", "Firmarás un contrato de trabajo antes de viajar."),
    ("contract", "Tendrás tu copia del contrato firmada."),
    ("contract", "You will sign a written employment contract before departure."),
    ("contract", "Contract in your own language."),
    ("freedom", "Puedes renunciar cuando quieras."),
    ("freedom", "Conservas tu celular en todo momento."),
    ("freedom", "You are free to leave the job at any time."),
    ("freedom", "Workers can contact their families whenever they want."),
    ("age", "Solo mayores de edad, se verifica con DNI."),
    ("age", "Edad mínima: 18 años."),
    ("age", "18+ only, ID checked."),
    ("age", "Applicants must be over 18."),
    ("documents", "Tu pasaporte se queda contigo."),
    ("documents", "Nadie puede retener tus documentos."),
    ("documents", "Nobody will hold your passport."),
    ("documents", "We do not hold workers' passports."),
    ("documents", "Ni la agencia ni el empleador guardan tus documentos."),
]

#: Negated or conditional protections, and ordinary mentions of the same words (card kinds 2 and 4).
NOT_FOUND = [
    "No hay días de descanso durante la temporada.",
    "No se garantiza contrato por escrito.",
    "El contrato se firma al llegar a destino.",
    "Contract only after the trial period.",
    "We do not provide a written contract until you arrive.",
    "The registration fee is not refundable.",
    "Los gastos de visa corren por cuenta del trabajador.",
    "We do not pay overtime.",
    "No se pagan horas extras.",
    "Overtime is mandatory.",
    "Your passport must be handed to the supervisor.",
    "No puedes salir de la casa sin permiso.",
    "Workers may not leave the site.",
    "Salary paid at the end of the contract.",
    "Bring your passport to the interview.",
    "Contract length 6 months.",
    "Hours 9-17, 12 hour shifts.",
    "Fees: see website.",
    "Sueldo base 9,000 pesos mensuales.",
    "Se busca personal de 18 a 30 años.",
    "Puedes llamar al 555 0101 para más información.",
    "You can leave your CV at reception.",
    "Must have right to work in the UK.",
    "Contract will be signed upon arrival.",
    "You can leave only after completing 2 years.",
    "El sueldo se paga puntual al terminar la temporada.",
    "Must be 16 or older.",
    "No fee until you get the job.",
    "Interviews on your day off are possible.",
]


@pytest.mark.parametrize(
    ("kind", "text"), FOUND, ids=lambda v: v if isinstance(v, str) and len(v) < 12 else None
)
def test_each_type_is_found_in_spanish_and_english(kind, text):
    found = find_protective(text)
    assert kind in {span.type for span in found}, [(s.type, text[s.start : s.end]) for s in found]


def test_every_type_has_a_sentence_in_both_languages():
    assert {kind for kind, _ in FOUND} == set(TYPES) and len(TYPES) == 8


@pytest.mark.parametrize("text", NOT_FOUND)
def test_negated_conditional_and_ordinary_wording_is_not_found(text):
    assert [(s.type, text[s.start : s.end]) for s in find_protective(text)] == []


def test_a_negation_cancels_only_its_own_sentence():
    text = "No hay contrato hasta pasado el periodo de prueba. Pago quincenal en tu cuenta a tu nombre."
    assert [s.type for s in find_protective(text)] == ["pay"]


def test_spans_point_into_the_original_text_with_accents_and_emoji():
    text = "🍓🍓 ¡CONTRATACIÓN YA! ✅ Nadie retendrá tu PASAPORTE 🛂 · Solo mayores de 18 años 👍"
    spans = find_protective(text)
    assert [(s.type, text[s.start : s.end]) for s in spans] == [
        ("documents", "Nadie retendrá tu PASAPORTE"),
        ("age", "Solo mayores de 18 años"),
    ]


def test_spans_are_sorted_and_never_overlap_within_a_type():
    text = (
        "Contrato por escrito, firmado antes de viajar. Pago mensual en tu cuenta, puntual cada día 30. "
        "Jornada de 8 horas con dos días libres, horas extras voluntarias. No fees, no deposits, ever."
    )
    spans = find_protective(text)
    assert spans == sorted(spans, key=lambda s: (s.start, s.end, s.type))
    for kind in TYPES:
        own = [s for s in spans if s.type == kind]
        assert all(a.end <= b.start for a, b in itertools.pairwise(own))
    # the conjunction joins two hours clauses into one span
    assert [text[s.start : s.end] for s in spans if s.type == "hours"] == [
        "Jornada de 8 horas con dos días libres, horas extras voluntarias"
    ]


def test_the_span_is_a_frozen_value():
    span = find_protective("Tu pasaporte se queda contigo.")[0]
    assert span == ProtectiveSpan("documents", 0, 29) and span.to_dict() == {
        "type": "documents",
        "start": 0,
        "end": 29,
    }
    with pytest.raises(FrozenInstanceError):
        span.start = 1  # type: ignore[misc]


def test_empty_text_finds_nothing():
    assert find_protective("") == []


def test_a_long_ad_is_read_whole():
    """A 20,000-character ad (the longest a partner sends) is read to its end; its speed is a
    `make bench` figure (`protective_wording_20k_chars`), not a test."""
    sentences = [text for _, text in FOUND] + NOT_FOUND
    text = " ".join(sentences * 30)[:20_000]
    spans = find_protective(text)
    assert len(spans) > 100 and spans[-1].end > 18_000


def test_importing_the_finder_pulls_in_nothing_heavy():
    code = (
        "import sys; import models.indicators.protective as p; p.find_protective('No fees.'); "
        "print(sorted(m for m in ('torch', 'sklearn', 'numpy', 'transformers', 'sentence_transformers') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env={"PYTHONPATH": str(REPO)}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
