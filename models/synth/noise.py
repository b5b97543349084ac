"""Per-ad surface noise: typos, capitals, emojis, abbreviations, dropped accents, shouting punctuation.

Real classifieds are messy, and a model trained on clean templates learns to rely on spelling. Every ad
draws its noise from the same distribution whatever its label, so noise never hints at the label.
Indicator phrases arrive wrapped in ``OPEN``/``CLOSE`` markers: typos hit them at a quarter of the
usual rate (sometimes at the full rate), so they usually stay recognisable but not always.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

OPEN, CLOSE = "\x01", "\x02"
EMOJIS = (
    "✈️",
    "💰",
    "🔥",
    "📲",
    "👉",
    "✅",
    "⭐",
    "📍",
    "📞",
    "🏠",
    "💼",
    "🙏",
    "😊",
    "‼️",
    "📢",
    "💯",
    "🌎",
    "✨",
    "👇",
    "📩",
)

# (pattern, replacements, probability per occurrence); applied outside indicator phrases only.
_ABBREV: dict[str, tuple[tuple[str, tuple[str, ...], float], ...]] = {
    "es": (
        (r"\bpor favor\b", ("x favor", "porfa", "xfa"), 0.9),
        (r"\bque\b", ("q", "k"), 0.5),
        (r"\btambién\b", ("tb", "tmb"), 0.8),
        (r"\bpor\b", ("x",), 0.3),
        (r"\binformación\b", ("info",), 0.8),
        (r"\bWhatsApp\b", ("wsp", "wpp", "Whats", "WA"), 0.4),
        (r"\bteléfono\b", ("tel", "tlf"), 0.7),
        (r"\bpara\b", ("pa", "p/"), 0.15),
        (r"\bmás\b", ("+",), 0.3),
        (r"\bsaludos\b", ("slds",), 0.6),
        (r"\bcon\b", ("c/",), 0.15),
        (r"\bmensaje\b", ("msj", "mje"), 0.6),
        (r"\binteresados\b", ("interesad@s", "interesadxs"), 0.5),
        (r"\bdías\b", ("dias", "d"), 0.2),
    ),
    "en": (
        (r"\bplease\b", ("pls", "plz"), 0.8),
        (r"\byou\b", ("u",), 0.3),
        (r"\byour\b", ("ur",), 0.3),
        (r"\bmessage\b", ("msg",), 0.6),
        (r"\binformation\b", ("info",), 0.8),
        (r"\bthanks\b", ("thx",), 0.7),
        (r"\bWhatsApp\b", ("WA", "whatsapp", "Whatsapp"), 0.4),
        (r"\bfor\b", ("4",), 0.1),
        (r"\band\b", ("&",), 0.2),
        (r"\bper month\b", ("p/m", "/mo", "a month"), 0.5),
        (r"\bexperience\b", ("exp",), 0.3),
        (r"\bare\b", ("r",), 0.1),
        (r"\bimmediately\b", ("immed.",), 0.3),
    ),
}
_ABBREV_RE = {
    lang: tuple((re.compile(pattern, re.IGNORECASE), repl, prob) for pattern, repl, prob in rules)
    for lang, rules in _ABBREV.items()
}
_TOKEN = re.compile(r"\S+")
_SKIP_CHARS = set("@/.:#$€£₱₦₹0123456789")


def _map_outside(text: str, fn: Callable[[str], str], fn_inside: Callable[[str], str] | None = None) -> str:
    """Apply ``fn`` to the text outside indicator markers (and ``fn_inside`` inside, if given)."""
    out: list[str] = []
    inside = False
    for piece in re.split(f"([{OPEN}{CLOSE}])", text):
        if piece == OPEN:
            inside = True
            out.append(piece)
        elif piece == CLOSE:
            inside = False
            out.append(piece)
        elif inside:
            out.append(fn_inside(piece) if fn_inside else piece)
        else:
            out.append(fn(piece))
    return "".join(out)


def abbreviate(text: str, lang: str, rng: random.Random) -> str:
    """Chat-style abbreviations ("x favor", "q", "tb", "pls", "u") outside indicator phrases."""

    def one(piece: str) -> str:
        for pattern, replacements, prob in _ABBREV_RE[lang]:
            piece = pattern.sub(
                lambda m, r=replacements, p=prob: rng.choice(r) if rng.random() < p else m.group(0), piece
            )
        return piece

    return _map_outside(text, one)


def strip_accents(text: str, rng: random.Random) -> str:
    """Drop acute accents and diaereses (and sometimes ñ's tilde and opening ¿¡), as fast typists do."""
    drop = {"\u0301", "\u0308"} | ({"\u0303"} if rng.random() < 0.4 else set())
    decomposed = unicodedata.normalize("NFD", text)
    text = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in drop))
    if rng.random() < 0.5:
        text = text.replace("¿", "").replace("¡", "")
    return text


