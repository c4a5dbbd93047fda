"""Norwegian names of covers and of grounds as others than the absence's handlers may see them."""

from legetjeneste.absence.rules import GROUNDS

COVER = {
    "own_vikar": "egen vikar",
    "collegial": "kollegial fraværsordning",
    "municipal_vikar": "vikar fra kommunen",
    "none": "ingen dekning",
}
GROUND = {code: ground.label for code, ground in GROUNDS.items()}
PUBLIC_GROUND = {"ordinary": "ferie eller ordinært fravær"}
OTHER_ABSENCE = "annet fravær"


def ground_label(ground: str, *, sees_grounds: bool) -> str:
    """Sickness and care are health data: others see only «annet fravær»."""
    return GROUND[ground] if sees_grounds else PUBLIC_GROUND.get(ground, OTHER_ABSENCE)
