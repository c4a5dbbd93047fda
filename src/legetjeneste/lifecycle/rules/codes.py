"""The life cycle's codes: the rules as they are cited, the responsible roles, the clock statuses, the
list-reduction grounds and which steps each kind of case has."""

from legetjeneste.errors import Rule

ANNOUNCE = Rule("AGR-ANNOUNCE", "ASA 4310 § 5.4")
LISTETAK = Rule("AGR-LISTETAK", "fastlegeforskriften § 10")
NEW_INFORM = Rule("AGR-NEW-INFORM", "ASA 4310 § 5.1")
NEW_SU = Rule("AGR-NEW-SU", "ASA 4310 § 5.3")
AWARD = Rule("AGR-AWARD", "ASA 4310 § 5.5")
OFFER = Rule("AGR-OFFER-5W", "ASA 4310 § 5.6")
TRANSFER = Rule("AGR-TRANSFER-5W", "ASA 4310 § 5.6")
HJEMFALL = Rule("AGR-HJEMFALL", "ASA 4310 § 5.8")
LIST_REDUCE = Rule("AGR-LISTREDUCE", "ASA 4310 § 10.7")
DELELISTE = Rule("AGR-DELELISTE", "ASA 4310 § 10.8")
NOTICE = Rule("AGR-NOTICE", "ASA 4310 § 16")
AGE_END = Rule("AGR-AGE-END", "ASA 4310 § 16")
REVISION = Rule("AGR-REVISION", "ASA 4310 § 16")

# The parties to an agreement, as the guards and documents name them.
MUNICIPALITY, GP = "kommune", "lege"
PARTIES = {"doctor": GP, "municipality": MUNICIPALITY}
PRACTICE_TYPES = {"group": "gruppepraksis", "solo": "solopraksis"}

OVERDUE, DUE_SOON, RUNNING = "overdue", "due_soon", "running"
STATUS_LABELS = {OVERDUE: "forfalt", DUE_SOON: "nær", RUNNING: "løper"}

KOMMUNE, KOMMUNEOVERLEGE, LEGE, SU, NEMND = "kommune", "kommuneoverlege", "lege", "su", "nemnd"
RESPONSIBLE_LABELS = {
    KOMMUNE: "Kommunen",
    KOMMUNEOVERLEGE: "Kommuneoverlegen",
    LEGE: "Legen",
    SU: "Samarbeidsutvalget",
    NEMND: "Nasjonal nemnd",
}

# List-reduction grounds, ASA 4310 § 10.7 (and § 12.1 for municipal part-time posts).
HEALTH, CARE, AGE, DEMANDING_LIST = "health", "care", "age", "demanding_list"
LATER_TASKS, MUNICIPAL_POST, SPECIAL = "later_tasks", "municipal_post", "special"
REDUCTION_GROUNDS = {
    HEALTH: "legens helsetilstand",
    CARE: "omsorgsansvar",
    AGE: "legen er over 60 år",
    DEMANDING_LIST: "særlig arbeidskrevende liste",
    LATER_TASKS: "senere pålagte oppgaver",
    MUNICIPAL_POST: "kommunal deltidsstilling",
    SPECIAL: "særlige grunner (f.eks. forskning)",
}
SHORT_NOTICE_GROUNDS = frozenset({HEALTH, CARE})

OPEN, CLOSED = "open", "closed"
_VACANT = [
    "announcement",
    "no_taker",
    "award",
    "offer_accepted",
    "offer_withdrawn",
    "transfer_agreed",
    "transfer_to_board",
    "start_agreed",
    "hjemfall",
    "distribution",
]
STEPS_FOR_KIND = {
    "new_agreement": ["gps_informed", "su_statement", "agreement_created", *_VACANT[:-2]],
    "vacancy": _VACANT,
    "announcement": _VACANT,
    "award": _VACANT[2:8],
    "practice_transfer": _VACANT[2:8],
    "hjemfall": _VACANT,
    "notice": ["notice", *_VACANT],
    "age_end": ["extension", *_VACANT],
    "authorisation_loss": ["authorisation_suspended", "authorisation_lost", *_VACANT],
    "death": ["death", *_VACANT],
    "list_reduction": ["list_reduction_request", "refusal"],
    "deleliste": [
        "deleliste_request",
        "announcement",
        "award",
        "offer_accepted",
        "offer_withdrawn",
        "refusal",
    ],
    "revision": ["revision"],
}
# Kinds of case that leave an agreement vacant: it must be announced without undue delay.
VACATING_KINDS = ("vacancy", "notice", "death", "authorisation_loss", "age_end")


def list_reduction_parameter(ground: str) -> str:
    """AGR-LISTREDUCE, ASA 4310 § 10.7 — the parameter with the notice for `ground`: 6 months, or 3 months
    when the ground is the GP's health or care responsibility."""
    if ground in SHORT_NOTICE_GROUNDS:
        return "lifecycle/list_reduction_short_notice_months"
    return "lifecycle/list_reduction_notice_months"
