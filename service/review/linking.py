"""(linking; being built)."""
