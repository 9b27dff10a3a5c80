"""`manage.py backup` and `restore` round-trip a demo newsroom, on SQLite and on PostgreSQL."""

import io
import subprocess
import tarfile
from pathlib import Path

import pytest

from .processes import PYTHON, ROOT, manage, migrated_embedded_env, python

STATE = """
import django, json, hashlib
django.setup()
from django.conf import settings
from pathlib import Path
from masthead.articles.models import ArticlePage
from masthead.core.models import NewsImage
media = Path(settings.MEDIA_ROOT)
print(json.dumps({
    "articles": sorted(ArticlePage.objects.values_list("title", flat=True)),
    "images": NewsImage.objects.count(),
    "media": sorted(
        (p.relative_to(media).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest())
        for p in media.rglob("*") if p.is_file()
    ),
}))
"""

DAMAGE = """
import django
django.setup()
from django.conf import settings
from pathlib import Path
from masthead.articles.models import ArticlePage
first = ArticlePage.objects.order_by("pk").first()
first.title = "Vandalised headline"
first.save()
ArticlePage.objects.order_by("pk").last().delete()
for path in list(Path(settings.MEDIA_ROOT).rglob("*.jpg"))[:3]:
    path.unlink()
(Path(settings.MEDIA_ROOT) / "stray.txt").write_text("not in the backup")
"""


def manage_fails(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0
    return result.stderr


def round_trip(env: dict, backups: Path) -> None:
    manage(env, "load_demo")
    before = python(env, STATE)
    assert before["articles"] and before["media"]

    out = manage(env, "backup", "--output-dir", str(backups))
    archive = next(backups.glob("masthead-*.tar.gz"))
    assert str(archive) in out

    subprocess.run([PYTHON, "-c", DAMAGE], cwd=ROOT, env=env, check=True, timeout=120)
    assert python(env, STATE) != before

    manage(env, "restore", str(archive), "--yes")
    assert python(env, STATE) == before


def test_restore_refuses_a_damaged_or_foreign_archive_and_changes_nothing(tmp_path):
    env = migrated_embedded_env(tmp_path / "var")
    manage(env, "load_demo")
    manage(env, "backup", "--output-dir", str(tmp_path / "backups"))
    archive = next((tmp_path / "backups").glob("masthead-*.tar.gz"))
    before = python(env, STATE)

    # One media file changed inside the archive: its checksum no longer matches.
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name.startswith("media/") and member.name.endswith(".jpg") and data:
                content = b"x" + data.read()[1:]
                member.size = len(content)
                target.addfile(member, io.BytesIO(content))
            else:
                target.addfile(member, data)
    assert "damaged" in manage_fails(env, "restore", str(tampered), "--yes")

    not_a_backup = tmp_path / "notes.tar.gz"
    with tarfile.open(not_a_backup, "w:gz") as tar:
        tar.add(__file__, arcname="notes.py")
    assert "not a Masthead backup" in manage_fails(env, "restore", str(not_a_backup), "--yes")

    garbage = tmp_path / "garbage.tar.gz"
    garbage.write_bytes(b"definitely not gzip")
    assert "cannot be read" in manage_fails(env, "restore", str(garbage), "--yes")
    assert "No backup at" in manage_fails(env, "restore", str(tmp_path / "missing.tar.gz"), "--yes")

    assert python(env, STATE) == before


def test_a_sqlite_newsroom_round_trips(tmp_path):
    round_trip(migrated_embedded_env(tmp_path / "var"), tmp_path / "backups")


def test_a_postgresql_newsroom_round_trips(scaled_env, tmp_path):
    round_trip(scaled_env, tmp_path / "backups")


@pytest.fixture
def sqlite_archive(tmp_path):
    env = migrated_embedded_env(tmp_path / "var-sqlite")
    manage(env, "backup", "--output-dir", str(tmp_path / "b"))
    return next((tmp_path / "b").glob("*.tar.gz"))


def test_a_sqlite_backup_is_refused_by_a_postgresql_newsroom(scaled_env, sqlite_archive):
    assert "same database engine" in manage_fails(scaled_env, "restore", str(sqlite_archive), "--yes")
