"""One recognizer class per kind of personal data; `service.privacy.registry` loads them."""
