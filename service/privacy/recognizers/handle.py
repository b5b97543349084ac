"""Messenger and social-media handles: `@user`, and "IG: user", "telegram: user" and the like.

`@user` right after a word character or dot is part of an e-mail, not a handle. A handle must hold a
letter, so "telegram: 300 123 4567" stays a phone. Values are lower-cased without the `@`.
"""

from __future__ import annotations

import re

from service.privacy.recognizers.base import Context, Detection, Recognizer


class HandleRecognizer(Recognizer):
    kind = "HANDLE"
    NAME = r"[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
    AT_HANDLE = re.compile(rf"(?<![\w.@])@({NAME})(?![\w@]|\.[A-Za-z])")
    PLATFORM = re.compile(
        r"\b(?:ig|insta|instagram|telegram|tg|tiktok|snap|snapchat|twitter|facebook|fb|kik|signal|"
        rf"discord|threads|usuario|user)\s*[:=]\s*(@?{NAME})(?![\w@]|\.[A-Za-z])",
        re.IGNORECASE,
    )

    def analyze(self, text: str, context: Context) -> list[Detection]:
        detections = []
        for pattern in (self.AT_HANDLE, self.PLATFORM):
            for match in pattern.finditer(text):
                handle = match.group(1)
                if not re.search(r"[A-Za-z]", handle):
                    continue
                start = match.start(1) - (1 if pattern is self.AT_HANDLE else 0)
                value = handle.lstrip("@").lower()
                detections.append(Detection(self.kind, start, match.end(1), value))
        return detections
