"""What every page shows of a reviewer's wellbeing: their preferences (blur, greyscale), today's
exposure counter in the header, and the break reminder when it is due.

`render` asks for it once per page, so no route reads a preference itself. It reads on a session of
its own, in a transaction that only reads (on SQLite it takes no write lock, so it never waits for
the route's own session, which may hold one): the page's counts include what the route just
committed (the `item.view` of the item being shown).
Only reviewers (analysts, supervisors) are shown ad text, so only they get one.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.db.engine import reading
from service.db.models import User
from service.review import exposure, prefs
from service.review.context import ReviewContext
from service.security import identity


@dataclass(frozen=True)
class Wellbeing:
    prefs: prefs.Prefs
    seen: exposure.Exposure
    break_due: bool


def for_page(ctx: ReviewContext, user: User | None) -> Wellbeing | None:
    """The page viewer's wellbeing, or None for someone who is shown no ad text (or nobody)."""
    if user is None or not identity.has_role(user, identity.REVIEWERS):
        return None
    with ctx.sessions() as session, reading(session):
        wanted = prefs.get(session, user)
        seen = exposure.today(session, ctx, user, wanted)
    return Wellbeing(wanted, seen, exposure.break_due(wanted, seen))
