"""What a template family is: one ad frame (voice, job type, structure, channel) and its text banks.

Families are written as data so each one stays short and readable. Any text in a bank may start with
a tag in square brackets naming the indicator codes the text expresses, and ``!CODE`` for codes it
contradicts (an office address contradicts MESSENGER_ONLY; "signed contract" contradicts NO_CONTRACT):

    "[APPEARANCE JOB_ABROAD_DECEPTIVE] Señoritas de buena presencia para {dest}"
    "[!MESSENGER_ONLY] Entrevistas en {address}"

A tagged text is only used when the ad's sampled indicators include all its codes, so the codes of a
record are exactly the codes whose text was rendered into it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    """A piece of template text and the indicator codes it expresses or contradicts."""

    text: str
    codes: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()

    def fits(self, chosen: frozenset[str]) -> bool:
        """True if every code it expresses is chosen and none it contradicts is."""
        return all(c in chosen for c in self.codes) and not any(c in chosen for c in self.excludes)


def parse_entry(raw: str, implied: str | None = None) -> Entry:
    """Parse ``"[CODE !OTHER] text"``; ``implied`` adds a code (phrase banks are keyed by code)."""
    codes: list[str] = [implied] if implied else []
    excludes: list[str] = []
    text = raw
    if raw.startswith("["):
        tag, _, text = raw[1:].partition("]")
        for token in tag.split():
            if token.startswith("!"):
                excludes.append(token[1:])
            elif token not in codes:
                codes.append(token)
        text = text.strip()
    return Entry(text, tuple(sorted(codes)), tuple(sorted(excludes)))


def parse_entries(raws: Iterable[str], implied: str | None = None) -> tuple[Entry, ...]:
    """Parse a bank of texts."""
    return tuple(parse_entry(raw, implied) for raw in raws)


def parse_bank(bank: Mapping[str, Sequence[str]]) -> dict[str, tuple[Entry, ...]]:
    """Parse a phrase bank keyed by indicator code (each text implies its key's code)."""
    return {code: parse_entries(texts, implied=code) for code, texts in bank.items()}


@dataclass(frozen=True)
class Family:
    """One template family. ``name`` is ``{lang}-{pos|neg}-{frame}``; the split is made by family."""

    name: str
    group: str  # labour | sexual (positives); job | classified (negatives)
    titles: tuple[Entry, ...]
    details: tuple[Entry, ...]
    pool: tuple[tuple[str, float], ...]  # (code, sampling weight) the family may show
    intros: tuple[Entry, ...] = ()
    closers: tuple[Entry, ...] = ()
    required: tuple[str, ...] = ()  # codes every ad of the family shows (e.g. its job is abroad)
    phrases: dict[str, tuple[Entry, ...]] = field(default_factory=dict)  # the family's own wording
    slots: dict[str, tuple[str, ...]] = field(default_factory=dict)  # extra {fields}: pick one
    money: dict[str, tuple[int, int]] = field(default_factory=dict)  # extra {fields}: US$ range, local
    layouts: tuple[str, ...] = ("lines", "paragraph", "bullets")
    n_details: tuple[int, int] = (1, 4)
    contact: str = "job"  # job | classified
    abroad: bool = False  # pay and fees are quoted in dollars/euros, destinations filled in
    org: str | None = None  # agency | company | programme: whose domain the e-mail and web use
    locales: tuple[str, ...] = ()  # restrict to these locale codes (default: all of the language)
    voices: tuple[str, ...] = ()  # preferred forms of address (Spanish)
    count: int = 100
    neg_mix: tuple[float, float] = (0.35, 0.8)  # negatives: P(0 codes), P(<= 1 code); rest: 2 weak

    @property
    def lang(self) -> str:
        """The ad's dominant language, from the family name."""
        return self.name.split("-", 1)[0]

    @property
    def label(self) -> int:
        """The label every ad of this family must get (checked against the labelling rule)."""
        return 1 if self.name.split("-")[1] == "pos" else 0


def family(
    name: str,
    group: str,
    *,
    titles: Sequence[str],
    details: Sequence[str],
    pool: Mapping[str, float],
    intros: Sequence[str] = (),
    closers: Sequence[str] = (),
    phrases: Mapping[str, Sequence[str]] | None = None,
    **kw: object,
) -> Family:
    """Build a Family from plain strings (parsing the ``[CODE]`` tags)."""
    return Family(
        name=name,
        group=group,
        titles=parse_entries(titles),
        details=parse_entries(details),
        pool=tuple(pool.items()),
        intros=parse_entries(intros),
        closers=parse_entries(closers),
        phrases=parse_bank(phrases or {}),
        **kw,  # type: ignore[arg-type]
    )
