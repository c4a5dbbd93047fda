"""PAY-* rules of the monthly basistilskudd run, pure: `lines` (a line, its kinds and texts), `grants`
(basistilskudd and the grants), `deductions` (absence and breach), `duty` (hours of municipal work),
`month` (a month's lines from plain inputs) and `adjustments` (corrections of approved months)."""
