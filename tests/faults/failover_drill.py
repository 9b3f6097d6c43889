#!/usr/bin/env python3
"""Patroni failover drill: kill the PostgreSQL primary under a write load; writes resume on the
standby within 30 s and no acknowledged write is lost.

Starts, on loopback ports under --workdir, etcd (Debian etcd-server) and two PostgreSQL nodes under
Patroni (Debian patroni) with deploy/patroni/patroni.yml — the file a city deploys, the per-node
settings from the environment as in deploy/README.md — waits for a primary and its synchronous
standby, creates the liandong role and database and the demo city, and runs a Liandong server on
the multi-host URL

  postgresql://liandong:…@127.0.0.1:P1,127.0.0.1:P2/liandong?target_session_attrs=read-write&connect_timeout=2

Writers create members one after another, each recording what the server acknowledged (201).
After a few seconds the drill kills the primary (kill -9 of its Patroni and of its postmaster and
every PostgreSQL process under it), waits for writes to succeed again, lets them run on, and then
checks that every acknowledged member is there (read through the server, which now writes to the
promoted standby). During the outage the server must answer 503 (db.unavailable); any other
failure, or a 2xx for a write that is not there, fails the drill.

It prints the outage (from the kill to the first acknowledged write after it), the writes
acknowledged and lost, and the 503s. Run as root (PostgreSQL runs as the postgres user) or as the
postgres user:

  tests/faults/failover_drill.py --binary build/debug/liandong --workdir /tmp/drill

It takes about a minute; scripts/test runs it.
"""
import argparse
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crash_test import CONNECTION_ERRORS, Client, free_port, id_number  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PATRONI_CONFIG = os.path.join(ROOT, "deploy", "patroni", "patroni.yml")
SUPERUSER_PASSWORD = "drill-superuser-secret"
REPLICATION_PASSWORD = "drill-replication-secret"
LIANDONG_PASSWORD = "drill-liandong-secret"
PG_BIN = sorted(
    (os.path.join("/usr/lib/postgresql", v, "bin") for v in os.listdir("/usr/lib/postgresql")),
    key=lambda p: int(p.split("/")[-2]))[-1]


def as_postgres():
    """Popen arguments that run a child as the postgres user when we are root."""
    if os.geteuid() != 0:
        return {}
    return {"user": "postgres", "group": "postgres", "extra_groups": []}


def http_json(url, timeout=2):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return json.loads(response.read())
    except Exception:
        return None


class Node:
    def __init__(self, workdir, name, etcd_port):
        self.name = name
        self.pg_port = free_port()
        self.rest_port = free_port()
        self.data_dir = os.path.join(workdir, name)
        self.log_path = os.path.join(workdir, name + ".log")
        self.environment = dict(
            os.environ,
            PATRONI_NAME=name,
            PATRONI_RESTAPI_LISTEN="127.0.0.1:%d" % self.rest_port,
            PATRONI_RESTAPI_CONNECT_ADDRESS="127.0.0.1:%d" % self.rest_port,
            PATRONI_POSTGRESQL_LISTEN="127.0.0.1:%d" % self.pg_port,
            PATRONI_POSTGRESQL_CONNECT_ADDRESS="127.0.0.1:%d" % self.pg_port,
            PATRONI_POSTGRESQL_DATA_DIR=self.data_dir,
            PATRONI_POSTGRESQL_PGPASS=os.path.join(workdir, name + ".pgpass"),
            PATRONI_ETCD3_HOSTS="127.0.0.1:%d" % etcd_port,
            PATRONI_SUPERUSER_USERNAME="postgres",
            PATRONI_SUPERUSER_PASSWORD=SUPERUSER_PASSWORD,
            PATRONI_REPLICATION_USERNAME="replicator",
            PATRONI_REPLICATION_PASSWORD=REPLICATION_PASSWORD,
            HOME=workdir,
        )
        self.process = None

    def start(self):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(["patroni", PATRONI_CONFIG], env=self.environment, stdout=log, stderr=log,
                                        **as_postgres())

    def state(self):
        return http_json("http://127.0.0.1:%d/patroni" % self.rest_port)

    def kill(self):
        """kill -9 of Patroni and of the postmaster with every PostgreSQL process under it."""
        victims = [self.process.pid]
        try:
            with open(os.path.join(self.data_dir, "postmaster.pid")) as pid_file:
                postmaster = int(pid_file.readline())
            children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(postmaster)], capture_output=True,
                                      text=True).stdout.split()
            victims += [postmaster] + [int(pid) for pid in children]
        except (OSError, ValueError):
            pass
        for pid in victims:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait()
        return len(victims)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_for_cluster(nodes, timeout=180):
    """Waits for a running primary and a streaming synchronous standby; returns the primary."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        cluster = http_json("http://127.0.0.1:%d/cluster" % nodes[0].rest_port)
        if cluster:
            roles = {m["name"]: (m["role"], m["state"]) for m in cluster.get("members", [])}
            leaders = [n for n in nodes if roles.get(n.name) == ("leader", "running")]
            sync = [n for n in nodes if roles.get(n.name, ("",))[0] == "sync_standby"
                    and roles[n.name][1] in ("running", "streaming")]
            if leaders and sync:
                return leaders[0]
        time.sleep(0.5)
    raise SystemExit("no primary with a synchronous standby within %d s: see the node logs" % timeout)


def psql(node, sql, database="postgres"):
    """Runs `sql` as the superuser on `node`; returns its output (unaligned, tuples only)."""
    return subprocess.run([os.path.join(PG_BIN, "psql"), "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                           "-p", str(node.pg_port), "-U", "postgres", "-d", database, "-c", sql],
                          env=dict(os.environ, PGPASSWORD=SUPERUSER_PASSWORD), check=True, capture_output=True,
                          text=True).stdout.strip()


def await_synchronous(primary, timeout=60):
    """Waits until the primary's commits wait for a standby (synchronous_standby_names is set and a
    standby streams in sync), so that no write acknowledged from now on can be lost."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        names = psql(primary, "SHOW synchronous_standby_names")
        states = psql(primary, "SELECT string_agg(application_name || ':' || sync_state, ',') FROM pg_stat_replication")
        if names and "sync" in states.replace("async", ""):
            return names, states
        time.sleep(0.5)
    raise SystemExit("the primary has no synchronous standby after %d s" % timeout)


