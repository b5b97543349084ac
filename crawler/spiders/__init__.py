"""Spiders: they parse pages and nothing else; what to follow and extract comes from sources.yaml."""
