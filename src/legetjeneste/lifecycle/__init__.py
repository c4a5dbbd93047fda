"""The agreement life cycle (RULES.md § 1, AGR-*): cases, their steps, clocks, guards and documents."""
