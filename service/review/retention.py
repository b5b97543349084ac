"""(retention; being built)."""
