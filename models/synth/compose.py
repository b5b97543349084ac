"""Turn a family into one ad: fill a context, sample indicators, pick texts, lay them out, add noise.

The indicators of a record are collected from the tagged texts actually rendered, never from the
family's intent, and the label is computed from them with ``label_for``. A family that cannot render
the indicators it sampled is a bug and fails loudly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import contacts, noise, orgs, phrases_en, phrases_es
from .family import Entry, Family
from .locales import DESTINATIONS, LOCALES, Locale, cap, foreign_money, money, voice_forms
from .taxonomy import label_for, weights

MAX_WORDS = 125
_BANKS = {"es": phrases_es.BANK, "en": phrases_en.BANK}
_ABROAD_BANKS = {"es": phrases_es.ABROAD, "en": phrases_en.ABROAD}
_MIXINS = {"es": phrases_es.MIXINS, "en": phrases_en.MIXINS}
_ID_DOCS = {
    "CO": "la cédula",
    "VE": "la cédula",
    "PY": "la cédula",
    "DO": "la cédula",
    "AR": "el DNI",
    "PE": "el DNI",
    "ES": "el DNI",
    "MX": "la INE",
}
_VAGUE_SLUGS = (
    "globaljobs",
    "empleosdelmundo",
    "talentvip",
    "workabroadnow",
    "modelsinternational",
    "oportunidadesya",
    "eliteagency",
    "bestjobs",
)
_BULLETS = ("- ", "• ", "* ", "✔ ", "✅ ", "👉 ", "► ")


class Context(dict):
    """Template fields; ``{Field}`` (capitalised) is ``{field}`` with its first letter upper-cased."""

    def __missing__(self, key: str) -> str:
        lower = key[:1].lower() + key[1:]
        if key[:1].isupper() and lower in self:
            return cap(self[lower])
        raise KeyError(key)


@dataclass(frozen=True)
class Ad:
    """One rendered ad before it becomes a record."""

    title: str
    body: str
    indicators: tuple[str, ...]


def build_context(family: Family, rng: random.Random, locale: Locale) -> Context:
    """Every {field} a template may use, drawn once per ad so all its lines agree."""
    lang = family.lang
    wage = rng.uniform(*locale.wage_usd)
    dests = [d for d in DESTINATIONS[lang] if d[0] != locale.country]
    dest, dest_city = rng.choice(dests)
    others = [c for c in locale.cities if c]
    city = rng.choice(others)
    city2 = rng.choice([c for c in others if c != city])
    if family.abroad:
        pay = foreign_money(rng.uniform(1500, 2600), lang, rng)
        pay_hour = foreign_money(rng.uniform(12, 20), lang, rng)
        pay_hi = foreign_money(rng.uniform(3000, 8000), lang, rng)
        pay_hi_week = foreign_money(rng.uniform(800, 2000), lang, rng)
        fee = (
            foreign_money(rng.uniform(250, 1500), lang, rng)
            if rng.random() < 0.6
            else money(rng.uniform(150, 900), locale, rng)
        )
    else:
        pay = money(wage, locale, rng)
        pay_hi = money(wage * rng.uniform(3.5, 8), locale, rng)
        pay_hi_week = money(wage * rng.uniform(1.2, 2.5), locale, rng)
        fee = money(rng.uniform(60, 500), locale, rng)
        pay_hour = money(wage / 170, locale, rng)
    ctx = Context(
        {
            "country": locale.country,
            "city": city,
            "city2": city2,
            "dest": dest,
            "dest_city": dest_city,
            "pay": pay,
            "pay_day": money(wage / 22, locale, rng),
            "pay_week": money(wage / 4.3, locale, rng),
            "pay_hour": pay_hour,
            "pay_hi": pay_hi,
            "pay_hi_week": pay_hi_week,
            "fee": fee,
            "n": str(rng.randint(2, 9)),
            "months": str(rng.choice((3, 4, 6, 6, 8, 10, 12))),
            "age_lo": str(rng.choice((14, 15, 16, 16, 17))),
            "age_hi": str(rng.randint(19, 24)),
            "adult_lo": str(rng.choice((18, 18, 19, 20, 21))),
            "adult_hi": str(rng.choice((25, 27, 28, 30, 32, 35))),
            "job": rng.choice(locale.job_words),
            "money_word": rng.choice(locale.money_words),
            "id_doc": _ID_DOCS.get(locale.code, "your ID"),
            "agency": orgs.agency(rng, lang),
            "company": orgs.company(rng, lang),
            "programme": orgs.programme(rng, lang),
            "licence": orgs.licence(rng, lang),
            "address": orgs.address(rng, lang, city),
        }
    )
    for key, options in family.slots.items():  # may override dest, agency, company; "a|b" sets two fields
        for _ in range(20):
            ctx.update(zip(key.split("|"), rng.choice(options).split("|"), strict=True))
            if ctx["dest"] != locale.country:
                break
    for key, (lo, hi) in family.money.items():
        ctx[key] = money(rng.uniform(lo, hi), locale, rng)
    if family.org:
        org_slug: str | None = orgs.slug(ctx[family.org])
    else:
        org_slug = rng.choice(_VAGUE_SLUGS) if family.label and rng.random() < 0.3 else None
    ctx.update(contacts.contact_fields(rng, lang, locale.code, org_slug))
    if lang == "es":
        voices = [v for v in locale.voices if v in family.voices] or list(locale.voices)
        ctx.update(voice_forms(rng.choice(voices)))
    return ctx


def _weighted_pick(rng: random.Random, items: list[tuple[str, float]]) -> str:
    total = sum(w for _, w in items)
    x = rng.uniform(0, total)
    for code, w in items:
        x -= w
        if x <= 0:
            return code
    return items[-1][0]


def sample_indicators(family: Family, rng: random.Random) -> list[str]:
    """Indicators for one ad: a positive combination for positive families, 0-1 (or 2 weak) otherwise."""
    table = weights()
    if family.label:
        for _ in range(100):
            k = rng.choice((2, 3, 3, 3, 4, 4, 4, 5, 5, 6))
            chosen = list(family.required)
            while len(chosen) < k:
                left = [(c, w) for c, w in family.pool if c not in chosen]
                if not left:
                    break
                chosen.append(_weighted_pick(rng, left))
            if label_for(chosen) == 1:
                return sorted(chosen)
        raise RuntimeError(f"{family.name}: cannot sample a positive combination")
    roll = rng.random()
    if roll < family.neg_mix[0] or not family.pool:
        return []
    if roll < family.neg_mix[1]:
        return [_weighted_pick(rng, list(family.pool))]
    weak = [(c, w) for c, w in family.pool if table[c] == 1]
    if len(weak) < 2:
        return [_weighted_pick(rng, list(family.pool))]
    first = _weighted_pick(rng, weak)
    second = _weighted_pick(rng, [(c, w) for c, w in weak if c != first])
    return sorted((first, second))


def _shared(lang: str, code: str, abroad: bool) -> tuple[Entry, ...]:
    """The shared wording for ``code``, plus travel and visa wording for families about jobs abroad."""
    extra = _ABROAD_BANKS[lang].get(code, ()) if abroad else ()
    return _BANKS[lang].get(code, ()) + extra


def _terminate(text: str) -> str:
    """End a sentence with a full stop when it ends in a letter (for paragraph layouts)."""
    return text + "." if text and text[-1].isalpha() else text


def compose(
    family: Family, rng: random.Random, ctx: dict[str, str], chosen: list[str]
) -> tuple[str, list[str]]:
    """Lay out title and body with indicator texts wrapped in noise markers; return (text, covered)."""
    lang, chosen_set = family.lang, frozenset(chosen)
    covered: list[str] = []

    def fits(entries: tuple[Entry, ...]) -> list[Entry]:
        return [e for e in entries if e.fits(chosen_set)]

    def render(entry: Entry) -> str:
        text = entry.text.format_map(ctx)
        if not entry.codes:
            return text
        covered.extend(c for c in entry.codes if c not in covered)
        return noise.OPEN + text + noise.CLOSE

    title = render(rng.choice(fits(family.titles)))
    intros = fits(family.intros)
    intro = render(rng.choice(intros)) if intros and rng.random() < 0.7 else None
    layout = rng.choice(family.layouts)
    n_details = rng.randint(*family.n_details)
    if layout == "oneliner":
        n_details = min(n_details, 1)
    candidates = fits(family.details)
    picked = rng.sample(candidates, min(n_details, len(candidates)))
    middle: list[tuple[str, bool]] = [(render(e), bool(e.codes)) for e in picked]
    for code in chosen:
        if code in covered or code == "MESSENGER_ONLY":
            continue
        own = fits(family.phrases.get(code, ()))
        bank_lang = "en" if lang == "es" and rng.random() < 0.08 else lang  # Spanglish now and then
        shared = fits(_shared(bank_lang, code, family.abroad)) or fits(_shared(lang, code, family.abroad))
        # Negatives keep to their own wording (a legitimate summer job never says "no parental consent").
        options = own if own and (not family.label or rng.random() < 0.8 or not shared) else shared
        middle.append((render(rng.choice(options)), True))
    if rng.random() < 0.1:
        middle.append((render(rng.choice(_MIXINS[lang])), False))
    rng.shuffle(middle)
    messenger_only = "MESSENGER_ONLY" in chosen_set
    template = contacts.contact_template(rng, lang, family.contact, messenger_only)
    contact = render(Entry(template, ("MESSENGER_ONLY",) if messenger_only else ()))
    closers = fits(family.closers)
    closer = render(rng.choice(closers)) if closers and rng.random() < 0.5 else None

    def words() -> int:
        parts = [title, intro or "", contact, closer or ""] + [m for m, _ in middle]
        return sum(len(p.split()) for p in parts)

    while words() > MAX_WORDS and any(not tagged for _, tagged in middle):
        drop = max(i for i, (_, tagged) in enumerate(middle) if not tagged)
        middle.pop(drop)
    body_parts = [p for p in [intro, *(m for m, _ in middle), contact, closer] if p]
    missing = [c for c in chosen if c not in covered]
    if missing or sorted(covered) != sorted(chosen):
        raise RuntimeError(f"{family.name}: rendered {sorted(covered)} but sampled {chosen}")
    return title + "\n" + _layout(layout, body_parts, intro, rng), sorted(covered)


def _layout(layout: str, parts: list[str], intro: str | None, rng: random.Random) -> str:
    """Join body parts as one line, a paragraph (or two), one per line, or bullets."""
    if layout in ("oneliner", "paragraph"):
        text = " ".join(_terminate(p) for p in parts)
        if layout == "paragraph" and len(parts) > 3 and rng.random() < 0.5:
            cut = rng.randrange(1, len(parts) - 1)
            sep = rng.choice(("\n", "\n\n"))
            text = (
                " ".join(_terminate(p) for p in parts[:cut])
                + sep
                + " ".join(_terminate(p) for p in parts[cut:])
            )
        return text
    if layout == "bullets":
        bullet = rng.choice(_BULLETS)
        start = 1 if intro else 0
        lines = parts[:start] + [bullet + p for p in parts[start:-1]] + parts[-1:]
        return "\n".join(lines)
    return "\n".join(parts)


def render_ad(family: Family, rng: random.Random) -> Ad:
    """Render one ad of ``family`` with its own noise; indicators are what the text shows."""
    locales = [loc for loc in LOCALES[family.lang] if not family.locales or loc.code in family.locales]
    locale = rng.choice(locales)
    ctx = build_context(family, rng, locale)
    chosen = sample_indicators(family, rng)
    marked, covered = compose(family, rng, ctx, chosen)
    text = noise.apply_noise(marked, family.lang, rng)
    title, _, body = text.partition("\n")
    if label_for(covered) != family.label:
        raise RuntimeError(f"{family.name}: indicators {covered} give the wrong label")
    return Ad(title.strip(), body, tuple(covered))
