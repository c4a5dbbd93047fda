"""The web shell: /healthz and the static files, mounted before every feature."""

from legetjeneste.features import Feature

FEATURE = Feature(
    name="web",
    order=0,
    routers=("legetjeneste.web.health", "legetjeneste.web.static"),
)
