"""Search the review items by pseudonym token and by words of their redacted text.

What is searched is only what a reviewer already reads: the items' pseudonym tokens and their
redacted text. Never the vault, never a raw value: a query is redacted like an ad before anything
else, and a contact value the redactor finds in it (a phone number typed in) is **dropped**, not
turned into its token. Turning it into its token would let anyone with a login test a guessed phone
number against the data — what the keyed pseudonyms exist to prevent, and what unmasking allows only
with a second supervisor's approval. `Results.dropped` says how many were left out, so the page can say so.

A query is tokens in their exact form (`[KIND:xxxxxxxxxxxx]`, CONTRACTS.md) and words; an item
matches when it holds every token and its redacted text contains every word (case-insensitive
substring, `LIKE` on SQLite and PostgreSQL alike; SQLite folds the case of ASCII letters only, so
there `ÑANDÚ` does not find `ñandú`). It is bounded: at most `MAX_QUERY` characters and `MAX_WORDS`
words, pages of at most `MAX_LIMIT` items, newest first.

Every search is audited (`search`), with the query as searched — tokens and redacted words, never
what was dropped — and the number found. Results carry no ad text, like the queue's lines: reading
an ad is opening it (audited as `item.view`, shown blurred until revealed).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from baliza.errors import Invalid
from models.provenance import PSEUDONYM
from service.db.engine import reading
from service.db.models import Item, ItemPseudonym, User
from service.privacy.redact import redact
from service.review import posting
from service.review.context import ReviewContext
from service.review.vocabulary import STATES, actor, top_codes

MAX_QUERY = 200
MAX_WORDS = 8
MIN_WORD = 2
MAX_LIMIT = 50
#: Characters trimmed from the ends of a query word (a comma typed after it is not part of it).
_PUNCTUATION = ".,;:!?¡¿\"'()[]{}«»"


@dataclass(frozen=True)
class Query:
    tokens: tuple[str, ...]
    words: tuple[str, ...]  # lower-cased
    dropped: int  # contact values the redactor found in the query: never searched

    @property
    def text(self) -> str:
        """The query as searched and audited."""
        return " ".join((*self.tokens, *self.words))


@dataclass(frozen=True)
class Found:
    """One matching item: what the queue shows of it, and the searched tokens it holds."""

    id: int
    state: str
    score: float
    child_risk: bool
    indicators: list[str]
    source: str | None
    location: str | None
    posted_at: str | None
    age_seconds: int
    age_since: str


@dataclass(frozen=True)
class Results:
    query: str  # as searched (tokens and redacted words)
    tokens: list[str]
    dropped: int
    items: list[Found]
    total: int
    limit: int
    offset: int


def parse(ctx: ReviewContext, text: str) -> Query:
    """Tokens and words of a query; `Invalid` when it is too long or holds nothing to search."""
    if len(text) > MAX_QUERY:
        raise Invalid(f"q: at most {MAX_QUERY} characters")
    tokens = list(dict.fromkeys(PSEUDONYM.findall(text)))
    rest = redact(PSEUDONYM.sub(" ", text), ctx.secret_key)
    plain = PSEUDONYM.sub(" ", rest.text)
    words = [w.strip(_PUNCTUATION).lower() for w in plain.split()]
    words = list(dict.fromkeys(w for w in words if len(w) >= MIN_WORD))
    if len(words) > MAX_WORDS:
        raise Invalid(f"q: at most {MAX_WORDS} words")
    if not tokens and not words:
        raise Invalid(f"q: give a pseudonym token or a word of at least {MIN_WORD} characters")
    return Query(tuple(tokens), tuple(words), len(rest.pseudonyms))


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(query: Query, state: str | None) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [
        Item.id.in_(select(ItemPseudonym.item_id).where(ItemPseudonym.token == token))
        for token in query.tokens
    ]
    clauses += [func.lower(Item.text).like(_like(word), escape="\\") for word in query.words]
    if state is not None:
        clauses.append(Item.state == state)
    return clauses


def search(
    session: Session,
    ctx: ReviewContext,
    user: User,
    text: str,
    *,
    state: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Results:
    """One page of the items matching `text`, newest first, and how many match. Audited; commits."""
    if state is not None and state not in STATES:
        raise Invalid(f"state must be one of {', '.join(STATES)}")
    if not 1 <= limit <= MAX_LIMIT:
        raise Invalid(f"limit: between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise Invalid("offset: 0 or more")
    query = parse(ctx, text)
    where = _where(query, state)
    now = ctx.now()
    with reading(session):
        total = session.scalar(select(func.count()).select_from(Item).where(*where)) or 0
        rows = session.execute(
            select(
                Item.id,
                Item.state,
                Item.score,
                Item.child_risk,
                Item.indicators,
                Item.source,
                Item.location,
                Item.posted_at,
                Item.created_at,
            )
            .where(*where)
            .order_by(Item.created_at.desc(), Item.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
    found = [_found(row, now) for row in rows]
    detail = {"query": query.text, "state": state, "total": int(total), "offset": offset}
    ctx.auditor.record(session, actor(user), "search", None, detail=detail | {"dropped": query.dropped})
    session.commit()
    return Results(query.text, list(query.tokens), query.dropped, found, int(total), limit, offset)


def _found(row, now) -> Found:  # type: ignore[no-untyped-def]
    age = posting.age(row.posted_at, row.created_at, now)
    return Found(
        id=row.id,
        state=row.state,
        score=row.score,
        child_risk=bool(row.child_risk),
        indicators=top_codes(row.indicators),
        source=row.source,
        location=row.location,
        posted_at=row.posted_at,
        age_seconds=age.seconds,
        age_since=age.since,
    )
