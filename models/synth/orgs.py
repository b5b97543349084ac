"""Invented organisations: licensed agencies, employers, seasonal programmes, street addresses.

Legitimate ads name who is hiring, where they are and under which licence; that is exactly what the
deceptive ads leave out. All names, licence numbers and addresses are invented for this dataset and
the domains use the reserved ``.example`` TLD.
"""

from __future__ import annotations

import random
import unicodedata

_AGENCY_A = {
    "es": (
        "Andes",
        "Horizonte",
        "Puente",
        "Cóndor",
        "Atlántico",
        "Ruta",
        "Nexo",
        "Sendero",
        "Brújula",
        "Alianza",
        "Faro",
        "Ceiba",
        "Guaraní",
        "Pacífico",
        "Ibérica",
        "Mirador",
    ),
    "en": (
        "Harbour",
        "Bridgeway",
        "Northstar",
        "Meridian",
        "Keystone",
        "Summit",
        "Crescent",
        "Beacon",
        "Compass",
        "Evergreen",
        "Lighthouse",
        "Pinnacle",
        "Riverside",
        "Sterling",
    ),
}
_AGENCY_B = {
    "es": (
        "Talento",
        "Empleo",
        "Personal",
        "Recursos Humanos",
        "Colocaciones",
        "Movilidad Laboral",
        "Servicios Laborales",
        "Selección",
    ),
    "en": (
        "Recruitment",
        "Staffing",
        "Talent",
        "Workforce",
        "Placement",
        "Employment Services",
        "Personnel",
        "Careers",
    ),
}
_AGENCY_SUFFIX = {
    "es": ("S.A.S.", "S.A.", "S.L.", "S.R.L.", "Ltda.", "S.A. de C.V.", ""),
    "en": ("Ltd", "LLC", "Inc.", "Ltd.", ""),
}
_COMPANY_A = {
    "es": (
        "Hotel Las Palmas",
        "Restaurante El Fogón",
        "Limpiezas Brillo",
        "Constructora Roble",
        "Finca La Esperanza",
        "Agroexport Valle Verde",
        "Hostal Mar Azul",
        "Distribuidora Norte",
        "Panadería San Miguel",
        "Clínica Santa Clara",
        "Supermercados Familia",
        "Transportes Ruiz",
        "Café del Centro",
        "Lavandería Nube",
        "Residencia Los Olivos",
        "Logística Sur",
    ),
    "en": (
        "Maple Grove Hotel",
        "Riverside Diner",
        "BrightClean Services",
        "Oakline Construction",
        "Sunny Acres Farm",
        "Greenfield Orchards",
        "Harbor View Inn",
        "Northgate Logistics",
        "Corner Bakery Co.",
        "St. Clare Care Home",
        "FreshMart Stores",
        "Redwood Movers",
        "Blue Door Cafe",
        "Lakeside Laundry",
        "Willow Court Residence",
        "Summit Warehousing",
    ),
}
_PROGRAMMES = {
    "es": (
        "Programa de Trabajo Temporal Campo Norte",
        "Programa Huerta Segura de contratación en origen",
        "Programa Temporada Justa",
        "Convenio de Migración Circular Sur-Norte",
        "Programa de Temporeros Agrícolas (contratación en origen)",
        "Programa Cosecha Legal",
    ),
    "en": (
        "Harvest Bridge seasonal visa programme",
        "Fair Season Worker Program",
        "Green Fields temporary agricultural program",
        "Orchard Pathway seasonal scheme",
        "Northern Farms guest-worker program",
        "SeasonRight employer-sponsored program",
    ),
}
_STREETS = {
    "es": (
        "Calle {n} # {a}-{b}",
        "Av. Libertador {n}",
        "Carrera {n} No. {a}-{b}",
        "Calle Mayor {n}",
        "Av. Mariscal López {n}",
        "Jr. Unión {n}",
        "Av. Insurgentes Sur {n}",
        "C/ del Prado {n}, {a}º",
        "Av. Winston Churchill {n}",
        "Calle Palma {n}, local {a}",
        "Av. Corrientes {n}, piso {a}",
    ),
    "en": (
        "{n} Main Street, Suite {a}",
        "{n} High Street",
        "Unit {a}, {n} Market Road",
        "{n} Oak Avenue",
        "Floor {a}, {n} Commerce Way",
        "{n} Victoria Road",
        "{n} Rizal Avenue, Unit {a}",
        "{n} Broad Street, Suite {a}",
    ),
}
_LICENCE = {
    "es": (
        "Agencia de empleo autorizada, registro n.º {r}",
        "Licencia de funcionamiento Nº {r}",
        "Autorización del Ministerio de Trabajo Res. {r}",
        "Agencia de colocación autorizada nº {r}",
        "Registro Nacional de Agencias de Empleo {r}",
        "Inscrita en el registro de agencias, código {r}",
    ),
    "en": (
        "Licensed recruitment agency, licence no. {r}",
        "Licence No. {r}",
        "Registered employment agency ({r})",
        "Government-licensed agency, licence {r}",
        "Accredited by the Department of Labour, licence {r}",
        "Agency licence {r}",
    ),
}


def slug(name: str) -> str:
    """Lower-case ASCII letters and digits only, for a fake domain name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in ascii_name.lower() if ch.isalnum())[:24]


def agency(rng: random.Random, lang: str) -> str:
    """An invented, plausible recruitment-agency name."""
    suffix = rng.choice(_AGENCY_SUFFIX[lang])
    return f"{rng.choice(_AGENCY_A[lang])} {rng.choice(_AGENCY_B[lang])} {suffix}".strip()


def company(rng: random.Random, lang: str) -> str:
    """An invented employer name (hotel, farm, cleaning firm, ...)."""
    return rng.choice(_COMPANY_A[lang])


def programme(rng: random.Random, lang: str) -> str:
    """An invented name for a legal seasonal-work programme."""
    return rng.choice(_PROGRAMMES[lang])


def address(rng: random.Random, lang: str, city: str) -> str:
    """An invented street address in ``city``."""
    street = rng.choice(_STREETS[lang]).format(
        n=rng.randrange(10, 2400), a=rng.randrange(1, 40), b=rng.randrange(10, 99)
    )
    return f"{street}, {city}"


def licence(rng: random.Random, lang: str) -> str:
    """An invented licence or registration statement with a number."""
    number = rng.choice(
        (
            f"{rng.randrange(100, 9999):04d}-{rng.choice((2021, 2022, 2023, 2024, 2025))}",
            f"RE-{rng.randrange(10000, 99999)}",
            f"99000{rng.randrange(10000, 99999)}",
            f"{rng.randrange(1, 999):03d}/{rng.choice((2022, 2023, 2024, 2025))}",
        )
    )
    return rng.choice(_LICENCE[lang]).format(r=number)
