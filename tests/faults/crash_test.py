#!/usr/bin/env python3
"""Crash test: no acknowledged write is lost when the server is killed with SIGKILL.

A steady load of mixed writes runs against a Liandong server while the server is killed with
`kill -9` at random moments and started again:

- members created by a community (POST /members),
- progress reports on a task node by the community, each accepted or returned by its street
  (POST /task-assignments/{id}/reports, /progress-reports/{id}/accept|return),
- tasks issued by the street to its communities (POST /tasks).

Every write the server acknowledged (a 2xx answer) is recorded with its id. After the last kill
the server is started once more and the test checks that every acknowledged write is there and
readable, that each task node's progress equals a recount from the nodes below it (the roll-up),
and that the audit chain verifies (`liandong audit verify`). It prints the counts — kills, writes
acknowledged, writes lost — and exits non-zero if anything was lost or wrong.

  tests/faults/crash_test.py --binary build/release/liandong --db sqlite:/tmp/crash/crash.db \\
      --workdir /tmp/crash --kills 100

The database must be empty: the test creates the demo city in it first.
"""
import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

CONNECTION_ERRORS = (ConnectionError, http.client.HTTPException, socket.timeout, OSError)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def id_number(serial):
    """A valid 18-digit ID number (GB 11643 check digit), unique per serial."""
    birth = time.strftime("%Y%m%d", time.gmtime(315532800 + (serial % 7000) * 86400))  # from 1980
    body = "110101" + birth + "%03d" % (serial // 7000 % 1000)
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]
    return body + check


class Server:
    """The server under test: started, killed with SIGKILL, started again."""

    def __init__(self, args, port):
        self.args = args
        self.port = port
        self.process = None
        self.log = open(os.path.join(args.workdir, "server.log"), "ab")

    def start(self):
        self.process = subprocess.Popen(
            [self.args.binary, "--log-level", "warn", "serve", "--db", self.args.db,
             "--key-file", self.args.key_file, "--port", str(self.port),
             "--files-dir", os.path.join(self.args.workdir, "files"), "--no-access-log"],
            stdout=self.log, stderr=self.log)
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("the server exited on start: see %s/server.log" % self.args.workdir)
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/api/v1/health")
                if connection.getresponse().status == 200:
                    return
            except CONNECTION_ERRORS:
                pass
            time.sleep(0.05)
        raise SystemExit("the server did not answer within 120 s")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


