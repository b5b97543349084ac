"""Credentials: partners' API keys, people's passwords and bearer tokens."""
