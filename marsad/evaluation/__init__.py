"""Scoring Marsad's output against annotated data."""
