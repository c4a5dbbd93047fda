"""Demo data: Vefsn and Kragerø from docs/examples, SSB's figures for every municipality, demo users.

The people are fictional; the municipalities' figures are real (SSB 2025, the Vefsn plan,
the Kragerø minutes).
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import ROLE_NAMES_NB, SYSTEM, Actor
from legetjeneste.citizens.finder import service as finder_service
from legetjeneste.citizens.finder.schemas import DoctorProfileUpdate
from legetjeneste.committees import service as committee_service
from legetjeneste.committees.cases import service as case_service
from legetjeneste.committees.meetings import service as meeting_service
from legetjeneste.committees.schemas import CaseCreate as CommitteeCaseCreate
from legetjeneste.committees.schemas import ItemIn, MinutesIn
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionApply, ExemptionDecide
from legetjeneste.municipality_file import service as file_service
from legetjeneste.municipality_file.document import load_document
from legetjeneste.planning import service as planning_service
from legetjeneste.planning import ssb
from legetjeneste.settings import PROJECT_ROOT

EXAMPLES = PROJECT_ROOT / "docs" / "examples"
DEMO_FILES = ("1824-vefsn.yaml", "4014-kragero.yaml")


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str
    role: str
    municipality_number: str | None
    office: str | None = None
    doctor: str | None = None  # HPR number of the doctor a doctor user is


MOSJOEN_LEGESENTER = "991001018"
DEMO_LOGINS = (
    DemoLogin("kommuneoverlege@vefsn.example", "vefsn-demo", "kommuneoverlege", "1824"),
    DemoLogin("kommuneoverlege@kragero.example", "kragero-demo", "kommuneoverlege", "4014"),
    DemoLogin("admin@legetjeneste.example", "admin-demo", "admin", None),
    DemoLogin("kontor@mosjoen.example", "mosjoen-demo", "office_admin", "1824", MOSJOEN_LEGESENTER),
    DemoLogin("su@vefsn.example", "su-demo", "su_member", "1824"),
    DemoLogin("lege@vefsn.example", "lege-demo", "doctor", "1824", doctor="9182402"),
    DemoLogin("lege2@vefsn.example", "lege2-demo", "doctor", "1824", doctor="9182401"),
)


def load_demo(session: Session, *, citizens: bool = True) -> tuple[DemoLogin, ...]:
    """Import the demo municipalities and SSB figures and add the demo users; safe to run again. With
    `citizens` also Vefsn's and Kragerø's citizens (`load_demo_citizens`, a separate step a test may skip)."""
    for name in DEMO_FILES:
        document = load_document((EXAMPLES / name).read_text(encoding="utf-8"), filename=name)
        file_service.import_municipality_file(session, actor=SYSTEM, document=document, source=f"demo:{name}")
    planning_service.load_national_statistics(session, actor=SYSTEM, figures=ssb.bundled_figures())
    _decided_kragero_exemption(session)
    _gp_profiles(session)
    _kragero_nodnett_case(session)
    for login in DEMO_LOGINS:
        if not auth_service.user_exists(session, email=login.email):
            auth_service.add_user(
                session,
                email=login.email,
                role=login.role,
                municipality_number=login.municipality_number,
                password=login.password,
                office=login.office,
                doctor=login.doctor,
                check_password=False,  # published in the README: the length rule would add nothing
            )
    if citizens:
        load_demo_citizens(session)
    return DEMO_LOGINS


# «Finn fastlege» filters on the GP's gender and languages, which the register does not hold (fictional).
_WOMEN = {"9182401", "9182405", "9182409", "9182412", "9182415", "9182417"}
_WOMEN |= {"9401401", "9401404", "9401406", "9401409", "9401412"}
_LANGUAGES = {"9182401": ["engelsk", "tysk"], "9182402": ["engelsk"], "9182415": ["engelsk", "arabisk"]}
_LANGUAGES |= {"9401401": ["engelsk", "polsk"], "9401402": ["engelsk"]}


def _gp_profiles(session: Session) -> None:
    for municipality, prefix in (("1824", "91824"), ("4014", "94014")):
        profiles = {
            f"{prefix}{n:02d}": DoctorProfileUpdate(
                gender="kvinne" if f"{prefix}{n:02d}" in _WOMEN else "mann",
                languages=_LANGUAGES.get(f"{prefix}{n:02d}", []),
            )
            for n in range(1, 18)
        }
        finder_service.set_profiles(
            session, actor=SYSTEM, municipality_number=municipality, profiles=profiles
        )


def load_demo_citizens(session: Session) -> int:
    """Vefsn's and Kragerø's citizens, one per place on Helfo's latest counts (13,346 and 10,435: Vefsn less
    the few places the demo leaves open on three lists, `generate.DEMO_OPEN_PLACES`), with synthetic
    fødselsnumre; nothing where the municipality already has citizens."""
    from legetjeneste.citizens import generate

    today = date.today()
    return sum(generate.generate_demo(session, municipality_number=n, today=today) for n in ("1824", "4014"))


KRAGERO_KOMMUNEOVERLEGE = Actor(
    email="kommuneoverlege@kragero.example", role="kommuneoverlege", municipality_number="4014"
)
DEMO_APPLICATION = ExemptionApply(
    doctor="9401402",
    ground="social",
    start=date(2027, 1, 1),
    end=date(2027, 6, 30),
    application_text="Jeg har fått ansvar for et fosterbarn og ber om fritak fra nødnett første halvår 2027.",
)
DEMO_DECISION = ExemptionDecide(
    decision="refused",
    reasons="Omsorgen for fosterbarnet kan ordnes innenfor nødnettets faste ukedager ved KLS.",
    weighing=(
        "Beredskapen ved KLS er vurdert mot legens omsorgsansvar. Med fire leger på to faste ukedager kan "
        "nødnettvaktene byttes innenfor kontoret; et fritak ville gitt de tre andre flere vakter."
    ),
)


def _decided_kragero_exemption(session: Session) -> None:
    """One decided Kragerø exemption with its letter (DEC-NOTIFY): Geir Skåtøy's discretionary application
    refused by the kommuneoverlege. Once: not again when he already has an application of his own."""
    actor = KRAGERO_KOMMUNEOVERLEGE
    found = exemption_service.list_exemptions(session, actor=actor, municipality_number="4014")
    if not found or any(e.doctor_hpr == DEMO_APPLICATION.doctor for e in found):
        return
    applied = exemption_service.apply_for_exemption(
        session, actor=actor, scheme_id=found[0].scheme_id, data=DEMO_APPLICATION
    )
    exemption_service.decide_exemption(session, actor=actor, exemption_id=applied.id, data=DEMO_DECISION)


def _kragero_nodnett_case(session: Session) -> None:
    """Item 3 of the Kragerø SU meeting modelled on the minutes (docs/examples/4014-kragero.yaml) carries the
    case on the pending nødnett applications with their impact (NN-EXEMPT), raised from the exemptions as
    their `CaseOrigin`. Once: not again when the item has its case."""
    actor = KRAGERO_KOMMUNEOVERLEGE
    committees = committee_service.list_committees(session, actor=actor, municipality_number="4014")
    found = exemption_service.list_exemptions(session, actor=actor, municipality_number="4014")
    su = next((c for c in committees if c.kind == "su"), None)
    if su is None or not found:
        return
    [meeting] = meeting_service.list_meetings(session, actor=actor, committee_id=su.id)[:1]
    item = next(i for i in meeting["items"] if i["number"] == 3)
    if item["case_id"] is not None:
        return
    origin = CommitteeCaseCreate(
        committee=su.id, origin_kind="legevakt_exemptions", origin_id=found[0].scheme_id
    )
    case = case_service.raise_case(session, actor=actor, data=origin)
    kept = {key: item[key] for key in ("number", "title", "input", "conclusion")}
    minutes = MinutesIn(items=[ItemIn(**kept, case=case.id)])
    meeting_service.record_minutes(session, actor=actor, meeting_id=meeting["id"], data=minutes)


def login_help(base_url: str) -> str:
    lines = [f"Åpne {base_url} og logg inn som en av demobrukerne:"]
    lines += [
        f"  {login.email:<36} passord: {login.password:<14} ({ROLE_NAMES_NB[login.role]}"
        f"{', kommune ' + login.municipality_number if login.municipality_number else ''}"
        f"{', Mosjøen legesenter' if login.office == MOSJOEN_LEGESENTER else ''})"
        for login in DEMO_LOGINS
    ]
    return "\n".join(lines)
