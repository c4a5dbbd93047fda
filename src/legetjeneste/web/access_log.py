"""The server's access log without secrets: API tokens in a query string (calendar feeds) are hidden."""

import copy
import logging
import re

from uvicorn.config import LOGGING_CONFIG

_TOKEN = re.compile(r"(token=)[^&\s\"]+")


class HideTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _TOKEN.sub(r"\1***", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True


def log_config() -> dict:
    """uvicorn's own logging set-up with the filter on the access log."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"hide_tokens": {"()": "legetjeneste.web.access_log.HideTokens"}}
    config["handlers"]["access"]["filters"] = ["hide_tokens"]
    return config
