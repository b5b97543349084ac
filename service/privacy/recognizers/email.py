"""E-mail addresses, plain and obfuscated the ways ads hide them from filters, on the folded view.

The fold has already made `＠`/`．` plain, so what is left is the spelling: `nombre (arroba) dominio .
com`, `name [at] mail [.] com`, `name at mail dot com`, `nombre en gmail punto com`, `name @mail. com`,
`nameATgmail.com`, `name@gmail,com`, `mi gmail es name.22`. A bare "at"/"en", or an "@" with a space
only before it, is everyday language ("meet at the office", "IG @user") unless the local part looks
like an address (a digit, dot or underscore in it) or the dot is spelled out too. Webmail providers
are known by name, so "name.555 at gmail" counts without its ".com". The value is de-obfuscated and
lower-cased.
"""

from __future__ import annotations

import re

from service.privacy.normalise import Canonical
from service.privacy.recognizers.base import Context, Detection, Recognizer
from service.privacy.tlds import TLD_PATTERN
from service.privacy.view import View


class EmailRecognizer(Recognizer):
    kind = "EMAIL"
    LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]*"
    BRACKETED_AT = r"\s*[(\[{</*]\s*(?:at|arroba|@)\s*[)\]}>/*]\s*"
    AT = rf"(?:\s*@\s*|{BRACKETED_AT}|\s+arroba\s+)"
    BARE_AT = r"\s+(?:at|en)\s+"
    WORD_DOT = r"(?:\s*[(\[{</*]\s*(?:dot|punto|\.)\s*[)\]}>/*]\s*|\s+(?:dot|punto)\s+)"
    DOT = rf"(?:\.|{WORD_DOT}|[ \t]{{1,3}}\.[ \t]{{0,3}}|\.[ \t]{{1,3}})"
    LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    DOMAIN = rf"{LABEL}(?:{DOT}{LABEL})*{DOT}(?:{TLD_PATTERN})(?![\w\-/])"
    # A literal "name@host.tld" is unambiguous, so any alphabetic TLD counts there (new gTLDs, the
    # reserved .example/.test of synthetic data), and a comma typed for the last dot before a known one.
    PLAIN_DOMAIN = rf"{LABEL}(?:\.{LABEL})*(?:\.[A-Za-z]{{2,24}}|,(?:{TLD_PATTERN}))(?![\w\-/@])"
    PROVIDER = (
        r"(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|protonmail|proton|aol|gmx|yandex|zoho)"
    )
    PATTERN = re.compile(
        rf"(?<![\w.@])(?P<local>{LOCAL})(?:"
        rf"(?P<at>\s*@\s*)(?P<plain>{PLAIN_DOMAIN})"
        rf"|(?P<at2>{AT})(?P<domain>{DOMAIN})"
        rf"|(?P<at3>{BARE_AT})(?P<bare>{DOMAIN})"
        rf"|(?P<at4>{AT}|{BARE_AT})(?P<provider>{PROVIDER})(?![\w.@-])"
        r")",
        re.IGNORECASE,
    )
    # "nameATgmail.com", "nameATgmailDOTcom": the capitals are the disguise, so case matters here.
    GLUED = re.compile(
        rf"(?<![\w.@])(?P<local>[a-z0-9][a-z0-9._%+\-]*?)(?P<at>AT)"
        rf"(?P<domain>[a-z0-9][a-z0-9\-]*(?:(?:\.|DOT)[a-z0-9\-]+)*(?:\.|DOT)(?:{TLD_PATTERN}))(?![\w\-/])"
    )
    # "mi gmail es luisa.m22", "Hotmail: luisa_22": the provider named first, the "@" left out.
    PROVIDER_FIRST = re.compile(
        rf"\b(?P<provider>{PROVIDER})\s*(?:[:=]|\s(?:es|is))\s*(?P<local>{LOCAL})(?![\w@]|\.[A-Za-z])",
        re.IGNORECASE,
    )
    # "luisa punto m arroba gmail punto com": the dots of the local part spelled out too.
    SPELLED_LOCAL = re.compile(
        rf"(?<![\w.@])(?P<local>{LOCAL}(?:{WORD_DOT}{LOCAL})+)(?P<at>{BRACKETED_AT}|\s+arroba\s+|\s+at\s+)"
        rf"(?P<domain>{DOMAIN})",
        re.IGNORECASE,
    )
    ADDRESS_LIKE = re.compile(r"[\d._]")
    DOT_ONLY = re.compile(rf"{DOT}|,", re.IGNORECASE)

    def analyze(self, ad: Canonical, context: Context) -> list[Detection]:
        view = ad.folded
        found = []
        for match in self.PATTERN.finditer(view.text):
            if self._plausible(match):
                found.append(self._detection(view, match))
        for match in self.PROVIDER_FIRST.finditer(view.text):
            if self.ADDRESS_LIKE.search(match.group("local")):
                value = f"{match.group('local')}@{match.group('provider')}".lower()
                found.append(self.found(view, match.start("local"), match.end("local"), value))
        for match in self.SPELLED_LOCAL.finditer(view.text):
            local = ".".join(
                p.strip() for p in re.split(self.WORD_DOT, match.group("local"), flags=re.I) if p.strip()
            )
            domain = ".".join(p.strip() for p in self.DOT_ONLY.split(match.group("domain")) if p.strip())
            found.append(self.found(view, match.start(), match.end(), f"{local}@{domain}".lower()))
        for match in self.GLUED.finditer(view.text):
            value = f"{match.group('local')}@{match.group('domain').replace('DOT', '.')}"
            found.append(self.found(view, match.start(), match.end(), value.lower()))
        return found

    def _plausible(self, match: re.Match[str]) -> bool:
        """Everyday "at"/"en"/" @x" needs an address-like local part or a spelled-out dot."""
        at = next(match.group(g) for g in ("at", "at2", "at3", "at4") if match.group(g) is not None)
        spaced_at = at.strip().lower() in ("at", "en") or (at != at.lstrip() and at == at.rstrip())
        if not spaced_at:
            return True
        if self.ADDRESS_LIKE.search(match.group("local")):
            return True
        domain = match.group("bare") or ""
        if at.strip().lower() == "at" and re.match(self.PROVIDER, domain, re.IGNORECASE):
            return True  # "luisa at gmail.com": nobody is "at" a webmail provider
        return bool(re.search(self.WORD_DOT, domain, re.IGNORECASE))

    def _detection(self, view: View, match: re.Match[str]) -> Detection:
        groups = match.groupdict()
        domain = next(groups[g] for g in ("plain", "domain", "bare", "provider") if groups[g] is not None)
        domain = ".".join(part.strip() for part in self.DOT_ONLY.split(domain) if part.strip())
        value = f"{match.group('local')}@{domain}".lower()
        return self.found(view, match.start(), match.end(), value)
