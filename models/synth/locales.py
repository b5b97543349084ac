"""Countries an ad can come from: cities, money, forms of address and local vocabulary.

Real recruitment ads are local: a Paraguayan ad says "vos", "changa" and "Gs."; a Spanish one says
"curro", "vosotros" and "€". Giving every ad a coherent locale keeps the synthetic text from teaching
a model one standard register, and lets the same frame appear with many currencies and phone styles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Locale:
    """One country's way of writing an ad."""

    code: str  # ISO 3166 alpha-2, also the key for phone formats
    lang: str  # "es" or "en"
    country: str  # the country's name in the ad's language
    cities: tuple[str, ...]
    currency: str  # ISO 4217
    usd_rate: float  # local units per US dollar (rough, for plausible amounts only)
    money_formats: tuple[str, ...]  # "{n}" is the formatted amount
    thousands: str  # thousands separator
    wage_usd: tuple[int, int]  # an ordinary monthly wage, in US dollars
    voices: tuple[str, ...]  # forms of address: tu, vos, usted, vosotros, ustedes
    job_words: tuple[str, ...]
    money_words: tuple[str, ...]


ES_LOCALES: tuple[Locale, ...] = (
    Locale(
        "CO",
        "es",
        "Colombia",
        ("Bogotá", "Medellín", "Cali", "Barranquilla", "Pereira", "Cúcuta"),
        "COP",
        4000,
        ("${n}", "${n} COP", "COP {n}", "{n} pesos"),
        ".",
        (350, 650),
        ("tu", "usted", "ustedes"),
        ("trabajo", "chamba", "camello", "empleo"),
        ("plata", "dinero"),
    ),
    Locale(
        "PY",
        "es",
        "Paraguay",
        ("Asunción", "Ciudad del Este", "Encarnación", "Luque", "San Lorenzo"),
        "PYG",
        7500,
        ("Gs. {n}", "{n} Gs", "{n} guaraníes", "PYG {n}"),
        ".",
        (380, 650),
        ("vos", "ustedes"),
        ("trabajo", "changa", "empleo"),
        ("plata", "dinero"),
    ),
    Locale(
        "MX",
        "es",
        "México",
        ("Ciudad de México", "Guadalajara", "Monterrey", "Puebla", "Tijuana", "Veracruz"),
        "MXN",
        18,
        ("${n}", "${n} MXN", "{n} pesos", "MXN {n}"),
        ",",
        (450, 900),
        ("tu", "ustedes"),
        ("trabajo", "chamba", "jale", "empleo"),
        ("lana", "dinero", "varo"),
    ),
    Locale(
        "AR",
        "es",
        "Argentina",
        ("Buenos Aires", "Córdoba", "Rosario", "Mendoza", "La Plata", "Salta"),
        "ARS",
        1000,
        ("${n}", "ARS {n}", "{n} pesos", "$ {n}"),
        ".",
        (350, 800),
        ("vos", "ustedes"),
        ("laburo", "trabajo", "changa", "empleo"),
        ("plata", "guita", "dinero"),
    ),
    Locale(
        "PE",
        "es",
        "Perú",
        ("Lima", "Arequipa", "Trujillo", "Cusco", "Piura", "Chiclayo"),
        "PEN",
        3.7,
        ("S/ {n}", "S/. {n}", "{n} soles", "PEN {n}"),
        ",",
        (350, 700),
        ("tu", "usted", "ustedes"),
        ("chamba", "trabajo", "empleo"),
        ("plata", "dinero"),
    ),
    Locale(
        "VE",
        "es",
        "Venezuela",
        ("Caracas", "Maracaibo", "Valencia", "Barquisimeto", "Maracay"),
        "USD",
        1,
        ("${n}", "{n} USD", "{n} dólares", "USD {n}"),
        ".",
        (150, 400),
        ("tu", "usted", "ustedes"),
        ("trabajo", "chamba", "empleo"),
        ("plata", "real", "dinero"),
    ),
    Locale(
        "DO",
        "es",
        "República Dominicana",
        ("Santo Domingo", "Santiago", "La Romana", "Punta Cana", "San Pedro de Macorís"),
        "DOP",
        60,
        ("RD${n}", "RD$ {n}", "{n} pesos", "DOP {n}"),
        ",",
        (350, 700),
        ("tu", "usted", "ustedes"),
        ("trabajo", "empleo", "chiripa"),
        ("cuartos", "dinero", "chavos"),
    ),
    Locale(
        "ES",
        "es",
        "España",
        ("Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga", "Zaragoza", "Murcia", "Huelva"),
        "EUR",
        0.9,
        ("{n} €", "{n}€", "{n} euros", "EUR {n}"),
        ".",
        (1300, 2000),
        ("tu", "vosotros", "usted"),
        ("curro", "trabajo", "empleo", "faena"),
        ("pasta", "dinero"),
    ),
)

