"""Writes `snippets.jsonl`, the labelled recall set for redaction.

Run `python -m tests.service.privacy.make_snippets`.

Synthetic, ad-like Spanish and English snippets with fake values, written as templates and value
formats by hand and combined with a fixed seed, so the file is rebuilt byte for byte. Expected
values are written independently of the recognizers (E.164 from the country code and the national
digits; e-mails de-obfuscated by construction). About a sixth are hard negatives: prices, salaries,
dates, years, times, postal codes, product and order codes that must stay untouched.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import phonenumbers

OUT = Path(__file__).with_name("snippets.jsonl")
ES_WORDS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
EN_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _spell(digits: str, words: list[str], how_many: int) -> str:
    """The first `how_many` digits as words, the rest as digits, grouped like a person types them."""
    head = " ".join(words[int(d)] for d in digits[:how_many])
    rest = digits[how_many:]
    return f"{head} {rest[:3]} {rest[3:]}".strip()


# country: (calling code, region, city, lang, national-number maker, display formats of the national digits)
def _co(rng):
    while True:
        nat = "3" + rng.choice("01") + _digits(rng, 8)
        if phonenumbers.is_valid_number(phonenumbers.parse(f"+57{nat}", None)):
            return nat


def _mx(rng):
    return "55" + _digits(rng, 8)


def _py(rng):
    return "98" + rng.choice("1256") + _digits(rng, 6)


def _pe(rng):
    return "9" + _digits(rng, 8)


def _cl(rng):
    return "9" + rng.choice("5678") + _digits(rng, 7)


def _es(rng):
    return "6" + rng.choice("0123456789") + _digits(rng, 7)


def _us(rng):
    return rng.choice(["305", "786", "713", "212", "646"]) + rng.choice("2345678") + _digits(rng, 6)


def _de(rng):
    return "151" + _digits(rng, 8)


def _ve(rng):
    return "41" + rng.choice("246") + _digits(rng, 7)


def _ec(rng):
    return "99" + _digits(rng, 7)


def _ar(rng):
    return "11" + rng.choice("45") + _digits(rng, 7)


COUNTRIES = {
    "CO": (57, "Bogotá", "es", _co, "0"),
    "MX": (52, "Guadalajara", "es", _mx, ""),
    "PY": (595, "Asunción", "es", _py, "0"),
    "PE": (51, "Lima", "es", _pe, ""),
    "CL": (56, "Santiago de Chile", "es", _cl, ""),
    "ES": (34, "Madrid", "es", _es, ""),
    "US": (1, "Miami", "en", _us, ""),
    "DE": (49, "Berlin", "en", _de, "0"),
    "VE": (58, "Caracas", "es", _ve, "0"),
    "EC": (593, "Quito", "es", _ec, "0"),
    "AR": (54, "Buenos Aires", "es", _ar, "0"),
}


def _formats(region: str, nat: str, cc: int, trunk: str, rng: random.Random) -> list[str]:
    """Ways people write one number; CO/MX/US get a partly spelled-out form too."""
    local = trunk + nat if region != "CO" else nat
    n = len(local)
    cuts = (local[: n - 7], local[n - 7 : n - 4], local[n - 4 :])
    forms = [
        f"+{cc} {nat[:3]} {nat[3:6]} {nat[6:]}",
        " ".join(cuts),
        "-".join(cuts),
        ".".join(cuts),
        local,
        f"+{cc}{nat}",
        f"00{cc} {nat}",
        f"({cuts[0]}) {cuts[1]}-{cuts[2]}",
    ]
    if region in ("CO", "MX", "ES"):
        forms.append(_spell(local, ES_WORDS, 3))
    if region == "US":
        forms.append(_spell(local, EN_WORDS, 3))
    return forms


PHONE_ES = [
    "Trabajo en {city} para señoritas, buena paga. Escríbeme al {v}",
    "Interesadas llamar al {v} (WhatsApp) preguntar por Sandra",
    "Se necesita personal para restaurante en {city}, info {v}",
    "Viaje pagado, lo descuentas después. Contacto: {v}",
    "Modelos webcam {city}, ganancias diarias. Tel {v}",
    "Empleo de niñera, alojamiento incluido. Llama ya {v} solo mayores",
    "Agencia busca chicas de 18 a 25 años, comunicarse al {v}",
]
PHONE_EN = [
    "Hiring hostesses in {city}, travel paid. Text {v}",
    "Nanny job abroad, room and board included. Call {v} today",
    "Models wanted, cash daily, no experience. WhatsApp {v}",
    "Farm work visa sponsorship, fees deducted from pay. Contact {v}",
    "Easy money for young girls in {city}, call me at {v}",
]


def phone_snippets(rng: random.Random) -> list[dict]:
    rows = []
    for region, (cc, city, lang, make, trunk) in COUNTRIES.items():
        for form_index in range(10):
            nat = make(rng)
            while not phonenumbers.is_valid_number(phonenumbers.parse(f"+{cc}{nat}", None)):
                nat = make(rng)
            forms = _formats(region, nat, cc, trunk, rng)
            shown = forms[form_index % len(forms)]
            template = rng.choice(PHONE_ES if lang == "es" else PHONE_EN)
            text = template.format(city=city, v=shown)
            if "{city}" not in template and region != "CO":  # unhinted national numbers read as Colombian
                text += f" ({city})"
            rows.append(
                {"lang": lang, "region": region, "text": text, "expected": [("PHONE", f"+{cc}{nat}")]}
            )
    return rows


NAMES = [
    "maria.lopez",
    "Laura_Trabajo",
    "empleos2025",
    "ana.rrhh",
    "reclutamiento",
    "Carlos.Vega",
    "jobs.eu",
    "vale23",
]
DOMAINS = ["gmail.com", "hotmail.com", "yahoo.es", "outlook.com", "empleosya.com.co", "correo.mx", "mail.de"]


def _obfuscate(local: str, domain: str, style: int) -> str:
    labels = domain.split(".")
    return [
        f"{local}@{domain}",
        f"{local} (arroba) {' . '.join(labels)}",
        f"{local} [at] {' [dot] '.join(labels)}",
        f"{local} at {' dot '.join(labels)}",
        f"{local}@{' punto '.join(labels)}",
        f"{local}(at){'(dot)'.join(labels)}",
        f"{local} arroba {' punto '.join(labels)}",
        f"{local.upper()}@{domain.upper()}",
    ][style]


EMAIL_ES = ["Envía tu foto y datos a {v}", "Más información: {v} o por privado", "Hoja de vida al correo {v}"]
EMAIL_EN = ["Send your photos to {v} to apply", "Email {v} for details", "Apply now: {v}"]


def email_snippets(rng: random.Random) -> list[dict]:
    rows = []
    for i in range(64):
        local, domain = rng.choice(NAMES), rng.choice(DOMAINS)
        lang = "es" if i % 3 else "en"
        text = rng.choice(EMAIL_ES if lang == "es" else EMAIL_EN).format(v=_obfuscate(local, domain, i % 8))
        rows.append({"lang": lang, "text": text, "expected": [("EMAIL", f"{local}@{domain}".lower())]})
    return rows


URLS = [
    ("https://empleos-rapidos.com/oferta/123", "empleos-rapidos.com/oferta/123"),
    ("www.trabajaya.co", "trabajaya.co"),
    ("modelosweb.net", "modelosweb.net"),
    ("t.me/trabajo_ya", "t.me/trabajo_ya"),
    ("https://t.me/ChicasVIP", "t.me/chicasvip"),
    ("instagram.com/agencia.top", "instagram.com/agencia.top"),
    ("http://bit.ly/3xYzAb", "bit.ly/3xyzab"),
    ("https://www.castings-europa.de/bewerbung/", "castings-europa.de/bewerbung"),
    ("http://jobs-usa.info/apply?ref=fb", "jobs-usa.info/apply?ref=fb"),
    ("empleoexterior.com.mx/registro", "empleoexterior.com.mx/registro"),
]
URL_TEMPLATES = [
    "Postúlate en {v}",
    "Aplica aquí: {v}.",
    "Details at {v}",
    "Visita {v} y deja tus datos",
    "More: {v}",
]


def url_snippets(rng: random.Random) -> list[dict]:
    rows = []
    for i in range(40):
        shown, value = URLS[i % len(URLS)]
        rows.append({"lang": "es" if i % 2 else "en", "text": rng.choice(URL_TEMPLATES).format(v=shown),
                     "expected": [("URL", value)]})  # fmt: skip
    for _ in range(12):
        nat = _co(rng)
        link = rng.choice(["https://wa.me/57{n}", "wa.me/57{n}", "https://api.whatsapp.com/send?phone=57{n}"])
        rows.append({"lang": "es", "text": f"Escríbenos directo: {link.format(n=nat)}",
                     "expected": [("PHONE", f"+57{nat}")]})  # fmt: skip
    return rows


HANDLES = ["laura_modelos", "Agencia.Top", "reclutador22", "chicas.vip", "JobsAbroad", "trabajo_facil"]
HANDLE_FORMS = ["@{h}", "IG: {h}", "telegram: {h}", "Instagram: @{h}", "tg: @{h}", "TikTok: {h}"]
HANDLE_TEMPLATES = ["Sígueme y escribe por DM {v}", "Contact on {v} for the job", "Info solo por {v}"]


def handle_snippets(rng: random.Random) -> list[dict]:
    rows = []
    for i in range(36):
        handle = HANDLES[i % len(HANDLES)]
        shown = HANDLE_FORMS[(i // len(HANDLES)) % len(HANDLE_FORMS)].format(h=handle)
        rows.append({"lang": "es" if i % 2 else "en", "text": rng.choice(HANDLE_TEMPLATES).format(v=shown),
                     "expected": [("HANDLE", handle.lower())]})  # fmt: skip
    return rows


def _dni(number: int) -> str:
    return f"{number:08d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23]


def _rut(body: int) -> tuple[str, str]:
    total, factor = 0, 2
    for digit in reversed(str(body)):
        total += int(digit) * factor
        factor = 2 if factor == 7 else factor + 1
    dv = {11: "0", 10: "K"}.get(11 - total % 11, str(11 - total % 11))
    return f"{body:,}".replace(",", ".") + f"-{dv}", f"{body}{dv}"


CURPS = ["GODE561231HDFRRN09", "LOMA900415MJCPRR04", "HERS020101MDFRNNA7", "PEVJ851122HNLRZN02"]


def id_snippets(rng: random.Random) -> list[dict]:
    rows = []
    for _ in range(8):
        dni = _dni(rng.randrange(10_000_000, 99_999_999))
        rows.append(
            {"lang": "es", "text": f"Necesitamos tu DNI {dni} para el contrato", "expected": [("ID", dni)]}
        )
    for _ in range(5):
        body = rng.randrange(1_000_000, 9_999_999)
        letter = "TRWAGMYFPDXBNJZSQVHLCKE"[(10**7 + body) % 23]
        nie = f"Y{body:07d}{letter}"
        rows.append(
            {"lang": "es", "text": f"Trabajador con NIE {nie}, sin papeles no", "expected": [("ID", nie)]}
        )
    for _ in range(6):
        shown, value = _rut(rng.randrange(5_000_000, 25_000_000))
        rows.append(
            {
                "lang": "es",
                "text": f"Datos del postulante: RUT {shown}, Santiago",
                "expected": [("ID", value)],
            }
        )
    for curp in CURPS:
        rows.append({"lang": "es", "text": f"Manda tu CURP {curp} y acta", "expected": [("ID", curp)]})
    for _ in range(5):
        ssn = f"{rng.randrange(100, 665)}-{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)}"
        rows.append(
            {
                "lang": "en",
                "text": f"We need your SSN {ssn} before travel",
                "expected": [("ID", ssn.replace("-", ""))],
            }
        )
    for _ in range(6):
        number = rng.randrange(1_000_000_000, 1_099_999_999)
        shown = f"{number:,}".replace(",", ".")
        rows.append(
            {
                "lang": "es",
                "text": f"Enviar copia de la cédula {shown} y foto",
                "expected": [("ID", str(number))],
            }
        )
    for _ in range(4):
        number = rng.randrange(10_000_000, 99_999_999)
        rows.append(
            {
                "lang": "es",
                "text": f"C.C. {number} de Bogotá, entrevista mañana",
                "expected": [("ID", str(number))],
            }
        )
    for _ in range(4):
        number = rng.randrange(1_000_000, 6_999_999)
        shown = f"{number:,}".replace(",", ".")
        rows.append(
            {
                "lang": "es",
                "text": f"Paraguaya con C.I. N° {shown} busca empleo",
                "expected": [("ID", str(number))],
            }
        )
    for _ in range(3):
        number = rng.randrange(10_000_000, 30_000_000)
        rows.append(
            {
                "lang": "es",
                "text": f"cédula V-{number:,} Caracas".replace(",", "."),
                "expected": [("ID", f"V{number}")],
            }
        )
    for _ in range(6):
        passport = rng.choice("ABCPXK") + rng.choice("ABCDE") + _digits(rng, 6)
        text = rng.choice(
            ["Entregue su pasaporte {p} al llegar", "Passport no. {p} is kept by the agency"]
        ).format(p=passport)
        rows.append(
            {"lang": "es" if "pasaporte" in text else "en", "text": text, "expected": [("ID", passport)]}
        )
    return rows


NEGATIVES_ES = [
    "Salario $ 1.500.000 mensuales más prestaciones",
    "Pago de 2.500.000 COP al mes",
    "Sueldo: $ 12.500 MXN quincenal",
    "Gs. 3.500.000 por mes, Asunción",
    "Ganancias de 1.200 euros al mes en Madrid",
    "Fecha de inicio 15/03/2025",
    "Convocatoria 2024-2025, plazas limitadas",
    "Horario 9:00-18:00 de lunes a viernes",
    "Código postal 28013, Madrid",
    "Edad 18 a 25 años, estatura 1.65",
    "Referencia del producto REF-2024-001",
    "Año 2023, vacante 45",
    "Entrevistas el 12.05.2025 a las 10:30",
    "Pago semanal de 850.000 pesos",
    "Turnos de 8 a 17 h, 6 días",
    "Precio del curso: $ 350.000",
    "Vacantes: 120 puestos en 3 ciudades",
    "Tel. de la oficina pronto, código 110111",
    "Alojamiento 200 euros, comida 150 euros",
    "Contrato por 12 meses desde 01/02/2025",
    "Arroba de papa a 25.000 pesos",
    "Trabajo en casa de familia, pago puntual",
    "Escribe tu correo en el formulario",
    "Se busca personal de limpieza con experiencia",
    "Sin costo de inscripción, salario $ 1.300.000",
]
NEGATIVES_EN = [
    "Salary $45,000 per year plus benefits",
    "Pay 1,200 USD a month, housing included",
    "Start date 03/15/2025",
    "Shifts 9:00-17:00, Monday to Friday",
    "ZIP code 33130, Miami",
    "Order #20250315 shipped",
    "Model year 2019, 120,000 miles",
    "Product code SKU-5567-XL",
    "Meet at the office at 10 am",
    "Version 2.3.1 released",
    "Ages 18 to 25, height 5.6",
    "Room 204, building 3, floor 12",
    "Earn 500 to 800 dollars a week",
    "Apply by 2025-04-30",
    "Call us during office hours",
    "Contract from 1 June 2025 to 31 May 2026",
    "Reference 4567-AB for your application",
    "We pay 15.50 per hour",
    "Positions: 250 in 4 states",
    "No fees, no deposits, no passport retention",
    "Follow the link in our bio",
    "Wire 300 EUR for the visa, then 1,500 EUR later",
    "Team of 12 people, since 1998",
    "Open 24/7, 365 days",
    "Net income 2.000 EUR per month",
]


def negative_snippets() -> list[dict]:
    return [{"lang": "es", "text": t, "expected": []} for t in NEGATIVES_ES] + [
        {"lang": "en", "text": t, "expected": []} for t in NEGATIVES_EN
    ]


def mixed_snippets(rng: random.Random) -> list[dict]:
    rows = []
    for i in range(20):
        nat, local, domain = _co(rng), rng.choice(NAMES), rng.choice(DOMAINS)
        handle = rng.choice(HANDLES)
        email = _obfuscate(local, domain, i % 7)
        text = (
            f"Viaje a España pagado, sueldo $ 2.000.000. Llama {nat[:3]} {nat[3:]} (Medellín) o "
            f"{email}; IG: {handle}. Entrevista 10:00 el 05/06/2025"
        )
        expected = [
            ("PHONE", f"+57{nat}"),
            ("EMAIL", f"{local}@{domain}".lower()),
            ("HANDLE", handle.lower()),
        ]
        rows.append({"lang": "es", "text": text, "expected": expected})
    return rows


def build() -> list[dict]:
    rng = random.Random(20261123)
    rows = (phone_snippets(rng) + email_snippets(rng) + url_snippets(rng) + handle_snippets(rng)
            + id_snippets(rng) + negative_snippets() + mixed_snippets(rng))  # fmt: skip
    out = []
    for index, row in enumerate(rows, start=1):
        expected = [{"kind": kind, "value": value} for kind, value in row["expected"]]
        out.append({"id": f"r{index:03d}", "lang": row["lang"], "text": row["text"], "expected": expected})
    return out


def main() -> None:
    with OUT.open("w", encoding="utf-8") as stream:
        for row in build():
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
