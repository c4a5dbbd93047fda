"""Legevakt and daytime nødnett: schemes, exemptions and their impact, solved and published rosters,
vacancies. The solver itself is `legetjeneste.rostering` (pure, no database)."""