class Writers:
    def __init__(self, port, login, count):
        self.port = port
        self.login = login
        self.count = count
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.members = {}  # id -> (name, sent at, acknowledged at)
        self.unavailable = 0
        self.unexpected = []
        self.attempts = 0
        self.serial = int(time.time()) % 100000 * 10

    def writer(self):
        client = None
        while not self.stopping.is_set():
            try:
                if client is None:
                    client = Client(self.port, *self.login)
                with self.lock:
                    self.serial += 1
                    serial = self.serial
                    self.attempts += 1
                name = "切换演练%d" % serial
                number = id_number(serial)
                sent = time.time()
                status, body = client.call("POST", "/api/v1/members", {
                    "org_id": client.org_id, "name": name, "gender": "male" if int(number[16]) % 2 else "female",
                    "id_number": number, "phone": "137%08d" % (serial % 10**8), "education": "大学本科",
                    "joined_on": "2010-07-01", "full_member_on": "2011-07-01", "status": "full"})
                with self.lock:
                    if status == 201:
                        self.members[body["id"]] = (name, sent, time.time())
                    elif status == 503:
                        self.unavailable += 1
                    else:
                        self.unexpected.append("%s %s" % (status, json.dumps(body, ensure_ascii=False)[:200]))
                if status == 503:
                    time.sleep(0.1)
            except SystemExit as error:  # the sign-in failed (503 while the database is away)
                with self.lock:
                    self.unavailable += 1
                time.sleep(0.2)
            except CONNECTION_ERRORS as error:
                with self.lock:
                    self.unexpected.append("connection: %r" % error)
                time.sleep(0.2)

    def first_acknowledged_of_sent_after(self, moment):
        """When the first write sent after `moment` was acknowledged (None: none yet)."""
        with self.lock:
            times = [acknowledged for _, sent, acknowledged in self.members.values() if sent > moment]
        return min(times) if times else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--workdir", required=True)
    # All writers sign in as the demo community's user, who may hold 3 sessions at once (a fourth
    # login ends the oldest session, and its writer would see 401).
    parser.add_argument("--writers", type=int, default=3, choices=[1, 2, 3])
    parser.add_argument("--before", type=float, default=5, help="seconds of writes before the kill")
    parser.add_argument("--after", type=float, default=5, help="seconds of writes after they resume")
    parser.add_argument("--keep", action="store_true", help="leave the work folder behind")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    workdir = os.path.abspath(args.workdir)
    if os.path.exists(workdir):
        shutil.rmtree(workdir)
    os.makedirs(workdir)
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
    os.chmod(workdir, 0o700)

    etcd_port, etcd_peer_port = free_port(), free_port()
    etcd = subprocess.Popen(
        ["etcd", "--name", "drill", "--data-dir", os.path.join(workdir, "etcd"),
         "--listen-client-urls", "http://127.0.0.1:%d" % etcd_port,
         "--advertise-client-urls", "http://127.0.0.1:%d" % etcd_port,
         "--listen-peer-urls", "http://127.0.0.1:%d" % etcd_peer_port,
         "--initial-advertise-peer-urls", "http://127.0.0.1:%d" % etcd_peer_port,
         "--initial-cluster", "drill=http://127.0.0.1:%d" % etcd_peer_port],
        stdout=open(os.path.join(workdir, "etcd.log"), "ab"), stderr=subprocess.STDOUT, **as_postgres())
    nodes = [Node(workdir, "pg1", etcd_port), Node(workdir, "pg2", etcd_port)]
    server = None
    try:
        deadline = time.time() + 30
        while not http_json("http://127.0.0.1:%d/health" % etcd_port):
            if time.time() > deadline:
                raise SystemExit("etcd did not start: see %s/etcd.log" % workdir)
            time.sleep(0.2)
        nodes[0].start()
        # The first node bootstraps the cluster; the second then clones it with pg_basebackup.
        deadline = time.time() + 120
        while (nodes[0].state() or {}).get("role") not in ("master", "primary"):
            if time.time() > deadline:
                raise SystemExit("pg1 did not become the primary: see %s/pg1.log" % workdir)
            time.sleep(0.5)
        nodes[1].start()
        primary = wait_for_cluster(nodes)
        names, states = await_synchronous(primary)
        print("primary %s, synchronous_standby_names %s, replication %s" % (primary.name, names, states))
        psql(primary, "CREATE ROLE liandong LOGIN PASSWORD '%s'" % LIANDONG_PASSWORD)
        psql(primary, "CREATE DATABASE liandong OWNER liandong")
        url = "postgresql://liandong:%s@%s/liandong?target_session_attrs=read-write&connect_timeout=2" % (
            LIANDONG_PASSWORD, ",".join("127.0.0.1:%d" % node.pg_port for node in nodes))
        key_file = os.path.join(workdir, "key")
        logins_file = os.path.join(workdir, "logins.tsv")
        subprocess.run([binary, "--log-level", "warn", "demo", "--db", url, "--key-file", key_file, "--logins",
                        logins_file, "--without-activity"], check=True, stdout=subprocess.DEVNULL)
        logins = {}
        for line in open(logins_file, encoding="utf-8"):
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3 and fields[0] not in logins:
                logins[fields[0]] = (fields[1], fields[2])

        port = free_port()
        server_log = open(os.path.join(workdir, "server.log"), "ab")
        server = subprocess.Popen([binary, "--log-level", "info", "serve", "--db", url, "--key-file", key_file,
                                   "--port", str(port), "--files-dir", os.path.join(workdir, "files"),
                                   "--no-access-log", "--workers", str(args.writers + 2)],
                                  stdout=server_log, stderr=server_log)
        deadline = time.time() + 60
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/api/v1/health")
                if connection.getresponse().status == 200:
                    break
            except CONNECTION_ERRORS:
                pass
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start: see %s/server.log" % workdir)
            time.sleep(0.1)

        writers = Writers(port, logins["community"], args.writers)
        threads = [threading.Thread(target=writers.writer) for _ in range(args.writers)]
        for thread in threads:
            thread.start()
        time.sleep(args.before)
        before_kill = len(writers.members)
        killed_at = time.time()
        processes = primary.kill()
        dead_at = time.time()  # a write sent from now on cannot have reached the old primary
        print("killed %s (the primary): %d processes with kill -9, %d writes acknowledged before" % (
            primary.name, processes, before_kill))
        resumed = None
        while time.time() - killed_at < 60:
            resumed = writers.first_acknowledged_of_sent_after(dead_at)
            if resumed:
                break
            time.sleep(0.1)
        if resumed:
            time.sleep(args.after)
        writers.stopping.set()
        for thread in threads:
            thread.join()
        survivor = [node for node in nodes if node is not primary][0]
        new_role = (survivor.state() or {}).get("role")

        checker = Client(port, *logins["community"])
        lost = []
        for member_id, (name, _, _) in sorted(writers.members.items()):
            status, body = checker.call("GET", "/api/v1/members/%d" % member_id)
            if status != 200 or body.get("name") != name:
                lost.append("member %d: %s" % (member_id, status))
        outage = (resumed - killed_at) if resumed else None
        print("failover drill: outage %s; writes attempted %d, acknowledged %d, lost %d; answered 503 %d, "
              "unexpected %d; %s is now %s" % (
                  "%.1f s" % outage if outage is not None else "NOT RESUMED within 60 s", writers.attempts,
                  len(writers.members), len(lost), writers.unavailable, len(writers.unexpected), survivor.name,
                  new_role))
        for line in (lost + writers.unexpected)[:20]:
            print("  " + line)
        if outage is None or outage > 30 or lost or writers.unexpected or not writers.members:
            sys.exit(1)
    finally:
        if server and server.poll() is None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        for node in nodes:
            node.stop()
        etcd.terminate()
        etcd.wait(timeout=10)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
