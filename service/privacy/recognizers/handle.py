"""`@user` handles, on the folded view (so `＠user` and a Cyrillic letter inside the name count too).

`@user` right after a word character or dot is part of an e-mail, not a handle. "@ user", with a
space after the "@", is a disguise when the name looks like a handle (a digit, underscore or inner
dot). A handle must hold a letter, so "@ 10" stays a number. Values are lower-cased without the `@`.
Handles introduced by a platform's name ("IG: user") are `PlatformHandleRecognizer`'s.
"""

from __future__ import annotations

import re

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context, Detection, Recognizer


class HandleRecognizer(Recognizer):
    kind = "HANDLE"
    NAME = r"[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
    END = r"(?![\w@]|\.[A-Za-z])"
    AT_HANDLE = re.compile(rf"(?<![\w.@])@({NAME}){END}")
    SPACED_AT = re.compile(rf"(?<![\w.@])@[ \t]+([A-Za-z]{NAME}){END}")
    HANDLE_LIKE = re.compile(r"[\d_]|\w\.\w")

    def analyze(self, ad: Canonical, context: Context) -> list[Detection]:
        view = ad.folded
        found = []
        for pattern in (self.AT_HANDLE, self.SPACED_AT):
            for match in pattern.finditer(view.text):
                name = match.group(1)
                if not re.search(r"[A-Za-z]", name):
                    continue
                if pattern is self.SPACED_AT and not self.HANDLE_LIKE.search(name):
                    continue
                found.append(self.found(view, match.start(), match.end(1), name.lower()))
        return found
