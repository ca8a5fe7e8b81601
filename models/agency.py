"""The agency, its stations (workstations that write events), and its officers."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import Boolean, ForeignKey, Integer, String, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UtcDateTime, id_column

__all__ = ["Agency", "Station", "User", "UserRole", "ROLES"]

# Roles as the standard's processes divide the work (P3 intake … P7 issuance).
# A supervisor hands work out (assigns requests to officers or sections) and reads every
# queue; they decide nothing on a request themselves.
ROLES = ("intake", "reviewer", "finance", "approver", "supervisor", "admin")


class Agency(Base):
    __tablename__ = "agency"

    id: Mapped[str] = id_column()
    name_th: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    code: Mapped[str] = mapped_column(String(20))  # Roman letters, used in file names
    number: Mapped[str] = mapped_column(String(40))  # official number, e.g. "นภ 52001"
    address_th: Mapped[str] = mapped_column(String(500), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    opens_at: Mapped[time] = mapped_column(Time, default=time(8, 30))
    closes_at: Mapped[time] = mapped_column(Time, default=time(16, 30))
    workdays: Mapped[str] = mapped_column(String(20), default="0,1,2,3,4")  # Monday = 0
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Station(Base):
    __tablename__ = "station"

    id: Mapped[str] = id_column()
    agency_id: Mapped[str] = mapped_column(ForeignKey("agency.id"))
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The enrolment file written for the station (services.server.enrol): a computer joins
    # with it once, before it expires; ``joined_at`` is set by that one join.
    enrolment_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    enrolment_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    joined_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[str] = id_column()
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))  # Thai, as on letters
    display_name_en: Mapped[str] = mapped_column(String(200), default="")
    position_th: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Set by an administrator's reset (or a new account's one-time password): the officer
    # must choose their own password before doing anything else.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    password_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    language: Mapped[str] = mapped_column(String(5), default="th")
    # The section (ฝ่าย/งาน) the officer works in; requests routed to a section go to its
    # officers' queues. Empty: no section.
    section: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def role_names(self) -> frozenset[str]:
        return frozenset(r.role for r in self.roles)


class UserRole(Base):
    __tablename__ = "user_role"

    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)

    user: Mapped[User] = relationship(back_populates="roles")
