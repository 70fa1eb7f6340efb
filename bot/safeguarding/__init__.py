"""Safeguarding: spotting free text that suggests someone is at risk."""