def _typo(word: str, rng: random.Random) -> str:
    """One keyboard slip: swap two neighbours, drop a letter or double one."""
    i = rng.randrange(1, len(word) - 1)
    op = rng.random()
    if op < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op < 0.75:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def typos(text: str, rng: random.Random, rate: float, inside_rate: float) -> str:
    """Misspell words of 4+ letters at ``rate`` (``inside_rate`` within indicator phrases).

    Tokens with digits, @, / or dots (phones, e-mails, links) are left alone.
    """

    def at(rate_here: float) -> Callable[[str], str]:
        def sub(match: re.Match[str]) -> str:
            token = match.group(0)
            core = token.strip(",;:!?¡¿()\"'")
            if len(core) < 4 or not core.isalpha() or _SKIP_CHARS & set(token) or rng.random() >= rate_here:
                return token
            return token.replace(core, _typo(core, rng), 1)

        return lambda piece: _TOKEN.sub(sub, piece)

    return _map_outside(text, at(rate), at(inside_rate))


def _lines_apply(text: str, idx: int, fn: Callable[[str], str]) -> str:
    lines = text.split("\n")
    lines[idx] = fn(lines[idx])
    return "\n".join(lines)


def shout(text: str, rng: random.Random) -> str:
    """ALL CAPS for the whole ad, the title, or one line; sometimes all lower case instead."""
    roll = rng.random()
    if roll < 0.08:
        return text.upper()
    if roll < 0.36:
        return _lines_apply(text, 0, str.upper)
    n_lines = text.count("\n") + 1
    if roll < 0.46 and n_lines > 2:
        return _lines_apply(text, rng.randrange(1, n_lines), str.upper)
    if roll < 0.50:
        return text.lower()
    return text


def emojis(text: str, rng: random.Random) -> str:
    """Sprinkle 1-4 emojis at the start or end of lines, sometimes repeated ("🔥🔥🔥")."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(lines))
        if not lines[i].strip():
            continue
        emo = rng.choice(EMOJIS) * rng.choice((1, 1, 1, 2, 3))
        lines[i] = f"{emo} {lines[i]}" if rng.random() < 0.5 else f"{lines[i]} {emo}"
    return "\n".join(lines)


def exclaim(text: str, rng: random.Random) -> str:
    """Turn some sentence ends (after a word of 3+ letters, so not "Tel." or "S.A.") into "!!" / "!!!"."""
    return re.sub(
        r"(?<=[^\W\d_]{3})[.!](?=\s|$|\x02)",
        lambda m: rng.choice(("!!", "!!!", m.group(0), "!")) if rng.random() < 0.5 else m.group(0),
        text,
        flags=re.MULTILINE,
    )


def apply_noise(text: str, lang: str, rng: random.Random) -> str:
    """Apply one ad's random noise to marked text and return it with the markers removed."""
    if rng.random() < 0.35:
        text = abbreviate(text, lang, rng)
    if lang == "es" and rng.random() < 0.3:
        text = strip_accents(text, rng)
    if rng.random() < 0.45:
        rate = rng.uniform(0.01, 0.06)
        text = typos(text, rng, rate, rate if rng.random() < 0.1 else rate / 4)
    text = shout(text, rng)
    if rng.random() < 0.2:
        text = exclaim(text, rng)
    if rng.random() < 0.4:
        text = emojis(text, rng)
    if rng.random() < 0.05:
        text = text.replace(". ", ".  ", 1)
    text = text.replace(OPEN, "").replace(CLOSE, "")
    return "\n".join(line.rstrip() for line in text.split("\n"))
