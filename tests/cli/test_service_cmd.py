"""``postwise audit verify/export`` and the demo organisation, on a SQLite data directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from postwise.cli.demo_service import setup_demo
from postwise.cli.main import main
from postwise.store import open_database, utcnow
from postwise.store.models import Person, PolicyVersion
from postwise.workflow.people import login


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("POSTWISE_DATABASE_URL", raising=False)
    monkeypatch.setenv("POSTWISE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_the_demo_is_set_up_once_with_three_people_and_a_policy(data_dir: Path) -> None:
    db = open_database()
    first = setup_demo(db)
    assert [(d.role, d.password is not None) for d in first] == [
        ("employee", True),
        ("reviewer", True),
        ("admin", True),
    ]
    with db.session() as s:
        assert login(s, first[0].email, first[0].password or "", utcnow()) is not None
    again = setup_demo(db)
    assert again[0].password is None  # Eva has logged in: her password is hers now
    assert again[1].password not in (None, first[1].password)  # never used: a fresh one
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(Person)).scalar_one() == 3
        assert s.execute(select(func.count()).select_from(PolicyVersion)).scalar_one() == 1
    db.dispose()


def test_audit_verify_exits_0_when_intact_and_1_naming_the_broken_event(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database()
    setup_demo(db)
    assert main(["audit", "verify"]) == 0
    assert "audit log intact" in capsys.readouterr().out
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_events SET actor = 'someone else' WHERE seq = 2"))
    db.dispose()
    assert main(["audit", "verify"]) == 1
    assert "broken at event 2" in capsys.readouterr().err


def test_an_export_verifies_on_its_own(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_demo(open_database())
    assert main(["audit", "export", "-o", str(tmp_path / "export")]) == 0
    assert (tmp_path / "export" / "manifest.json").exists()
    assert main(["audit", "verify", "--export", str(tmp_path / "export")]) == 0
    assert "intact" in capsys.readouterr().out