EN_LOCALES: tuple[Locale, ...] = (
    Locale(
        "US",
        "en",
        "the US",
        ("Houston", "Phoenix", "Atlanta", "Chicago", "Miami", "Fresno", "Dallas"),
        "USD",
        1,
        ("${n}", "USD {n}", "{n} dollars"),
        ",",
        (2400, 4000),
        ("you",),
        ("job", "gig", "work"),
        ("money", "cash"),
    ),
    Locale(
        "GB",
        "en",
        "the UK",
        ("London", "Manchester", "Leeds", "Bristol", "Glasgow", "Birmingham"),
        "GBP",
        0.8,
        ("£{n}", "{n} GBP", "£ {n}"),
        ",",
        (2000, 3200),
        ("you",),
        ("job", "work", "role"),
        ("money", "cash"),
    ),
    Locale(
        "PH",
        "en",
        "the Philippines",
        ("Manila", "Cebu", "Davao", "Quezon City", "Iloilo"),
        "PHP",
        57,
        ("₱{n}", "PHP {n}", "{n} pesos"),
        ",",
        (300, 600),
        ("you",),
        ("job", "work"),
        ("money", "salary"),
    ),
    Locale(
        "NG",
        "en",
        "Nigeria",
        ("Lagos", "Abuja", "Benin City", "Ibadan", "Port Harcourt"),
        "NGN",
        1500,
        ("₦{n}", "NGN {n}", "{n} naira"),
        ",",
        (100, 300),
        ("you",),
        ("job", "work"),
        ("money", "cash"),
    ),
    Locale(
        "KE",
        "en",
        "Kenya",
        ("Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret"),
        "KES",
        130,
        ("KSh {n}", "Ksh{n}", "KES {n}"),
        ",",
        (150, 400),
        ("you",),
        ("job", "work"),
        ("money", "cash"),
    ),
    Locale(
        "IN",
        "en",
        "India",
        ("Delhi", "Mumbai", "Kochi", "Chennai", "Hyderabad"),
        "INR",
        85,
        ("₹{n}", "Rs. {n}", "INR {n}"),
        ",",
        (200, 450),
        ("you",),
        ("job", "work"),
        ("money", "salary"),
    ),
    Locale(
        "GH",
        "en",
        "Ghana",
        ("Accra", "Kumasi", "Tamale", "Takoradi"),
        "GHS",
        15,
        ("GH₵{n}", "GHS {n}", "{n} cedis"),
        ",",
        (150, 350),
        ("you",),
        ("job", "work"),
        ("money", "cash"),
    ),
)

LOCALES: dict[str, tuple[Locale, ...]] = {"es": ES_LOCALES, "en": EN_LOCALES}
BY_CODE: dict[str, Locale] = {loc.code: loc for loc in ES_LOCALES + EN_LOCALES}

# Destinations abroad as (country, city), named as the ad's language names them. Legitimate and
# deceptive ads share these lists: the destination itself is never the signal.
DESTINATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "es": (
        ("España", "Madrid"),
        ("España", "Barcelona"),
        ("Japón", "Tokio"),
        ("Japón", "Osaka"),
        ("Dubái", "Dubái"),
        ("Emiratos Árabes", "Abu Dabi"),
        ("México", "Cancún"),
        ("México", "Monterrey"),
        ("Estados Unidos", "Miami"),
        ("Estados Unidos", "Houston"),
        ("Alemania", "Berlín"),
        ("Alemania", "Múnich"),
        ("Italia", "Milán"),
        ("Turquía", "Estambul"),
        ("Chile", "Santiago"),
        ("Argentina", "Buenos Aires"),
        ("Panamá", "Ciudad de Panamá"),
        ("Portugal", "Lisboa"),
        ("Suiza", "Zúrich"),
        ("Canadá", "Toronto"),
    ),
    "en": (
        ("Dubai", "Dubai"),
        ("the UAE", "Abu Dhabi"),
        ("Qatar", "Doha"),
        ("Saudi Arabia", "Riyadh"),
        ("Kuwait", "Kuwait City"),
        ("Japan", "Tokyo"),
        ("Malaysia", "Kuala Lumpur"),
        ("Poland", "Warsaw"),
        ("Canada", "Toronto"),
        ("the UK", "London"),
        ("the US", "New York"),
        ("Germany", "Berlin"),
        ("Italy", "Milan"),
        ("Turkey", "Istanbul"),
        ("Thailand", "Bangkok"),
        ("Oman", "Muscat"),
        ("Cyprus", "Limassol"),
        ("Mexico", "Cancun"),
    ),
}

