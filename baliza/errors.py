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
