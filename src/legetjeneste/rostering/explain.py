"""Why a roster looks as it does: counts against fair targets, what each soft rule cost, vacancies."""

from legetjeneste.rostering.problem import Problem, Solution


def explain(problem: Problem, solution: Solution) -> "Explanation":
    """Per doctor the shifts of each kind against the fair target, per soft rule its cost, per vacancy why."""
    raise NotImplementedError