# Imperatives and verbs in each form of address, so one template reads right in every country.
_VOICE_KEYS = (
    "escribenos",
    "escribeme",
    "envia",
    "manda",
    "llama",
    "ven",
    "postulate",
    "animate",
    "tienes",
    "buscas",
    "quieres",
    "puedes",
    "necesitas",
    "ganas",
    "vas",
    "pagas",
    "eres",
    "trabajas",
    "viajas",
    "te",
    "tu",
    "tu_f",
    "tus",
    "ti",
    "interesa",
)
_VOICES: dict[str, tuple[str, ...]] = {
    "tu": (
        "escríbenos",
        "escríbeme",
        "envía",
        "manda",
        "llama",
        "ven",
        "postúlate",
        "anímate",
        "tienes",
        "buscas",
        "quieres",
        "puedes",
        "necesitas",
        "ganas",
        "vas",
        "pagas",
        "eres",
        "trabajas",
        "viajas",
        "te",
        "tu",
        "tu",
        "tus",
        "ti",
        "te interesa",
    ),
    "vos": (
        "escribinos",
        "escribime",
        "enviá",
        "mandá",
        "llamá",
        "vení",
        "postulate",
        "animate",
        "tenés",
        "buscás",
        "querés",
        "podés",
        "necesitás",
        "ganás",
        "vas",
        "pagás",
        "sos",
        "trabajás",
        "viajás",
        "te",
        "tu",
        "tu",
        "tus",
        "vos",
        "te interesa",
    ),
    "usted": (
        "escríbanos",
        "escríbame",
        "envíe",
        "mande",
        "llame",
        "venga",
        "postúlese",
        "anímese",
        "tiene",
        "busca",
        "quiere",
        "puede",
        "necesita",
        "gana",
        "va",
        "paga",
        "es",
        "trabaja",
        "viaja",
        "le",
        "su",
        "su",
        "sus",
        "usted",
        "le interesa",
    ),
    "vosotros": (
        "escribidnos",
        "escribidme",
        "enviad",
        "mandad",
        "llamad",
        "venid",
        "apuntaos",
        "animaos",
        "tenéis",
        "buscáis",
        "queréis",
        "podéis",
        "necesitáis",
        "ganáis",
        "vais",
        "pagáis",
        "sois",
        "trabajáis",
        "viajáis",
        "os",
        "vuestro",
        "vuestra",
        "vuestros",
        "vosotros",
        "os interesa",
    ),
    "ustedes": (
        "escríbannos",
        "escríbanme",
        "envíen",
        "manden",
        "llamen",
        "vengan",
        "postúlense",
        "anímense",
        "tienen",
        "buscan",
        "quieren",
        "pueden",
        "necesitan",
        "ganan",
        "van",
        "pagan",
        "son",
        "trabajan",
        "viajan",
        "les",
        "su",
        "su",
        "sus",
        "ustedes",
        "les interesa",
    ),
}


def cap(text: str) -> str:
    """Capitalise the first character only (str.capitalize would lower-case the rest)."""
    return text[:1].upper() + text[1:]


def voice_forms(voice: str) -> dict[str, str]:
    """Template fields for one form of address (``{escribenos}``; ``{Escribenos}`` capitalises it)."""
    if voice == "you":
        return {}
    return dict(zip(_VOICE_KEYS, _VOICES[voice], strict=True))


def group_digits(n: int, sep: str) -> str:
    """Format an integer with a thousands separator ("1.800.000" or "1,800,000")."""
    return f"{n:,}".replace(",", sep)


def nice_round(value: float, rng: random.Random) -> int:
    """Round an amount to 2 (sometimes 3) significant figures, as people write prices and wages."""
    if value < 10:
        return max(1, round(value))
    digits = len(str(int(value)))
    keep = 3 if rng.random() < 0.25 and digits > 3 else 2
    step = 10 ** max(0, digits - keep)
    return max(step, round(value / step) * step)


def money(usd: float, locale: Locale, rng: random.Random) -> str:
    """An amount worth about ``usd`` US dollars, written the local way."""
    amount = nice_round(usd * locale.usd_rate, rng)
    return rng.choice(locale.money_formats).format(n=group_digits(amount, locale.thousands))


def foreign_money(usd: float, lang: str, rng: random.Random) -> str:
    """Pay quoted in dollars or euros, as ads for work abroad usually quote it."""
    amount = nice_round(usd, rng)
    sep = "." if lang == "es" else ","
    n = group_digits(amount, sep)
    if lang == "es":
        return rng.choice((f"{n} USD", f"US$ {n}", f"{n} dólares", f"{n} €", f"{n} euros", f"${n} dólares"))
    return rng.choice((f"${n}", f"{n} USD", f"€{n}", f"{n} euros", f"US${n}"))
