import logging

from legetjeneste.web.access_log import HideTokens, log_config


def test_an_api_token_in_a_query_string_never_reaches_the_access_log():
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        "",
        0,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5", "GET", "/api/v1/offices/1/absences.ics?token=hemmelig&x=1", "1.1", 200),
        None,
    )
    HideTokens().filter(record)
    assert (
        record.getMessage() == '127.0.0.1:5 - "GET /api/v1/offices/1/absences.ics?token=***&x=1 HTTP/1.1" 200'
    )


def test_the_servers_log_configuration_puts_the_filter_on_the_access_log():
    assert log_config()["handlers"]["access"]["filters"] == ["hide_tokens"]
