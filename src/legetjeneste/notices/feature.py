"""Letters and notifications: the inbox."""

from legetjeneste.features import Feature

FEATURE = Feature(
    name="notices",
    order=80,
    routers=("legetjeneste.notices.router", "legetjeneste.notices.pages"),
)
