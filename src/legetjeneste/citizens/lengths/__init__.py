"""AGR-OPEN — each list's length kept per agreement and day (docs/adr/0014)."""
