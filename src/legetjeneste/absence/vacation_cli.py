"""Placeholder: filled in by the absence work in progress."""


def vacation_overview():
    """Ferieoversikten for samarbeidsutvalget."""
