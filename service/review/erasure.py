"""(erasure; being built)."""
