"""Letters and notifications: the municipality's notices, each user's inbox (and its count in the header),
e-mail of notices with each user's choices, the outbox, and `legetjeneste notices`."""

from legetjeneste.features import Command, Feature, NavEntry

FEATURE = Feature(
    name="notices",
    order=80,
    # The e-mail pages come before the inbox's: /innboks/innstillinger before /innboks/{notice_id}.
    routers=(
        "legetjeneste.notices.router",
        "legetjeneste.notices.pages",
        "legetjeneste.notices.email.pages",
        "legetjeneste.notices.inbox.pages",
        "legetjeneste.notices.inbox.router",
    ),
    commands=(
        Command(
            "notices",
            "legetjeneste.notices.email.cli:app",
            "Varsler: e-post til brukerne.",
            order=170,
        ),
    ),
    navigation=(
        NavEntry("Innboks", "/innboks", order=115, permission="inbox.read", scope="global", prefix=True),
        NavEntry("Utboks", "/utboks", order=130, permission="users.manage", scope="global"),
    ),
)
