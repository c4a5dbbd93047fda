"""What a backup and a restore report."""

from datetime import datetime

from pydantic import BaseModel


class BackupRead(BaseModel):
    file: str
    revision: str
    created_at: datetime
    source: str
    tables: dict[str, int]
    rows: int
    bytes: int
    seconds: float


class RestoreRead(BaseModel):
    file: str
    revision: str
    created_at: datetime
    source: str
    target: str
    tables: dict[str, int]
    rows: int
    verified: bool
    seconds: float
