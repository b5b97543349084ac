"""Fake contact details (phones, e-mails, messenger links, handles) and the lines that carry them.

Real ads are full of phone numbers in every national style, obfuscated e-mails and WhatsApp links,
and the redaction code downstream must recognise all of them. Every value here is fake: subscriber
numbers are drawn from fiction-style blocks (555-01xx, 07700 900xxx) or obvious runs (123 4567),
e-mail users say "demo"/"ejemplo"/"test", and organisation domains use the reserved ``.example`` TLD.

``MESSENGER_ONLY`` is decided here: a contact line either offers a call, an e-mail, an office or a
website (no indicator), or only a messenger channel (the indicator). Both kinds mention WhatsApp.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# Per country: calling code, national prefixes (mobile operators / area codes) and display formats.
# In a format, "{pre}" is a prefix and each "#" takes the next subscriber digit.
_PHONE_PLANS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "CO": (
        "57",
        ("300", "301", "310", "311", "313", "315", "316", "320", "321", "350"),
        (
            "+57 {pre} ### ####",
            "{pre} ### ####",
            "{pre}-###-####",
            "+57 {pre}#######",
            "{pre}.###.####",
            "(+57) {pre} ### ####",
            "{pre} #######",
        ),
    ),
    "PY": (
        "595",
        ("981", "982", "983", "984", "985", "971", "972", "991"),
        (
            "0{pre} ### ###",
            "+595 {pre} ######",
            "0{pre}-###-###",
            "(0{pre}) ######",
            "+595 {pre} ### ###",
            "0{pre}######",
        ),
    ),
    "MX": (
        "52",
        ("55", "33", "81", "222", "664"),
        (
            "{pre} #### ####",
            "+52 {pre} #### ####",
            "+52 1 {pre} #### ####",
            "{pre}-####-####",
            "({pre}) #### ####",
            "{pre}########",
        ),
    ),
    "AR": (
        "549",
        ("11",),
        (
            "+54 9 {pre} ####-####",
            "{pre} ####-####",
            "15-####-####",
            "011 15 ####-####",
            "+54 9 {pre} #### ####",
            "+549{pre}########",
        ),
    ),
    "PE": (
        "51",
        ("987", "986", "993", "945", "912"),
        ("+51 {pre} ### ###", "{pre} ### ###", "{pre}-###-###", "{pre}######", "+51{pre}######"),
    ),
    "VE": (
        "58",
        ("412", "414", "424", "416"),
        ("+58 {pre} ### ####", "0{pre}-#######", "0{pre} ### ## ##", "0{pre} #######", "+58{pre}#######"),
    ),
    "DO": (
        "1",
        ("809", "829", "849"),
        ("+1 {pre} ### ####", "{pre}-###-####", "({pre}) ###-####", "{pre}.###.####", "1-{pre}-###-####"),
    ),
    "ES": (
        "34",
        ("612", "622", "633", "644", "655", "666", "678", "691"),
        (
            "{pre} ## ## ##",
            "+34 {pre}######",
            "+34 {pre} ## ## ##",
            "{pre} ### ###",
            "{pre}.##.##.##",
            "(+34) {pre} ### ###",
        ),
    ),
    "US": (
        "1",
        ("555",),
        (
            "({pre}) ###-####",
            "+1 {pre} ### ####",
            "{pre}-###-####",
            "{pre}.###.####",
            "+1 ({pre}) ###-####",
            "1-{pre}-###-####",
        ),
    ),
    "GB": ("44", ("7700",), ("0{pre} ######", "+44 {pre} ######", "+44 (0){pre} ### ###", "0{pre}-######")),
    "PH": (
        "63",
        ("917", "918", "927", "939", "998"),
        ("0{pre} ### ####", "+63 {pre} ### ####", "+63{pre}#######", "0{pre}-###-####"),
    ),
    "NG": (
        "234",
        ("803", "806", "813", "703", "905"),
        ("0{pre} ### ####", "+234 {pre} ### ####", "+234{pre}#######", "0{pre}-###-####"),
    ),
    "KE": (
        "254",
        ("712", "722", "733", "701", "798"),
        ("0{pre} ### ###", "+254 {pre} ######", "+254{pre}######", "0{pre}-###-###"),
    ),
    "IN": (
        "91",
        ("98765", "99887", "90123", "87654"),
        ("{pre} #####", "+91 {pre} #####", "+91-{pre}#####", "0{pre}#####"),
    ),
    "GH": ("233", ("24", "20", "55", "54"), ("0{pre} ### ####", "+233 {pre} ### ####", "+233{pre}#######")),
    "DE": (
        "49",
        ("151", "160", "170", "176"),
        ("+49 {pre} ########", "0{pre} ########", "+49 (0) {pre} #### ####", "0{pre}-########"),
    ),
    "AE": ("971", ("50", "52", "55", "56"), ("+971 {pre} ### ####", "0{pre} ### ####", "+971{pre}#######")),
}
# Where a foreign recruiter's number may come from, by ad language.
FOREIGN_PHONES = {"es": ("ES", "US", "DE", "AE", "MX"), "en": ("AE", "GB", "US", "DE")}

_FAKE_WORDS = {
    "es": ("demo", "ejemplo", "ficticio", "prueba", "test"),
    "en": ("demo", "example", "sample", "test", "fake"),
}
_USER_WORDS = {
    "es": (
        "empleos",
        "trabajo",
        "ofertas",
        "casting",
        "rrhh",
        "info",
        "seleccion",
        "agencia",
        "contacto",
        "ventas",
        "laboral",
        "vip",
        "chamba",
        "oportunidad",
    ),
    "en": (
        "jobs",
        "hr",
        "careers",
        "info",
        "recruit",
        "casting",
        "hiring",
        "sales",
        "contact",
        "staff",
        "vip",
        "work",
        "agency",
        "office",
    ),
}
_FREE_MAIL = (
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "yahoo.com",
    "example.com",
    "mail.test",
    "correo.test",
    "example.org",
)


@dataclass(frozen=True)
class Phone:
    """A fake phone number as displayed and as the digits a wa.me link uses."""

    display: str
    e164_digits: str


def _subscriber(rng: random.Random, n: int) -> str:
    """``n`` digits that look reserved: 555-01xx-style blocks, runs like 1234567, or 00-led numbers."""
    style = rng.random()
    if style < 0.45 and n >= 5:
        head = "5550" if n >= 7 else "550"
        return head + "".join(str(rng.randrange(10)) for _ in range(n - len(head)))
    if style < 0.8:
        start, step = rng.randrange(10), rng.choice((1, 1, -1))
        return "".join(str((start + step * i) % 10) for i in range(n))
    return "00" + "".join(str(rng.randrange(10)) for _ in range(n - 2))


def phone(rng: random.Random, country: str) -> Phone:
    """A fake phone of ``country`` in one of its usual written formats."""
    cc, prefixes, formats = _PHONE_PLANS[country]
    pre, fmt = rng.choice(prefixes), rng.choice(formats)
    n = fmt.count("#")
    # UK numbers use Ofcom's drama range 07700 900xxx.
    digits = "900" + _subscriber(rng, n - 3) if country == "GB" else _subscriber(rng, n)
    it = iter(digits)
    display = "".join(next(it) if ch == "#" else ch for ch in fmt.replace("{pre}", pre))
    return Phone(display, cc + pre + digits)


def email(rng: random.Random, lang: str, org_slug: str | None = None) -> str:
    """A fake e-mail: a role address at an organisation's ``.example`` domain, or a free-mail user."""
    if org_slug:
        user = rng.choice(
            ("rrhh", "seleccion", "empleo", "info") if lang == "es" else ("hr", "careers", "jobs", "info")
        )
        return f"{user}@{org_slug}.example"
    word, fake = rng.choice(_USER_WORDS[lang]), rng.choice(_FAKE_WORDS[lang])
    sep = rng.choice((".", "_", "", "-"))
    num = rng.choice(("", str(rng.randrange(1, 99)), str(rng.choice((2024, 2025, 2026)))))
    return f"{word}{sep}{fake}{num}@{rng.choice(_FREE_MAIL)}"


