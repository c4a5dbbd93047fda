"""Enkeltvedtak: the decision letters every deciding feature produces, and appeals (DEC-*)."""
