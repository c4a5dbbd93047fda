"""Roster construction with OR-Tools CP-SAT from plain dataclasses: no SQLAlchemy, FastAPI or Typer."""
