"""The top-level domains a bare domain or obfuscated e-mail must end in to count.

A closed list keeps "precio.total" or "v1.2" from being read as domains.
"""

TLDS = (
    "com", "net", "org", "info", "biz", "edu", "gov", "io", "me", "co", "mx", "ar", "py", "pe", "ve", "ec",
    "cl", "bo", "uy", "do", "gt", "hn", "sv", "ni", "cr", "pa", "cu", "es", "us", "de", "uk", "eu", "fr",
    "it", "br", "ly", "app", "site", "online", "xyz", "link", "store", "shop", "club", "live", "top",
    "ca", "au", "jp", "ae", "qa", "sa", "ch", "nl", "pt", "tv", "cc", "pro", "jobs", "work", "agency",
    "email", "example", "test", "invalid",
    # Link-in-bio and short-link hosts, and the ccTLDs of English-speaking countries Baliza reads.
    "ee", "ai", "gg", "bio", "page", "fm", "ph", "ng", "gh", "ke", "za", "ie", "nz", "sg", "ru",
)  # fmt: skip
# Longest first, and whole labels only, so "com.co" and "co" both match fully.
TLD_PATTERN = "|".join(sorted(TLDS, key=len, reverse=True))
