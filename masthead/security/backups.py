"""Backups of a newsroom: its database and its uploaded media in one archive.

An archive (``masthead-<time>.tar.gz``) holds ``manifest.json`` (format,
database engine, when, the applied migrations, a SHA-256 of every member),
the database (``database.sqlite3``, an online copy through SQLite's backup
API; or ``database.pgdump``, ``pg_dump --format=custom``) and ``media/``.

Restoring checks the whole archive first (readable, complete, checksums,
same database engine, no path that leaves the extraction directory) and
changes nothing if any check fails. Then the database is replaced in one
step (SQLite's backup API; ``pg_restore --clean --single-transaction``) and
the media directory is swapped in with a rename.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, nothing was changed."""


@dataclass
class Manifest:
    engine: str
    created: str
    database: str
    migrations: dict[str, str]
    checksums: dict[str, str]
    media_files: int

    def as_json(self) -> bytes:
        return json.dumps({"format": FORMAT, **self.__dict__}, indent=2, sort_keys=True).encode()


def engine_name() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def pg_environment() -> tuple[dict[str, str], str]:
    """Environment variables for pg_dump/pg_restore, and the database name."""
    params = connection.get_connection_params()
    env = dict(os.environ)
    for key, variable in (
        ("host", "PGHOST"),
        ("port", "PGPORT"),
        ("user", "PGUSER"),
        ("password", "PGPASSWORD"),
    ):
        if params.get(key):
            env[variable] = str(params[key])
    name = params.get("dbname") or settings.DATABASES["default"]["NAME"]
    return env, name


def dump_database(engine: str, target: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return
    env, name = pg_environment()
    run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), name], env)


def run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def applied_migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def create_backup(output_dir: Path) -> Path:
    """Write an archive of the database and media into ``output_dir``; returns its path."""
    engine = engine_name()
    output_dir.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC)
    archive = output_dir / f"masthead-{created:%Y%m%d-%H%M%S}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=output_dir) as scratch:
        database = Path(scratch) / ("database.sqlite3" if engine == "sqlite" else "database.pgdump")
        dump_database(engine, database)
        checksums = {database.name: sha256_of(database)}
        media = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        for path in media:
            checksums["media/" + path.relative_to(media_root).as_posix()] = sha256_of(path)
        manifest = Manifest(
            engine=engine,
            created=created.isoformat(),
            database=database.name,
            migrations=applied_migrations(),
            checksums=checksums,
            media_files=len(media),
        )
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            data = manifest.as_json()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(created.timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(database, arcname=database.name)
            for path in media:
                tar.add(path, arcname="media/" + path.relative_to(media_root).as_posix())
        partial.rename(archive)  # a crash never leaves a complete-looking archive
    return archive


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.getmember(MANIFEST)
        manifest = json.loads(tar.extractfile(member).read())
    except (KeyError, AttributeError, ValueError) as error:
        raise BackupError("This is not a Masthead backup: manifest.json is missing or unreadable.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"Unsupported backup format {manifest.get('format')!r} (this version reads {FORMAT})."
        )
    return manifest


def unpack_and_check(archive: Path, into: Path) -> dict:
    """Extract the archive into ``into`` and verify it completely; returns its manifest."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            manifest = read_manifest(tar)
            # The "data" filter refuses absolute paths, "..", links out of
            # the directory and device files.
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"The archive cannot be read: {error}") from error
    engine = engine_name()
    if manifest.get("engine") != engine:
        raise BackupError(
            f"This backup is of a {manifest.get('engine')} database; this newsroom runs on {engine}. "
            "Restore it into a newsroom configured with the same database engine."
        )
    checksums = manifest.get("checksums") or {}
    if manifest.get("database") not in checksums:
        raise BackupError("The backup's manifest does not list its database.")
    present = {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()} - {MANIFEST}
    if missing := sorted(set(checksums) - present):
        raise BackupError(f"The archive is incomplete: {len(missing)} files missing, e.g. {missing[0]}.")
    if extra := sorted(present - set(checksums)):
        raise BackupError(f"The archive holds files its manifest does not list, e.g. {extra[0]}.")
    for name, expected in checksums.items():
        if sha256_of(into / name) != expected:
            raise BackupError(f"{name} is damaged (its checksum does not match the manifest).")
    return manifest


def restore_backup(archive: Path) -> dict:
    """Replace this newsroom's database and media with the archive's; returns its manifest."""
    if not archive.is_file():
        raise BackupError(f"No backup at {archive}.")
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".restore-") as scratch:
        scratch_path = Path(scratch)
        manifest = unpack_and_check(archive, scratch_path)
        database = scratch_path / manifest["database"]
        if manifest["engine"] == "sqlite":
            restore_sqlite(database)
        else:
            restore_postgresql(database)
        # Media: swap the directories with renames, then drop the old one.
        new_media = scratch_path / "media"
        new_media.mkdir(exist_ok=True)
        old_media = scratch_path / "media-before-restore"
        if media_root.exists():
            media_root.rename(old_media)
        new_media.rename(media_root)
    for alias in settings.CACHES:
        caches[alias].clear()
    return manifest


def restore_sqlite(database: Path) -> None:
    source = sqlite3.connect(database)
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError("The backup's SQLite database fails its integrity check.")
        connections.close_all()
        connection.ensure_connection()
        source.backup(connection.connection)
    finally:
        source.close()


def restore_postgresql(dump: Path) -> None:
    env, name = pg_environment()
    run(["pg_restore", "--list", str(dump)], env)  # readable before anything is dropped
    connections.close_all()
    run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--dbname",
            name,
            str(dump),
        ],
        env,
    )
