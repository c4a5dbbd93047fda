"""Moving many citizens at once as pure functions: a list reduction's draw (CIT-REDUCTION-DRAW) and spreading
families over lists with room (CIT-UNASSIGNED, AGR-VACANT), families kept together (CIT-CHILDREN)."""

import random
from collections.abc import Mapping, Sequence

from legetjeneste.citizens.rules import most_room


def draw(families: Sequence[Sequence[int]], *, count: int, seed: str) -> list[list[int]]:
    """CIT-REDUCTION-DRAW, Helfo — the families that move when a list is reduced by `count` citizens: the
    families (ordered by their first member) shuffled by a random generator seeded with `seed`, then taken
    in that order while they fit in what is left of `count` (a family never split: a family larger than
    what is left is passed over for smaller ones). The same members and seed give the same draw."""
    order = [list(family) for family in families]
    random.Random(seed).shuffle(order)
    drawn, left = [], count
    for family in order:
        if left <= 0:
            break
        if len(family) <= left:
            drawn.append(family)
            left -= len(family)
    return drawn


def spread(
    families: Sequence[Sequence[int]], places: Mapping[int, int]
) -> list[tuple[list[int], int | None]]:
    """CIT-UNASSIGNED, AGR-VACANT — each family, whole, to the list with the most open places then (ties: the
    lowest agreement id); a list needs room for the first member, the children follow it also beyond the
    listetak (CIT-CHILDREN). A family finds no list (None) once every list is full."""
    left = dict(places)
    placed = []
    for family in families:
        target = most_room(left)
        if target is not None:
            left[target] -= len(family)
        placed.append((list(family), target))
    return placed
