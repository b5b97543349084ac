"""Links: http(s), www., bare domains with a known TLD, messenger links (t.me, instagram.com …).

A wa.me / api.whatsapp.com link is a phone number in disguise: it becomes a PHONE detection with the
number's E.164 value, so it gets the same token as the number written out elsewhere (that is what
lets analysts link ads); the whole link is replaced. Other URLs are normalised to lower-case host
and path without scheme, "www." or a trailing slash. "sueldo.Es", "Madrid.De" (a word, a full stop and a
capitalised two- or three-letter TLD, no path) is a missing space after a full stop, common in
ads, and is left alone.
"""

from __future__ import annotations

import re

from service.privacy.recognizers.base import Context, Detection, Recognizer
from service.privacy.recognizers.phone import parse_international
from service.privacy.tlds import TLD_PATTERN


class UrlRecognizer(Recognizer):
    kind = "URL"
    SCHEME = re.compile(r"\bhttps?://[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
    BARE = re.compile(
        rf"(?<![\w@.\-/])(?:www\.)?(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:{TLD_PATTERN})(?![\w\-@])"
        r"(?:/[^\s<>\"'()\[\]{}]*)?",
        re.IGNORECASE,
    )
    WHATSAPP = re.compile(r"(?:wa\.me/|whatsapp\.com/send\?phone=)\+?(\d{7,15})", re.IGNORECASE)
    TRAILING = ".,;:!?»”’"
    MISSING_SPACE = re.compile(r"[A-Za-zÁÉÍÓÚÑáéíóúñ]+\.[A-Z][a-z]{1,2}")

    def analyze(self, text: str, context: Context) -> list[Detection]:
        detections: list[Detection] = []
        taken: list[tuple[int, int]] = []
        for pattern in (self.SCHEME, self.BARE):
            for match in pattern.finditer(text):
                start, end = match.start(), match.end()
                while end > start and text[end - 1] in self.TRAILING:
                    end -= 1
                if any(s <= start < e for s, e in taken) or self._sentence_break(text[start:end]):
                    continue
                taken.append((start, end))
                detections.append(self._detection(text[start:end], start, end))
        return detections

    def _sentence_break(self, raw: str) -> bool:
        """ "sueldo.Es urgente" is a missing space after a full stop, not the domain sueldo.es."""
        return bool(self.MISSING_SPACE.fullmatch(raw))

    def _detection(self, raw: str, start: int, end: int) -> Detection:
        whatsapp = self.WHATSAPP.search(raw)
        e164 = parse_international(whatsapp.group(1)) if whatsapp else None
        if e164 is not None:
            return Detection("PHONE", start, end, e164)
        value = re.sub(r"^https?://", "", raw, flags=re.IGNORECASE).lower()
        return Detection(self.kind, start, end, value.removeprefix("www.").rstrip("/"))
