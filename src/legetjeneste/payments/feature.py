"""Basistilskudd payments (runs) and withholding for breach of agreement (§ 15)."""

from legetjeneste.features import Command, DecisionKind, Feature, NavEntry, Panel

FEATURE = Feature(
    name="payments",
    order=90,
    routers=(
        "legetjeneste.payments.breach.router",
        "legetjeneste.payments.runs.router",
        "legetjeneste.payments.breach.pages",
        "legetjeneste.payments.runs.pages",
        "legetjeneste.payments.settings.router",
        "legetjeneste.payments.settings.pages",
    ),
    commands=(
        Command("payments", "legetjeneste.payments.runs.cli:app", "Utbetaling av basistilskudd.", order=160),
    ),
    navigation=(
        NavEntry("Utbetalinger", "/utbetalinger", order=60, permission="payments.read", prefix=True),
        NavEntry("Mislighold", "/mislighold", order=70, permission="payments.read", prefix=True),
    ),
    decision_kinds=(DecisionKind("withholding", "Tilbakehold av basistilskudd"),),
    panels=(
        Panel(
            "min_side",
            "my_specifications",
            "legetjeneste.payments.exports.service:my_specifications",
            "payments/_my_specifications.html",
            permission="payments.own",
        ),
    ),
)
