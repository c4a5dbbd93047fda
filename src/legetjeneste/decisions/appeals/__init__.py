"""Appeals against enkeltvedtak (DEC-APPEAL): made by the party, handled by the deciding body."""
