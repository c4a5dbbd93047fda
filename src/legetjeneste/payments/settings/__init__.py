"""A municipality's settings for approving payment runs (PAY-FOUR-EYES)."""
