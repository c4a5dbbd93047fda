"""The audit log: its API and `legetjeneste audit`."""

from legetjeneste.features import Command, Feature

FEATURE = Feature(
    name="audit",
    order=50,
    routers=("legetjeneste.audit.router",),
    commands=(
        Command(
            "audit",
            "legetjeneste.audit.cli:audit",
            "Revisjonsloggen: hvem gjorde eller leste hva, når.",
            order=50,
        ),
    ),
)
