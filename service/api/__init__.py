"""The review service's JSON API: its dependencies (who is calling), the one mapping of domain errors
to HTTP statuses, and one router per resource. `service/app.py` mounts it beside the workspace."""