def obfuscate(address: str, lang: str, rng: random.Random) -> str:
    """Write an e-mail the way ads dodge scrapers: "x (arroba) gmail . com", "x [at] mail [dot] com"."""
    user, _, domain = address.partition("@")
    name, _, tld = domain.rpartition(".")
    if lang == "es":
        styles = (
            f"{user} (arroba) {name} . {tld}",
            f"{user} arroba {name} punto {tld}",
            f"{user}(at){name}.{tld}",
            f"{user} @ {name} . {tld}",
        )
    else:
        styles = (
            f"{user} [at] {name} [dot] {tld}",
            f"{user} at {name} dot {tld}",
            f"{user}(at){name}(dot){tld}",
            f"{user} @ {name} . {tld}",
        )
    return rng.choice(styles)


def handle(rng: random.Random, lang: str) -> str:
    """A fake social-media handle without the leading @."""
    a = rng.choice(_USER_WORDS[lang])
    b = rng.choice(_FAKE_WORDS[lang])
    sep = rng.choice(("_", ".", ""))
    tail = rng.choice(("", str(rng.randrange(1, 100)), "_oficial" if lang == "es" else "_official"))
    return f"{a}{sep}{b}{tail}"


def wa_link(rng: random.Random, ph: Phone) -> str:
    """A WhatsApp click-to-chat link for a phone."""
    return (
        rng.choice(("wa.me/", "https://wa.me/", "wa.me/+", "api.whatsapp.com/send?phone=")) + ph.e164_digits
    )


