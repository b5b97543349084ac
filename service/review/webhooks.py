"""(webhooks; being built)."""
