"""Tests for eia_rules.readers."""
