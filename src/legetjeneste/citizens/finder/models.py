"""What a citizen looking for a GP may filter on that the register does not hold: the GP's gender (FLR
Sex; the national list shows it as «kjønn») and the languages the GP speaks besides Norwegian."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base


class DoctorProfile(Base):
    __tablename__ = "doctor_profile"

    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), primary_key=True)
    # "female" / "male" (as the citizen register's `sex`); None: not known.
    sex: Mapped[str | None] = mapped_column(String(6))
    # Languages besides Norwegian, comma-separated in Norwegian («engelsk, arabisk»).
    languages: Mapped[str] = mapped_column(String(200), default="")
