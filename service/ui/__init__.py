"""The analysts' workspace: server-rendered pages (Jinja2) with a little JavaScript, no build step.

The pages call the same review functions as the JSON API, so the two never disagree; every form
carries a CSRF token bound to the session, and every page is in Spanish and English.
"""
