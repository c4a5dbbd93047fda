"""Norwegian names of the life cycle's codes: kinds of case, kinds of step, case statuses and documents.
The pages, the API's read shapes and the CLI show these; the keys are the codes of `schemas`."""

from legetjeneste.lifecycle.rules.codes import CLOSED, OPEN

STATUS_LABELS = {OPEN: "åpen", CLOSED: "avsluttet"}
KIND_LABELS = {
    "new_agreement": "Ny fastlegeavtale",
    "vacancy": "Ledig avtale",
    "announcement": "Utlysning",
    "award": "Tildeling og tilbud",
    "practice_transfer": "Overdragelse av praksis",
    "notice": "Oppsigelse",
    "age_end": "Aldersgrense",
    "authorisation_loss": "Tap av autorisasjon",
    "death": "Alvorlig sykdom eller dødsfall",
    "hjemfall": "Hjemfall",
    "list_reduction": "Listereduksjon",
    "deleliste": "Deleliste",
    "revision": "Revisjon av avtalen",
}
STEP_LABELS = {
    "gps_informed": "Legene informert (AGR-NEW-INFORM)",
    "su_statement": "Uttalelse fra samarbeidsutvalget (AGR-NEW-SU)",
    "agreement_created": "Avtalen opprettet",
    "announcement": "Utlysning (AGR-ANNOUNCE)",
    "no_taker": "Ingen kvalifisert søker",
    "distribution": "Listen fordelt på gjenværende leger (AGR-VACANT)",
    "award": "Tildeling – enkeltvedtak (AGR-AWARD)",
    "offer_accepted": "Tilbudet akseptert",
    "offer_withdrawn": "Tilbudet trukket tilbake (AGR-OFFER-5W)",
    "transfer_agreed": "Enighet om overdragelsen",
    "transfer_to_board": "Overdragelsen sendt til nasjonal nemnd (AGR-TRANSFER-5W)",
    "start_agreed": "Avtalt oppstart",
    "hjemfall": "Hjemfall (AGR-HJEMFALL)",
    "notice": "Oppsigelse (AGR-NOTICE)",
    "extension": "Forlengelse ut over aldersgrensen (AGR-AGE-END)",
    "authorisation_lost": "Autorisasjonen tapt (AGR-AUTHORISATION)",
    "authorisation_suspended": "Autorisasjonen suspendert (AGR-AUTHORISATION)",
    "death": "Alvorlig sykdom eller dødsfall (AGR-DEATH)",
    "list_reduction_request": "Krav om listereduksjon (AGR-LISTREDUCE)",
    "deleliste_request": "Deleliste (AGR-DELELISTE)",
    "revision": "Revisjon (AGR-REVISION)",
    "note": "Notat",
    "closed": "Saken avsluttet",
    "refusal": "Avslag – enkeltvedtak (DEC-REASONS)",
}
DOCUMENT_STEPS = {
    "announcement": "Kunngjøring",
    "award": "Tildelingsbrev",
    "notice": "Bekreftelse på oppsigelse",
}
