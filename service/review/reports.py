"""(reports; being built)."""
