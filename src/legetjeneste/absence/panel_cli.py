"""Placeholder: filled in by the absence work in progress."""


def panel():
    """Fastlegepanelet for en avtale på en dato."""
