"""The last look at a redacted ad before anyone reads it: anything still shaped like a contact value.

Recognizers know formats; people invent new ones. So what redaction leaves is read once more, on the
same canonical views with the redacted spans blanked, for the shapes every contact value shares
whatever its spelling: a long run of digits (after folding keycaps, look-alikes and spelled-out
digits), an `@`-word, an address with an `@` in it, a domain with a path. Each hit is masked as its
kind and counted, so a recognizer gap shows up in the service's metrics
(`baliza_redaction_residual_total{kind}`) instead of reaching an analyst. Prices, dates, year-codes
and references stay, by the phone recognizer's own guards.
"""

from __future__ import annotations

import re

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context, Detection, Recognizer
from service.privacy.recognizers.phone import DIGIT, PhoneRecognizer, phone_value
from service.privacy.registry import settle


class ResidualScan(Recognizer):
    """Contact-shaped leftovers of a redacted ad; `analyze` expects the redacted spans blanked."""

    PHONE = PhoneRecognizer()  # its price, date and reference guards

    DIGIT_RUN = re.compile(r"(?<![\w+])\+?\d(?:(?![.][ \t])[ \t.\-_/\\|*~'()]{0,3}\d)+(?!\w)")
    MIN_DIGITS = 8
    DATE_DIGITS = re.compile(
        r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d"
    )
    EMAIL = re.compile(r"(?<![\w.])[\w.%+\-]+[ \t]?@[ \t]?[\w\-]*[A-Za-z][\w\-]*(?:\.[\w\-]+)*(?![\w\-])")
    AT_WORD = re.compile(r"(?<![\w.@])@([A-Za-z0-9_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_])")
    DOMAIN_PATH = re.compile(
        r"(?<![\w@.\-/])(?:[A-Za-z0-9\-]+\.)+[a-z]{2,12}[ \t]?/[ \t]?[\w@+~%\-][^\s<>\"'()\[\]{}]*"
    )

    def analyze(self, ad: Canonical, context: Context) -> list[Detection]:
        return [*self._digit_runs(ad, context), *self._addresses(ad)]

    def _digit_runs(self, ad: Canonical, context: Context) -> list[Detection]:
        phone = self.PHONE
        view = ad.digits
        found = []
        for run in self.DIGIT_RUN.finditer(view.text):
            for start, end in phone.between_dates(view.text, run.start(), run.end()):
                raw = view.text[start:end]
                if len(DIGIT.findall(raw)) < self.MIN_DIGITS or phone.is_not_a_phone(ad, start, end):
                    continue
                if (
                    phone.AMOUNT.fullmatch(raw)
                    or phone.YEAR_CODE.fullmatch(raw)
                    or self.DATE_DIGITS.fullmatch(raw)
                ):
                    continue
                found.append(self.found(view, start, end, phone_value(raw, context), kind="PHONE"))
        return found

    def _addresses(self, ad: Canonical) -> list[Detection]:
        view = ad.folded
        found = []
        for match in self.EMAIL.finditer(view.text):
            found.append(self.found(view, *match.span(), re.sub(r"\s", "", match.group(0)).lower(), "EMAIL"))
        for match in self.AT_WORD.finditer(view.text):
            if re.search(r"[A-Za-z]", match.group(1)):
                found.append(self.found(view, *match.span(), match.group(1).lower(), "HANDLE"))
        for match in self.DOMAIN_PATH.finditer(view.text):
            end = match.end()
            while view.text[end - 1] in ".,;:!?":
                end -= 1
            link = re.sub(r"\s", "", view.text[match.start() : end]).lower()
            found.append(self.found(view, match.start(), end, link.removeprefix("www.").rstrip("/"), "URL"))
        return found


def scan(ad: Canonical, context: Context) -> list[Detection]:
    """Contact-shaped values left in `ad` once redacted: `ad` has its redacted spans blanked
    (`Canonical.without`), so offsets are the original text's. Non-overlapping, in text order."""
    return settle(ResidualScan().analyze(ad, context))
