"""SU-VACATION rules of the vacation overview, pure: `data` — the plain values the service loads and the
overview gives back, its period and weeks; `overview` — who is away, who covers, and the gaps."""
