"""Attributed claims: extraction from parses, stance, and grouping across documents."""
