"""Legevakt and nødnett schemes, their participants, local parameters and exemptions."""
