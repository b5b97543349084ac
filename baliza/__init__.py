"""Baliza's front door and the pieces every part shares.

`baliza.cli` is the `baliza` command (the top of the import graph: it may call every part);
`baliza.settings` and `baliza.errors` sit at the bottom (they import nothing of ours), so
`models`, `crawler` and `service` can all use them without pointing an import upwards.
"""
