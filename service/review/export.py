"""(export; being built)."""
