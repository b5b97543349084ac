"""A reviewer's wellbeing preferences: how ad text is shown to them, and when to remind them to pause.

Analysts read recruitment ads aimed at children and vulnerable adults all day. The preferences are
the person's own, kept in the database (a cookie was one browser's, and lost with it): ad text
blurred until revealed (on unless they turn it off), ad content in greyscale (off unless they turn
it on), and a reminder to take a break after a number of decisions (`exposure.break_due`; 0 never
reminds). Taking a break starts the count again. Nothing here blocks work, and nothing is audited:
these are a person's comfort settings, not acts on the ads.

No row means the defaults, so a new account needs nothing written until it changes something.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from baliza.errors import Invalid
from service.db.engine import reading, retrying
from service.db.models import BREAK_EVERY_DEFAULT, User, UserPrefs
from service.review.context import ReviewContext

#: The largest reminder interval one may choose: past a working day's decisions it would never come.
BREAK_EVERY_MAX = 500


@dataclass(frozen=True)
class Prefs:
    blur_text: bool = True
    greyscale: bool = False
    break_every: int = BREAK_EVERY_DEFAULT  # decisions between break reminders; 0 = never remind
    break_taken_at: datetime | None = None


def _view(row: UserPrefs) -> Prefs:
    return Prefs(row.blur_text, row.greyscale, row.break_every, row.break_taken_at)


def checked_break_every(value: int) -> int:
    """The interval itself, or `Invalid` when it is outside 0..BREAK_EVERY_MAX."""
    if not 0 <= value <= BREAK_EVERY_MAX:
        raise Invalid(f"break_every: give a number of decisions from 0 (never remind) to {BREAK_EVERY_MAX}")
    return value


def get(session: Session, user: User) -> Prefs:
    """The user's preferences, or the defaults when they never changed any."""
    with reading(session):
        row = session.get(UserPrefs, user.id)
    return _view(row) if row is not None else Prefs()


def _change(session: Session, user: User, **values: object) -> Prefs:
    """Write `values` on the user's row (made with the defaults first if missing). Commits; a
    second tab inserting the same row at the same moment is retried as an update."""

    def unit() -> Prefs:
        row = session.get(UserPrefs, user.id)
        if row is None:
            defaults = Prefs()
            row = UserPrefs(
                user_id=user.id,
                blur_text=defaults.blur_text,
                greyscale=defaults.greyscale,
                break_every=defaults.break_every,
            )
            session.add(row)
        for name, value in values.items():
            setattr(row, name, value)
        session.commit()
        return _view(row)

    return retrying(session, unit, also=(IntegrityError,))


def update(
    session: Session,
    user: User,
    *,
    blur_text: bool | None = None,
    greyscale: bool | None = None,
    break_every: int | None = None,
) -> Prefs:
    """Change the preferences given (None keeps one as it is); `Invalid` for an interval outside
    0..BREAK_EVERY_MAX, before anything is written. Commits."""
    values: dict[str, object] = {"blur_text": blur_text, "greyscale": greyscale}
    if break_every is not None:
        values["break_every"] = checked_break_every(break_every)
    return _change(session, user, **{k: v for k, v in values.items() if v is not None})


def take_break(session: Session, ctx: ReviewContext, user: User) -> Prefs:
    """The reviewer says they paused: decisions are counted towards the next reminder from now. Commits."""
    return _change(session, user, break_taken_at=ctx.now())
