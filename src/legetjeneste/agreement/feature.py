"""The agreements and laws as versioned data: the parameters API."""

from legetjeneste.features import Feature

FEATURE = Feature(name="agreement", order=60, routers=("legetjeneste.agreement.router",))
