"""How the pages show a refused action: as a message on the page the person is sent back to.

The review domain refuses with `NotFound`, `Conflict`, `Forbidden` or `Invalid` and a sentence; a
page shows its own catalogue key for the refusals it words itself (`keys`), and the domain's
sentence otherwise (the translator shows a text that is not a key as itself). Refusals a page does
not catch — an item id that does not exist in the URL — reach the app's handlers and get the same
status and `{"detail"}` as from the JSON API.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from starlette.responses import RedirectResponse

from baliza.errors import BalizaError, Conflict, Forbidden, Invalid, NotFound

REFUSALS = (NotFound, Conflict, Forbidden, Invalid)

#: The unmask request form's own words for its refusals (a short reason; nothing left to unmask).
UNMASK_REQUEST: Mapping[type[BalizaError], str] = {
    Invalid: "unmask.error.reason",
    Conflict: "unmask.error.no_values",
}


def message(exc: BalizaError, keys: Mapping[type[BalizaError], str] | None = None) -> str:
    """The page's key for this kind of refusal, else the domain's sentence."""
    return next((key for kind, key in (keys or {}).items() if isinstance(exc, kind)), str(exc))


def back_to(path: str, message: str) -> RedirectResponse:
    """Send the person (303) to `path`, which shows `message` in its notice."""
    return RedirectResponse(f"{path}?{urlencode({'message': message})}", status_code=303)
