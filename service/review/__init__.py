"""What the review service does, apart from HTTP: intake, queue, decisions, privacy operations.

Functions here take a session and the app state, commit their own transaction, and write the audit
row in that same transaction — so an action and its audit record exist together or not at all.
"""
