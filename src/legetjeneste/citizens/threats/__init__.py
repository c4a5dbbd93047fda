"""Threatening and violent patients (ASA 4310 Vedlegg II): the threat case, its measures and decision."""
