"""LV-EXEMPT-*, NN-*, LV-COMPETENCE — legevakt and nødnett rules as pure functions."""
