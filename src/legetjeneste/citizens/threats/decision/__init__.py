"""The decision in a threat case and what follows it: the move, the new GP, the other care, closing."""