# Contact lines. Fields: {phone} {wa} {email} {mail_obf} {handle} {web} {address}, plus voice fields.
_OPEN_ES = (
    "Llamar o WhatsApp al {phone}",
    "Tel./WhatsApp: {phone}",
    "Enviar CV a {email}",
    "Informes: {phone} o {email}",
    "Cel: {phone} (llamadas y WhatsApp)",
    "Correo: {mail_obf} / WhatsApp {wa}",
    "{Llama} al {phone}",
    "{Envia} {tu_f} hoja de vida a {email}",
    "Más información: {web}",
    "Consultas al {phone} o por mail a {email}",
    "Tel {phone} · {email}",
    "{Escribenos} a {mail_obf} o {llama} al {phone}",
    "WhatsApp {wa} o llamadas al {phone}",
    "Atención por teléfono {phone}, también por WhatsApp",
    "Mail: {email}",
)
_OPEN_CLASSIFIED_ES = (
    "Cel. {phone}",
    "Llamar al {phone}",
    "Interesados llamar al {phone} o escribir por WhatsApp",
    "Tel {phone}",
    "{Llama} o {escribeme} al {phone}",
    "Contacto: {email}",
    "Llamadas y WhatsApp {phone}",
    "Cel/WhatsApp {phone}, también por correo {mail_obf}",
    "{phone} (llamar de 9 a 20 h)",
)
_ONLY_ES = (
    "Solo WhatsApp: {phone}",
    "{wa}",
    "Info x interno",
    "{Escribeme} al privado",
    "Info por DM",
    "Contacto únicamente por Telegram: t.me/{handle}",
    "Mensaje directo a @{handle}, no atiendo llamadas",
    "Mandar mensaje al {phone} (solo mensajes, no llamadas)",
    "DM para más info",
    "WhatsApp {phone}",
    "Interesadas escribir al WhatsApp {wa}",
    "Info solo por inbox",
    "Telegram @{handle}",
    "{Escribeme} por WhatsApp {wa}, no contesto llamadas",
    "Escribir al interno, no llamadas",
)
_OPEN_EN = (
    "Call or WhatsApp {phone}",
    "Send your CV to {email}",
    "Apply at {web}",
    "Text or call {phone}",
    "Email {email} or call {phone}",
    "Tel: {phone} / WhatsApp {wa}",
    "Questions? Call {phone}",
    "Contact: {mail_obf} or {phone}",
    "Apply online: {web} or phone {phone}",
    "Call us on {phone}",
    "Resumes to {email}",
    "Phone/WhatsApp {phone}, email {email}",
)
_OPEN_CLASSIFIED_EN = (
    "Call {phone}",
    "Text or call {phone}",
    "Ph {phone}",
    "Call/text {phone} after 5pm",
    "Email {email}",
    "{phone} (calls or WhatsApp)",
    "Contact {mail_obf} or call {phone}",
    "Cell {phone}",
)
_ONLY_EN = (
    "WhatsApp only: {phone}",
    "{wa}",
    "DM for details",
    "Message me on Telegram t.me/{handle}",
    "Inbox me",
    "DM @{handle}, no calls",
    "Text only on WhatsApp {phone}, no calls",
    "Serious inquiries by DM only",
    "WhatsApp {phone}",
    "Message {wa} for info",
    "Telegram: @{handle}",
    "Slide into my DMs for info",
    "PM me for details, no calls please",
)


def contact_fields(rng: random.Random, lang: str, country: str, org_slug: str | None) -> dict[str, str]:
    """Fill every contact field once per ad (one phone, one e-mail, one handle) so lines agree."""
    home = country if rng.random() < 0.8 else rng.choice(FOREIGN_PHONES[lang])
    ph = phone(rng, home)
    mail = email(rng, lang, org_slug if org_slug and rng.random() < 0.7 else None)
    fields = {
        "phone": ph.display,
        "wa": wa_link(rng, ph),
        "email": mail,
        "mail_obf": obfuscate(mail, lang, rng) if rng.random() < 0.5 else mail,
        "handle": handle(rng, lang),
    }
    if org_slug:
        fields["web"] = rng.choice(
            (
                f"www.{org_slug}.example",
                f"https://{org_slug}.example/empleo" if lang == "es" else f"https://{org_slug}.example/jobs",
            )
        )
    else:
        fields["web"] = rng.choice(
            (
                f"www.{handle(rng, lang).replace('_', '').replace('.', '')}.example",
                f"https://empleos.example.org/{rng.randrange(1000, 9999)}"
                if lang == "es"
                else f"https://jobs.example.org/{rng.randrange(1000, 9999)}",
            )
        )
    return fields


def contact_template(rng: random.Random, lang: str, style: str, messenger_only: bool) -> str:
    """Pick a contact line template; ``messenger_only`` lines offer nothing but a messenger channel."""
    if messenger_only:
        return rng.choice(_ONLY_ES if lang == "es" else _ONLY_EN)
    if style == "classified":
        return rng.choice(_OPEN_CLASSIFIED_ES if lang == "es" else _OPEN_CLASSIFIED_EN)
    return rng.choice(_OPEN_ES if lang == "es" else _OPEN_EN)
