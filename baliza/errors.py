"""Errors a person can act on.

The CLI turns these into one line on stderr and an exit code, never a traceback: `InputError`
(bad file, bad JSONL line, unknown model) exits 2, anything else exits 1.
"""


class BalizaError(Exception):
    """A failure with a message meant for the person running the command."""

    exit_code = 1


class InputError(BalizaError):
    """The caller gave something unusable: a missing file, a malformed line, an unknown name."""

    exit_code = 2


# --- Refusals of the review domain (service/review). Each edge renders them its own way: the JSON API
# as a 4xx status (service/api/errors.py), the workspace as a message (service/ui/errors.py), the CLI as
# one line and exit 2 — a refusal is always about what the caller asked for, never a crash.


class NotFound(BalizaError):
    """What the caller named does not exist. `expired` says it existed but has run out (a lapsed
    approval, originals removed by retention): the API answers 410 Gone instead of 404."""

    exit_code = 2

    def __init__(self, message: str, *, expired: bool = False) -> None:
        super().__init__(message)
        self.expired = expired


class Conflict(BalizaError):
    """The request is sound but the thing is not in a state that allows it (already decided, claimed
    by someone else, changed meanwhile, a name taken)."""

    exit_code = 2


class Forbidden(BalizaError):
    """The caller is known but a rule of the domain keeps them from this action (four eyes,
    separation of duties)."""

    exit_code = 2


class Invalid(InputError):
    """A well-formed request that breaks the domain's vocabulary: an unknown state, reason code or
    sort, a reason too short (the API answers 422, like a request that fails validation)."""