class Client:
    """One signed-in user. `call` returns (status, body) or raises on a lost connection."""

    def __init__(self, port, username, password):
        self.port = port
        status, body, headers = self._send("POST", "/api/v1/session",
                                           {"username": username, "password": password}, {})
        if status != 200:
            raise SystemExit("cannot sign in as %s: %s %s" % (username, status, body))
        cookie = [value for name, value in headers if name.lower() == "set-cookie"][0]
        self.headers = {"Cookie": cookie.split(";")[0], "X-CSRF-Token": body["csrf_token"]}
        self.org_id = body["user"]["org"]["id"] if "user" in body else body["org"]["id"]

    def _send(self, method, path, payload, headers):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            data = None if payload is None else json.dumps(payload).encode()
            connection.request(method, path, body=data,
                               headers={"Content-Type": "application/json", **headers})
            response = connection.getresponse()
            text = response.read()
            return response.status, (json.loads(text) if text else None), response.getheaders()
        finally:
            connection.close()

    def _send_bytes(self, path, content, file_name):
        """An upload: the file's bytes as the body, its name in X-File-Name."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("POST", path, body=content, headers={
                **self.headers, "Content-Type": "application/octet-stream",
                "X-File-Name": urllib.parse.quote(file_name)})
            response = connection.getresponse()
            text = response.read()
            return response.status, (json.loads(text) if text else None), response.getheaders()
        finally:
            connection.close()

    def call(self, method, path, payload=None):
        status, body, _ = self._send(method, path, payload, self.headers)
        return status, body


class Load:
    """The writers: each records what the server acknowledged."""

    def __init__(self, port, logins, seed):
        self.port = port
        self.logins = logins
        self.random = random.Random(seed)
        self.stopping = threading.Event()
        self.members = {}   # id -> name
        self.reports = {}   # id -> node id
        self.tasks = set()
        self.attempts = 0
        self.failures = []  # answers that were neither an acknowledgement nor an expected refusal
        self.lock = threading.Lock()

    def sign_in(self, role):
        username, password = self.logins[role]
        while True:
            try:
                return Client(self.port, username, password)
            except CONNECTION_ERRORS:
                time.sleep(0.05)

    def retrying(self, action):
        """Runs `action` until the load stops, riding over the server's deaths."""
        while not self.stopping.is_set():
            try:
                action()
            except CONNECTION_ERRORS:
                time.sleep(0.02)

    def note_failure(self, what, status, body):
        with self.lock:
            self.failures.append("%s: %s %s" % (what, status, body))

    # Members, created one after another by the community.
    def members_writer(self):
        community = self.sign_in("community")
        serial = [self.random.randrange(10**6)]

        def create():
            serial[0] += 1
            name = "压测党员%d" % serial[0]
            self.attempts += 1
            status, body = community.call("POST", "/api/v1/members", {
                "org_id": community.org_id, "name": name,
                "gender": "male" if int(id_number(serial[0])[16]) % 2 else "female",
                "id_number": id_number(serial[0]), "phone": "139%08d" % (serial[0] % 10**8),
                "education": "大学本科", "joined_on": "2010-07-01", "full_member_on": "2011-07-01",
                "status": "full"})
            if status == 201:
                with self.lock:
                    self.members[body["id"]] = name
            elif status != 409:  # a retried ID number already written before a kill
                self.note_failure("member", status, body)
        self.retrying(create)

    # Reports on one community node: report, then the street accepts or returns it.
    def reports_writer(self, node_id):
        community = self.sign_in("community")
        street = self.sign_in("street")
        percent = [1]

        def cycle():
            status, node = community.call("GET", "/api/v1/task-assignments/%d" % node_id)
            if status != 200:
                return self.note_failure("node", status, node)
            pending = [r for r in node["reports"] if r["state"] == "pending"]
            if pending:  # a report acknowledged (or not) before a kill: the street decides
                verb = "accept" if self.random.random() < 0.5 else "return"
                payload = {"reason": "请补充佐证材料"} if verb == "return" else None
                status, body = street.call("POST", "/api/v1/progress-reports/%d/%s" % (pending[0]["id"], verb),
                                           payload)
                if status not in (200, 409):
                    self.note_failure("review", status, body)
                return
            percent[0] = min(percent[0] + 1, 99)
            self.attempts += 1
            status, body = community.call("POST", "/api/v1/task-assignments/%d/reports" % node_id,
                                          {"percent": percent[0], "text": "压测上报 %d%%" % percent[0]})
            if status == 201:
                with self.lock:
                    self.reports[body["id"]] = node_id
            elif status != 409:
                self.note_failure("report", status, body)
        self.retrying(cycle)

    # Tasks issued by the street to its communities, now and then.
    def tasks_writer(self):
        street = self.sign_in("street")

        def issue():
            self.attempts += 1
            status, body = street.call("POST", "/api/v1/tasks", {
                "title": "压测任务", "content": "压测", "deadline": "2099-12-31", "weight": 1,
                "targets": {"mode": "children"}})
            if status == 201:
                with self.lock:
                    self.tasks.add(body["id"])
            else:
                self.note_failure("task", status, body)
            time.sleep(0.2)
        self.retrying(issue)


def check_everything(port, load, logins):
    """Every acknowledged write is readable; every roll-up equals its recount."""
    problems = []
    client = Client(port, *logins["street"])
    community = Client(port, *logins["community"])
    for member_id, name in load.members.items():
        status, body = community.call("GET", "/api/v1/members/%d" % member_id)
        if status != 200 or body["name"] != name:
            problems.append("member %d: %s" % (member_id, status))
    seen_reports = {}
    for node_id in set(load.reports.values()):
        status, node = community.call("GET", "/api/v1/task-assignments/%d" % node_id)
        seen_reports[node_id] = {report["id"] for report in node.get("reports", [])}
    for report_id, node_id in load.reports.items():
        if report_id not in seen_reports.get(node_id, set()):
            problems.append("report %d on node %d" % (report_id, node_id))
    for task_id in load.tasks:
        status, _ = client.call("GET", "/api/v1/tasks/%d" % task_id)
        if status != 200:
            problems.append("task %d: %s" % (task_id, status))
    return problems


