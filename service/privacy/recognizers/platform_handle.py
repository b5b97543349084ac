"""Handles introduced by a platform's name instead of an "@": "IG: luisa.555", "Kik luisa555",
"Snap …", "Telegram 👉 …", "búscame en Insta como …", "find me on tiktok as …", "luisa_555 en IG",
and Skype's "live:…" IDs. Read on the folded view (emoji arrows there are spaces already).

With a colon ("IG: luisa") or a "como"/"as" ("en Insta como luisa") any name with a letter counts.
Otherwise the name must look like a handle — a digit, an underscore or an inner dot — because the
words after a platform's name are usually just words ("snap chat", "Instagram stories").
"telegram: 300 123 4567" stays a phone (a handle holds a letter). Values are lower-cased, no `@`.
"""

from __future__ import annotations

import re

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context, Detection, Recognizer


class PlatformHandleRecognizer(Recognizer):
    kind = "HANDLE"
    PLATFORM = (
        r"(?:ig|insta(?:gram)?|telegram|tg|tik\s?tok|snap(?:chat)?|twitter|facebook|face|fb|kik|signal|"
        r"discord|threads|skype|wechat|line|viber|zalo|onlyfans|youtube|yt|twitch|linkedin|messenger|"
        r"imo|tinder|badoo|bumble|grindr|pinterest|reddit|tumblr|vk)"
    )
    NAME = r"@?[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
    END = r"(?![\w@/]|\.[A-Za-z])"
    LABELLED = re.compile(
        rf"\b(?:{PLATFORM}|usuario|user(?:name)?|handle)\s*[:=]\s*(?:@[ \t])?({NAME}){END}", re.IGNORECASE
    )
    CONNECTOR = r"(?:como|as|is|es|at|en|on|id|user(?:name)?|usuario|handle|me|@)"
    INTRODUCED = re.compile(
        rf"\b{PLATFORM}(?:\s*[:=\-|>»]+\s*|\s+)(?:{CONNECTOR}\s*[:=]?\s+){{0,2}}({NAME}){END}", re.IGNORECASE
    )
    # "en Insta como luisamodelos", "on snap as luisa": "como"/"as" say a name follows, any name.
    NAMED = re.compile(
        rf"\b{PLATFORM}\s+(?:(?:me\s+)?(?:como|as|user(?:name)?|usuario|handle)\s*[:=]?\s+)({NAME}){END}",
        re.IGNORECASE,
    )
    # Words that follow "como"/"as" in a sentence rather than a name ("en Instagram como siempre").
    NOT_A_NAME = frozenset(
        {
            *("siempre", "antes", "ahora", "nunca", "tal", "todo", "todos", "usted", "well", "usual"),
            *("always", "before", "soon", "possible", "you", "we", "they", "it", "the", "de", "la", "el"),
        }
    )
    TRAILING = re.compile(
        rf"(?<![\w.@/:])({NAME})\s+(?:en|on|in|at|via|por)\s+(?:(?:el|la|my|mi|our|nuestro)\s+)?{PLATFORM}\b",
        re.IGNORECASE,
    )
    SKYPE = re.compile(r"\blive:[A-Za-z0-9_.\-]*[A-Za-z0-9_]", re.IGNORECASE)
    HANDLE_LIKE = re.compile(r"[\d_]|\w\.\w")

    def analyze(self, ad: Canonical, context: Context) -> list[Detection]:
        view = ad.folded
        found = []
        for pattern in (self.LABELLED, self.NAMED, self.INTRODUCED, self.TRAILING):
            for match in pattern.finditer(view.text):
                name = match.group(1)
                if not re.search(r"[A-Za-z]", name) or name.lower() in self.NOT_A_NAME:
                    continue
                named = pattern is self.LABELLED or pattern is self.NAMED
                if not named and not self.HANDLE_LIKE.search(name):
                    continue
                found.append(self.found(view, match.start(1), match.end(1), name.lstrip("@").lower()))
        for match in self.SKYPE.finditer(view.text):
            found.append(self.found(view, match.start(), match.end(), match.group(0).lower()))
        return found
