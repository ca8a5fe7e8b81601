"""The schema check without Alembic: the same head as Alembic's, and Alembic for the rest.

Opening a current store answers from the migration files and ``alembic_version`` alone
(services.store.schema_head); an older store still goes through Alembic and is upgraded
(tests/integration/test_store.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from services.store.engine import MIGRATIONS_DIR, _alembic_config, open_store
from services.store.schema_head import head_revision, stored_revision


def test_the_files_name_the_same_head_as_alembic() -> None:
    alembic_head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head_revision(MIGRATIONS_DIR) == alembic_head


def test_a_branch_or_an_unreadable_file_leaves_the_question_to_alembic(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    first = 'revision: str = "0001"\ndown_revision: str | None = None\n'
    (versions / "0001_a.py").write_text(first, "utf-8")
    assert head_revision(tmp_path) == "0001"
    branched = tmp_path / "branched"
    (branched / "versions").mkdir(parents=True)
    (branched / "versions" / "0001_a.py").write_text(first, "utf-8")
    for name in ("0002_b.py", "0002_c.py"):
        revision = name[:6]
        text = f'revision = "{revision}"\ndown_revision = "0001"\n'
        (branched / "versions" / name).write_text(text, "utf-8")
    assert head_revision(branched) is None  # two heads
    odd = tmp_path / "odd"
    (odd / "versions").mkdir(parents=True)
    (odd / "versions" / "0001_a.py").write_text("revision = make_revision()\n", "utf-8")
    assert head_revision(odd) is None


def test_a_current_store_reopens_without_asking_alembic(
    context, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with context.store.engine.connect() as connection:
        assert stored_revision(connection) == head_revision(MIGRATIONS_DIR)
    context.store.close()

    def asked(*_: object, **__: object) -> None:
        raise AssertionError("Alembic was asked about a current schema")

    monkeypatch.setattr(MigrationContext, "configure", asked)
    store = open_store(data_dir)
    store.close()
