"""The Norwegian words of threat cases (ASA 4310 Vedlegg II): the seven alternatives, their statuses, the
outcomes, the other care, and the texts of the letter and the notice. Plain data; rules.py holds the codes."""

# THREAT-MEASURES: the seven alternatives of Vedlegg II punkt 1, in its order.
MEASURE_LABELS = {
    "named_gp": "Be pasienten bytte til en bestemt fastlege som har sagt ja til å ta imot pasienten",
    "two_present": "To eller flere leger eller annet helsepersonell til stede i konsultasjonen",
    "office_security": "Sikkerhetstiltak på kontoret (alarm, sikkerhetslåser og lignende)",
    "guard": "Vekter",
    "police": "Samarbeid med politiet, politi til stede i konsultasjonen",
    "suspension": "Legens listeansvar for pasienten settes i bero; en institusjon i kommunen eller "
    "nabokommunen tar det allmennmedisinske ansvaret for en periode",
    "move": "Pasienten flyttes fra legens liste",
}
MEASURE_STATUSES = {"discussed": "Drøftet", "applied": "Iverksatt", "rejected": "Forkastet"}

OUTCOMES = {
    "move": "Pasienten flyttes til en annen fastlege",
    "no_move": "Flytting til en annen fastlege er ikke forsvarlig; pasienten får et annet tilbud",
    "stay": "Kravet avslås; pasienten blir på listen",
}

# THREAT-ALTERNATIVE: the care the municipality provides where no move is forsvarlig.
ALTERNATIVES = {
    "institution": "Tilbud ved en institusjon i kommunen eller nabokommunen",
    "vaktordning": "Særskilt vaktordning etter avtale med leger i kommunen",
}

MOVED_HOW = {"chosen": "Pasienten valgte selv", "assigned": "Tildelt av kommunen etter fristen"}

STATUSES = {
    "requested": "Bistand bedt om",
    "demanded": "Vedtak krevd",
    "waiting": "Venter på pasientens valg",
    "moved": "Ny fastlege",
    "decided": "Vedtatt",
    "closed": "Avsluttet",
}

# THREAT-DECISION: what each outcome means in the letter (no identity of the patient, THREAT-PRIVACY).
DEMANDED = "Fastlegen har krevd at pasienten flyttes fra listen. Kommunen har vurdert at "
DECISION_TEXTS = {
    "move": DEMANDED + "det er forsvarlig at pasienten får allmennlegetjenester hos en annen av kommunens "
    "fastleger, og flytter pasienten.",
    "no_move": DEMANDED + "det ikke er forsvarlig at pasienten får allmennlegetjenester hos en av kommunens "
    "fastleger nå.",
    "stay": DEMANDED + "andre tiltak er nok, og at pasienten blir på listen.",
}
NEW_GP_NOTICE = (
    "En pasient er flyttet til listen din etter et vedtak om truende eller voldelig atferd "
    "(ASA 4310 vedlegg II). "
    "Kommunen kontakter deg straks for å avtale hvordan pasienten kan tas imot trygt ved kontoret."
)
