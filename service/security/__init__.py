"""Credentials — partners' API keys, people's passwords and bearer tokens — and who holds them."""
