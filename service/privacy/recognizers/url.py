"""Links: http(s), www., bare domains with a known TLD, link-in-bio pages (`linktr.ee/…`,
`beacons.ai/…`: any TLD once a path follows), messenger links (t.me, instagram.com …), and links
spaced or bracketed to dodge filters (`t . me / user`, `bit[.]ly/x`, `wa(.)me/…`). Read on the
folded view, where `wa•me` is already `wa.me`.

A wa.me / api.whatsapp.com link (query strings included) is a phone number in disguise: it becomes
a PHONE detection with the number's E.164 value, so it gets the same token as the number written
out elsewhere (that is what lets analysts link ads); the whole link is replaced. Other URLs are
normalised to lower-case host and path without scheme, "www.", spaces, brackets or a trailing slash.
"sueldo.Es", "Madrid.De" (a word, a full stop and a capitalised two- or three-letter TLD, no path)
is a missing space after a full stop, common in ads, and is left alone.
"""

from __future__ import annotations

import re

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context, Detection, Recognizer
from service.privacy.recognizers.phone import parse_international
from service.privacy.tlds import TLD_PATTERN
from service.privacy.view import View

_LABEL = r"[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?"
_ANY_CASE_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
_PATH_CHAR = r"[^\s<>\"'()\[\]{}]"


class UrlRecognizer(Recognizer):
    kind = "URL"
    SCHEME = re.compile(rf"\bh(?:tt|xx)ps?://{_PATH_CHAR}+", re.IGNORECASE)  # "hxxps://" defanged too
    BARE = re.compile(
        rf"(?<![\w@.\-/])(?:www\.)?(?:{_LABEL}\.)+(?:{TLD_PATTERN})(?![\w\-@])(?:/{_PATH_CHAR}*)?",
        re.IGNORECASE,
    )
    # Any lower-case TLD counts once a path follows: link-in-bio and short-link hosts come and go.
    PATHED = re.compile(rf"(?<![\w@.\-/])(?:www\.)?(?:{_ANY_CASE_LABEL}\.)+[a-z]{{2,6}}/{_PATH_CHAR}*[\w/]")
    # "t . me / user", "bit[.]ly/x", "linktr.ee / x": the last dot spaced or bracketed, or the slash
    # spaced, then a path, on a known TLD. Only the last dot may be odd, so "gmail [.] com ·
    # linkedin.com/…" stays two; a full stop and a space ("precio. cel/wsp") is a sentence break.
    ODD_DOT = r"(?:[ \t]?[\[({<](?:\.|dot|punto)[\])}>][ \t]?|[ \t]\.[ \t]?|[ \t](?:dot|punto)[ \t]|\.)"
    SPACED = re.compile(
        rf"(?<![\w@.\-/])(?:www\.)?{_ANY_CASE_LABEL}(?:\.{_ANY_CASE_LABEL})*{ODD_DOT}(?:{TLD_PATTERN})"
        rf"(?:[ \t]?/[ \t]?[\w@+~%\-][\w@+~%.\-]*)+"
    )
    WHATSAPP = re.compile(
        r"(?:wa\.me/|whatsapp\.com/send/?\?(?:\S*&)?phone=|[?&]phone=)\+?(\d{7,15})", re.IGNORECASE
    )
    TRAILING = ".,;:!?»”’"
    MISSING_SPACE = re.compile(r"[A-Za-zÁÉÍÓÚÑáéíóúñ]+\.[A-Z][a-z]{1,2}")

    def analyze(self, ad: Canonical, context: Context) -> list[Detection]:
        view = ad.folded
        text = view.text
        detections: list[Detection] = []
        spans: set[tuple[int, int]] = set()
        for pattern in (self.SCHEME, self.BARE, self.PATHED, self.SPACED):
            for match in pattern.finditer(text):
                start, end = match.start(), match.end()
                while end > start and text[end - 1] in self.TRAILING:
                    end -= 1
                if (start, end) in spans or self._sentence_break(text[start:end]):
                    continue
                spans.add((start, end))
                detections.append(self._detection(view, start, end))
        return detections  # overlapping readings of one link are settled by the registry (longest)

    def _sentence_break(self, raw: str) -> bool:
        """ "sueldo.Es urgente" is a missing space after a full stop, not the domain sueldo.es."""
        return bool(self.MISSING_SPACE.fullmatch(raw))

    def _detection(self, view: View, start: int, end: int) -> Detection:
        link = _undisguise(view.text[start:end])
        whatsapp = self.WHATSAPP.search(link)
        e164 = parse_international(whatsapp.group(1)) if whatsapp else None
        if e164 is not None:
            return self.found(view, start, end, e164, kind="PHONE")
        value = re.sub(r"^h(?:tt|xx)ps?://", "", link, flags=re.IGNORECASE).lower()
        return self.found(view, start, end, value.removeprefix("www.").rstrip("/"))


def _undisguise(raw: str) -> str:
    """The link as typed without its disguise: no spaces, `[.]`/`(.)`/`[dot]`/` dot ` read as dots."""
    link = re.sub(r"[\[({<](?:\.|dot|punto)[\])}>]|[ \t](?:dot|punto)[ \t]", ".", raw, flags=re.IGNORECASE)
    return re.sub(r"\s+", "", link)
