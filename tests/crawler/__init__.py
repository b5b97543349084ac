"""Tests of the crawler and the synthetic site."""
