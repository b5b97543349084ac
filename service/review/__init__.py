"""What the review service does, apart from HTTP: intake, queue, claims, decisions, reports, privacy
operations and the views people read.

Functions here take a session and a `ReviewContext` (context.py), commit their own transaction, and
write the audit row in that same transaction — so an action and its audit record exist together or
not at all. A refused action raises one of `baliza.errors`' refusals (`NotFound`, `Conflict`,
`Forbidden`, `Invalid`); each door turns them into a status, a message or an exit code.
"""
