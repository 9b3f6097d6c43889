#!/usr/bin/env python3
"""Disk-full test: a full disk refuses writes with a JSON error and loses nothing.

The SQLite database and the evidence folder each sit on a small tmpfs that the test mounts (it
must run as root). With the database's filesystem filled up:

- every write answers 507 (or 503) with a JSON error, or, if it answers 2xx, is there afterwards;
- reads keep working;
- an upload whose file was written but whose row could not be stored leaves no file behind.

With the evidence folder full, an upload answers 507 and leaves nothing. Once space is freed,
writes work again without a restart. At the end the server is restarted and the test checks that
every acknowledged write is readable, that the database passes `PRAGMA integrity_check`, that every
attachment row has its file and every file its row, and that the audit chain verifies.

  sudo tests/faults/disk_full_test.py --binary build/debug/liandong --workdir /tmp/disk-full
"""
import argparse
import errno
import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crash_test import Client, Server, free_port, id_number  # noqa: E402

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n" + b"%" * 2000


def fill(directory):
    """Fills the filesystem of `directory` with a file of its own; returns the file's path."""
    path = os.path.join(directory, "filler")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (1 << 20, 65536, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
    finally:
        os.close(fd)
    return path


def files_in(directory):
    return sorted(name for name in os.listdir(directory) if name != "filler")


class Checks:
    def __init__(self):
        self.problems = []
        self.counts = {"refused": 0, "acknowledged": 0, "reads": 0}

    def expect(self, condition, what):
        if not condition:
            self.problems.append(what)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--workdir", required=True)
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("the disk-full test mounts tmpfs filesystems: run it as root")
    db_dir = os.path.join(args.workdir, "db")
    files_dir = os.path.join(args.workdir, "files")
    for directory, size in ((db_dir, "16m"), (files_dir, "2m")):
        os.makedirs(directory, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", directory], check=True)
    try:
        run(args, db_dir, files_dir)
    finally:
        for directory in (db_dir, files_dir):
            subprocess.run(["umount", "-l", directory], check=False)


def run(args, db_dir, files_dir):
    db_url = "sqlite:" + os.path.join(db_dir, "liandong.db")
    args.db = db_url
    args.key_file = os.path.join(args.workdir, "key")
    logins_file = os.path.join(args.workdir, "logins.tsv")
    subprocess.run([args.binary, "--log-level", "warn", "demo", "--db", db_url, "--key-file", args.key_file,
                    "--logins", logins_file, "--without-activity"], check=True, stdout=subprocess.DEVNULL)
    logins = {}
    for line in open(logins_file, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 3 and fields[0] not in logins:
            logins[fields[0]] = (fields[1], fields[2])
    # The server's files folder is the tmpfs itself (Server puts it under workdir/files).
    server = Server(args, free_port())
    server.start()
    checks = Checks()
    community = Client(server.port, *logins["community"])
    street = Client(server.port, *logins["street"])
    status, task = street.call("POST", "/api/v1/tasks", {
        "title": "磁盘写满演练", "content": "演练", "deadline": "2099-12-31", "weight": 1,
        "targets": {"mode": "children"}})
    assert status == 201, (status, task)
    status, todo = community.call("GET", "/api/v1/task-assignments?task=%d" % task["id"])
    node_id = todo["items"][0]["id"]
    members = {}
    serial = [int(time.time()) % 100000]

    def add_member():
        serial[0] += 1
        name = "写满测试%d" % serial[0]
        status, body = community.call("POST", "/api/v1/members", {
            "org_id": community.org_id, "name": name,
            "gender": "male" if int(id_number(serial[0])[16]) % 2 else "female",
            "id_number": id_number(serial[0]), "phone": "138%08d" % serial[0], "education": "大学本科",
            "joined_on": "2012-07-01", "full_member_on": "2013-07-01", "status": "full"})
        if 200 <= status < 300:
            members[body["id"]] = name
        return status, body

    def upload():
        status, body, _ = community._send_bytes(
            "/api/v1/task-assignments/%d/attachments" % node_id, PDF, "台账.pdf")
        return status, body

    def refused(status, body, what):
        """A write on a full disk: 507/503 with a JSON error code, or a 2xx that must persist."""
        if 200 <= status < 300:
            checks.counts["acknowledged"] += 1
            return False
        checks.expect(status in (503, 507), "%s: answered %s %s" % (what, status, body))
        checks.expect(isinstance(body, dict) and "code" in body.get("error", {}), "%s: no JSON error" % what)
        checks.counts["refused"] += 1
        return True

    status, _ = add_member()
    checks.expect(status == 201, "a member before the disk fills: %s" % status)

    # 1. The database's disk is full.
    filler = fill(db_dir)
    saw_refusal = False
    for attempt in range(200):
        status, body = add_member()
        if refused(status, body, "member on a full database disk"):
            saw_refusal = True
            break
    checks.expect(saw_refusal, "no write was refused with the database's disk full")
    checks.expect(body.get("error", {}).get("code") == "server.storage_full" if saw_refusal else True,
                  "the refusal's code: %s" % body)
    status, body = community.call("POST", "/api/v1/task-assignments/%d/reports" % node_id,
                                  {"percent": 10, "text": "写满时上报"})
    report_acknowledged = 200 <= status < 300
    refused(status, body, "report on a full database disk")
    for path in ("/api/v1/members?page_size=5", "/api/v1/task-assignments", "/api/v1/me"):
        status, _ = community.call("GET", path)
        checks.expect(status == 200, "read %s with the database's disk full: %s" % (path, status))
        checks.counts["reads"] += 1
    # An upload: its file fits in the evidence folder, its row does not fit in the database.
    before = files_in(files_dir)
    status, body = upload()
    if not refused(status, body, "upload on a full database disk"):
        before = files_in(files_dir)  # acknowledged: its file stays, and is checked at the end
    checks.expect(files_in(files_dir) == before, "an upload refused for the database left its file behind")

    # 2. Space comes back: writes work again, without a restart.
    os.remove(filler)
    recovered = False
    for attempt in range(50):
        status, body = add_member()
        if status == 201:
            recovered = True
            break
        time.sleep(0.1)
    checks.expect(recovered, "writes did not work again after space was freed: %s %s" % (status, body))

    # 3. The evidence folder is full.
    filler = fill(files_dir)
    before = files_in(files_dir)
    status, body = upload()
    refused(status, body, "upload on a full evidence disk")
    checks.expect(status == 507, "an upload to a full evidence disk answered %s" % status)
    checks.expect(files_in(files_dir) == before, "a refused upload left a partial file behind")
    os.remove(filler)
    status, body = upload()
    checks.expect(status == 201, "an upload after the evidence disk was freed: %s %s" % (status, body))

    # 4. After a restart: everything acknowledged is there, and nothing is half-written.
    server.stop()
    server.start()
    community = Client(server.port, *logins["community"])
    for member_id, name in members.items():
        status, body = community.call("GET", "/api/v1/members/%d" % member_id)
        checks.expect(status == 200 and body["name"] == name, "member %d after the restart" % member_id)
    status, node = community.call("GET", "/api/v1/task-assignments/%d" % node_id)
    if report_acknowledged:
        checks.expect(len(node["reports"]) == 1, "the report acknowledged on a full disk is gone")
    server.stop()
    database = sqlite3.connect(os.path.join(db_dir, "liandong.db"))
    checks.expect(database.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity_check")
    stored = {row[0] for row in database.execute("SELECT stored_name FROM attachment")}
    database.close()
    on_disk = set(files_in(files_dir))
    checks.expect(stored - on_disk == set(), "rows without their file: %s" % (stored - on_disk))
    checks.expect(on_disk - stored == set(), "files without their row: %s" % (on_disk - stored))
    audit = subprocess.run([args.binary, "--log-level", "warn", "audit", "verify", "--db", db_url,
                            "--key-file", args.key_file], capture_output=True, text=True)
    checks.expect(audit.returncode == 0, "audit chain: " + audit.stdout + audit.stderr)

    print("disk full: writes refused %d, acknowledged on a full disk %d, reads served %d; members kept %d, "
          "attachments %d with their files; problems %d" % (
              checks.counts["refused"], checks.counts["acknowledged"], checks.counts["reads"], len(members),
              len(stored), len(checks.problems)))
    for problem in checks.problems:
        print("  " + problem)
    if checks.problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
