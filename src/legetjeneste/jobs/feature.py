"""Jobs: long work outside the request, claimed from the job table by a worker."""

from legetjeneste.features import Command, Feature

FEATURE = Feature(
    name="jobs",
    order=95,
    commands=(
        Command(
            "worker",
            "legetjeneste.jobs.cli:worker",
            "Kjør lange jobber fra køen (som å lage vaktlister) til arbeideren stoppes.",
            order=190,
        ),
    ),
)
