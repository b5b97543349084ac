"""Redaction and keyed pseudonyms: personal data is found and replaced at the service's door.

`redact(text, key)` is the one function the review service and `baliza redact` both call.
"""

from service.privacy.redact import Pseudonym, Redaction, redact

__all__ = ["Pseudonym", "Redaction", "redact"]
