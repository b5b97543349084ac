"""(unmask; being built)."""
