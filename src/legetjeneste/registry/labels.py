"""Norwegian names of the register's codes, for pages and messages."""

SPECIALIST_STATUS = {
    "allmennmedisin": "spesialist i allmennmedisin",
    "samfunnsmedisin": "spesialist i samfunnsmedisin",
    "alis": "ALIS (i spesialisering i allmennmedisin)",
    "lis1": "LIS1",
    "none": "ingen spesialitet",
}
LIST_STATUS = {"open": "åpen", "closed": "lukket"}
OPERATING_MODEL = {"self_employed": "næringsdrift", "salaried": "fastlønn"}
ROLE = {"regular": "fastlege", "vikar": "vikar", "delelege": "delelege"}
END_REASON = {
    "notice": "oppsigelse",
    "age_limit": "aldersgrense",
    "practice_transfer": "overdragelse av praksis",
    "hjemfall": "hjemfall",
    "death": "dødsfall",
    "authorisation_lost": "tap av autorisasjon",
    "other": "annet",
}
