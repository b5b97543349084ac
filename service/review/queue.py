"""(queue; being built)."""
