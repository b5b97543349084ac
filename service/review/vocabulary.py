"""The review's shared words: item states, decision reason codes, an escalation's lean, the order of
indicator codes, and how audit rows name a person.

They sit below every other review module (queue, decisions, reports, webhooks all read them), so
none of those has to import another to learn a name.
"""

from __future__ import annotations

from models.indicators import load_taxonomy
from service.db.models import User

STATES = ("queued", "escalated", "confirmed", "dismissed")
OPEN_STATES = ("queued", "escalated")

#: The reason codes a decision accepts (a fixed list, so decisions can be counted and exported).
REASONS: dict[str, tuple[str, ...]] = {
    "confirm": ("indicators-present", "linked-to-confirmed", "other"),
    "dismiss": ("legitimate-offer", "insufficient-evidence", "duplicate", "other"),
    "escalate": ("needs-second-opinion", "possible-minor", "imminent-risk", "other"),
}
OUTCOME = {"confirm": "confirmed", "dismiss": "dismissed", "escalate": "escalated"}

LEANS = ("confirm", "dismiss")
LEAN_PREFIX = "[lean:"


def actor(user: User) -> str:
    """How audit rows name a person."""
    return f"user:{user.name}"


def stored_note(decision: str, note: str, lean: str | None) -> str:
    """An escalation's lean (which way the analyst leans) is kept as a fixed prefix of its note.

    The decisions table has no column for it; the prefix is written for every escalation (also
    `[lean:none]`), so a note typed by a person can never pass for one. `split_note` reads it back.
    """
    return f"{LEAN_PREFIX}{lean or 'none'}] {note}" if decision == "escalate" else note


def split_note(decision: str, note: str) -> tuple[str | None, str]:
    """(lean, note as written) of a stored decision note."""
    if decision != "escalate" or not note.startswith(LEAN_PREFIX):
        return None, note
    head, _, rest = note.partition("] ")
    lean = head[len(LEAN_PREFIX) :]
    return (lean if lean in LEANS else None), rest


def top_codes(spans: list[dict]) -> list[str]:
    """Distinct indicator codes, strongest first: severity, v1 weight, occurrences, then code."""
    taxonomy = load_taxonomy()
    counts: dict[str, int] = {}
    for span in spans or []:
        counts[span["code"]] = counts.get(span["code"], 0) + 1
    weight = {
        code: (taxonomy[code].points, taxonomy[code].weight) if code in taxonomy else (0, 0)
        for code in counts
    }
    return sorted(counts, key=lambda c: (-weight[c][0], -weight[c][1], -counts[c], c))