def check_rollups(port, logins, task_id):
    """Each node of the task: its progress is the weighted mean of its children's."""
    city = Client(port, *logins["city"])
    problems = []
    status, task = city.call("GET", "/api/v1/tasks/%d" % task_id)
    pending = [task["root_assignment_id"]]
    while pending:
        node_id = pending.pop()
        status, node = city.call("GET", "/api/v1/task-assignments/%d" % node_id)
        if node["child_count"] == 0:
            continue
        status, children = city.call("GET", "/api/v1/task-assignments/%d/children" % node_id)
        items = children["items"]
        weights = sum(child["weight"] for child in items)
        recount = sum(child["weight"] * child["progress"] for child in items) / weights
        if abs(recount - node["progress"]) > 0.051:
            problems.append("node %d: progress %s, recount %.2f" % (node_id, node["progress"], recount))
        pending.extend(child["id"] for child in items if child["child_count"] > 0)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--db", required=True, help="an empty database: sqlite:PATH or postgresql://…")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--min-gap", type=float, default=0.3, help="least seconds between kills")
    parser.add_argument("--max-gap", type=float, default=1.5, help="most seconds between kills")
    args = parser.parse_args()
    os.makedirs(os.path.join(args.workdir, "files"), exist_ok=True)
    args.key_file = os.path.join(args.workdir, "key")
    logins_file = os.path.join(args.workdir, "logins.tsv")
    subprocess.run([args.binary, "--log-level", "warn", "demo", "--db", args.db, "--key-file", args.key_file,
                    "--logins", logins_file, "--without-activity"], check=True, stdout=subprocess.DEVNULL)
    logins = {}
    for line in open(logins_file, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 3 and fields[0] not in logins:
            logins[fields[0]] = (fields[1], fields[2])

    port = free_port()
    server = Server(args, port)
    server.start()
    # The task whose community node takes the reports, issued city-wide to every community.
    city = Client(port, *logins["city"])
    status, task = city.call("POST", "/api/v1/tasks", {
        "title": "压测：逐级汇总", "content": "压测", "deadline": "2099-12-31", "weight": 1,
        "targets": {"mode": "level", "level": "community"}})
    assert status == 201, (status, task)
    community = Client(port, *logins["community"])
    status, todo = community.call("GET", "/api/v1/task-assignments?task=%d" % task["id"])
    node_id = todo["items"][0]["id"]

    load = Load(port, logins, args.seed)
    writers = [threading.Thread(target=load.members_writer),
               threading.Thread(target=load.reports_writer, args=(node_id,)),
               threading.Thread(target=load.tasks_writer)]
    for writer in writers:
        writer.start()
    rng = random.Random(args.seed)
    started = time.time()
    for _ in range(args.kills):
        time.sleep(rng.uniform(args.min_gap, args.max_gap))
        server.kill()
        server.start()
    time.sleep(args.min_gap)
    load.stopping.set()
    for writer in writers:
        writer.join()
    seconds = time.time() - started
    server.kill()  # the last one, with writes in flight
    server.start()

    problems = check_everything(port, load, logins) + check_rollups(port, logins, task["id"])
    server.stop()
    audit = subprocess.run([args.binary, "--log-level", "warn", "audit", "verify", "--db", args.db,
                            "--key-file", args.key_file], capture_output=True, text=True)
    acknowledged = len(load.members) + len(load.reports) + len(load.tasks)
    print("kills %d in %.0f s; writes attempted %d, acknowledged %d (members %d, reports %d, tasks %d); "
          "lost %d; unexpected answers %d; audit chain %s; seed %d" % (
              args.kills + 1, seconds, load.attempts, acknowledged, len(load.members), len(load.reports),
              len(load.tasks), len(problems), len(load.failures), "verified" if audit.returncode == 0 else "BROKEN",
              args.seed))
    for line in (problems + load.failures)[:20]:
        print("  " + line)
    if audit.returncode != 0:
        print(audit.stdout + audit.stderr)
    if problems or load.failures or audit.returncode != 0 or acknowledged == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
