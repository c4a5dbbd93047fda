"""Where each user starts: a page made for their role (DESIGN.md, "Privacy and security")."""

from legetjeneste.auth.rules import Actor


def start_path(actor: Actor) -> str:
    """A GP starts on Min side, an office administrator on Mitt kontor, a citizen on Min fastlege, the system
    administrator on the list of municipalities, everyone else of a municipality on its overview."""
    if actor.role == "doctor" and actor.doctor_id is not None:
        return "/min-side"
    if actor.role == "citizen" and actor.citizen_id is not None:
        return "/min-fastlege"
    if actor.role == "office_admin" and actor.office_id is not None:
        return "/mitt-kontor"
    if actor.municipality_number is None:
        return "/kommuner"
    if actor.role in ("doctor", "office_admin", "citizen"):
        return "/innboks"
    return f"/kommuner/{actor.municipality_number}"
