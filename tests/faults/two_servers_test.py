#!/usr/bin/env python3
"""Two Liandong servers on one PostgreSQL, behind HAProxy: one user's requests alternate between
them, and a rolling restart under load loses no request.

Starts two servers on an empty PostgreSQL database (the demo city is created in it first) and
HAProxy in front of them with deploy/haproxy/haproxy.cfg, the file a city deploys. Then:

- one user's requests alternate between the servers: the session opened on one is valid on the
  other, and a sign-out on one ends it on both;
- five wrong passwords, alternating, lock the account on both servers;
- failed logins from one client address, alternating, hit the per-address rate limit on both
  (the servers trust the loopback as a proxy: the address is the one X-Forwarded-For names);
- a permission granted through one server counts on the other at its next request (the role's
  permissions_version), and so does its withdrawal;
- with both servers sweeping every second, each overdue task node is told exactly once (the
  sweep's advisory lock, and the conditional update behind it);
- a rolling restart of every server under a steady load of reads and writes through HAProxy
  (SIGTERM: the server drains — health 503 while it still serves — then stops; HAProxy routes
  around it and re-sends a request refused during the restart): the client sees no answer other
  than 2xx, and every acknowledged write is there afterwards.

It prints its figures (requests, failures, acknowledged writes, lost) and exits non-zero on any
failure.

  tests/faults/two_servers_test.py --binary build/debug/liandong \\
      --db postgresql://liandong@127.0.0.1:5432/an_empty_database --workdir /tmp/two-servers

`--restarts N` restarts the servers N rounds (each round restarts each server once).
"""
import argparse
import base64
import hashlib
import hmac
import http.client
import json
import os
import re
import signal
import socket
import ssl
import struct
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crash_test import CONNECTION_ERRORS, Client, free_port, id_number  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HAPROXY_CONFIG = os.path.join(ROOT, "deploy", "haproxy", "haproxy.cfg")
NGINX_SITE = os.path.join(ROOT, "deploy", "nginx", "liandong.conf")
DRAIN_SECONDS = 5  # as deploy/systemd/liandong@.service


class Server:
    """One Liandong server of the pair, on its own port, sharing the database, key and files."""

    def __init__(self, args, name, port):
        self.args = args
        self.name = name
        self.port = port
        self.process = None
        self.log_path = os.path.join(args.workdir, "%s.log" % name)

    def start(self):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [self.args.binary, "--log-level", "info", "serve", "--db", self.args.db, "--key-file", self.args.key_file,
             "--port", str(self.port), "--files-dir", os.path.join(self.args.workdir, "files"), "--no-access-log",
             "--workers", "4", "--sweep-seconds", "1", "--clock-file", self.args.clock_file,
             "--drain-seconds", str(DRAIN_SECONDS), "--trusted-proxy", "127.0.0.1"],
            stdout=log, stderr=log)
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("%s exited on start: see %s" % (self.name, self.log_path))
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/api/v1/health")
                if connection.getresponse().status == 200:
                    return
            except CONNECTION_ERRORS:
                pass
            time.sleep(0.05)
        raise SystemExit("%s did not answer within 120 s" % self.name)

    def terminate(self):
        """SIGTERM, as systemctl stop sends: returns the seconds it took to exit."""
        started = time.time()
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=DRAIN_SECONDS + 30)
        if code != 0:
            raise SystemExit("%s exited with %d on SIGTERM" % (self.name, code))
        return time.time() - started

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def swept(self):
        """The overdue nodes this server's sweeps told (from its log)."""
        told = 0
        for line in open(self.log_path, encoding="utf-8", errors="replace"):
            if '"event":"task.sweep"' in line:
                told += json.loads(line).get("overdue", 0)
        return told


class Balancer:
    """HAProxy with deploy/haproxy/haproxy.cfg, the addresses from the environment."""

    def __init__(self, args, servers):
        self.port = free_port()
        self.socket_path = os.path.join(args.workdir, "haproxy.sock")
        environment = dict(os.environ, LIANDONG_LB_BIND="127.0.0.1:%d" % self.port,
                           HAPROXY_STATS_SOCKET=self.socket_path)
        for index, server in enumerate(servers, 1):
            environment["LIANDONG_APP%d" % index] = "127.0.0.1:%d" % server.port
        self.log = open(os.path.join(args.workdir, "haproxy.log"), "ab")
        # -n: fewer connections than the deployment's maxconn, within a test machine's file limit.
        self.process = subprocess.Popen([args.haproxy, "-db", "-n", "2000", "-f", HAPROXY_CONFIG], env=environment,
                                        stdout=self.log, stderr=self.log)

    def states(self):
        """Server name -> status (UP, DOWN, …) from the stats socket."""
        try:
            with socket.socket(socket.AF_UNIX) as stats:
                stats.settimeout(2)
                stats.connect(self.socket_path)
                stats.sendall(b"show stat\n")
                data = b""
                while True:
                    chunk = stats.recv(65536)
                    if not chunk:
                        break
                    data += chunk
        except OSError:
            return {}
        lines = data.decode().splitlines()
        header = lines[0].lstrip("# ").split(",")
        states = {}
        for line in lines[1:]:
            row = dict(zip(header, line.split(",")))
            if row.get("pxname") == "liandong" and row.get("svname", "").startswith("app"):
                states[row["svname"]] = row["status"]
        return states

    def await_up(self, names, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            states = self.states()
            if all(states.get(name) == "UP" for name in names):
                return
            time.sleep(0.1)
        raise SystemExit("HAProxy does not see %s up: %s" % (names, self.states()))

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class Nginx:
    """nginx with deploy/nginx/liandong.conf, its ports, certificate and HAProxy address put in."""

    def __init__(self, args, balancer):
        self.http_port, self.https_port = free_port(), free_port()
        folder = os.path.join(args.workdir, "nginx")
        os.makedirs(folder, exist_ok=True)
        certificate, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                        certificate, "-days", "2", "-subj", "/CN=liandong.example.gov.cn"],
                       check=True, capture_output=True)
        site = open(NGINX_SITE, encoding="utf-8").read()
        site = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", site)
        site = site.replace("listen 80;", "listen 127.0.0.1:%d;" % self.http_port)
        site = site.replace("listen 443 ssl http2;", "listen 127.0.0.1:%d ssl http2;" % self.https_port)
        site = site.replace("127.0.0.1:8080", "127.0.0.1:%d" % balancer.port)
        site = site.replace("/etc/ssl/liandong/fullchain.pem", certificate)
        site = site.replace("/etc/ssl/liandong/privkey.pem", key)
        with open(os.path.join(folder, "site.conf"), "w", encoding="utf-8") as out:
            out.write(site)
        with open(os.path.join(folder, "nginx.conf"), "w") as out:
            out.write("%s\nworker_processes 1;\npid %s/nginx.pid;\nerror_log %s/error.log;\n"
                      "events { worker_connections 256; }\n"
                      "http {\n  access_log off;\n  client_body_temp_path %s/body;\n  proxy_temp_path %s/proxy;\n"
                      "  fastcgi_temp_path %s/fastcgi;\n  uwsgi_temp_path %s/uwsgi;\n  scgi_temp_path %s/scgi;\n"
                      "  include %s/site.conf;\n}\n" % (("user root;" if os.geteuid() == 0 else "",) + (folder,) * 8))
        self.process = subprocess.Popen([args.nginx, "-p", folder, "-c", os.path.join(folder, "nginx.conf"),
                                         "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                if self.get("/api/v1/health")[0] == 200:
                    return
            except (OSError, http.client.HTTPException):
                time.sleep(0.1)
        raise SystemExit("nginx did not start: see %s/error.log" % folder)

    def get(self, path, source="127.0.0.1", method="GET", payload=None):
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection("127.0.0.1", self.https_port, timeout=30, context=context,
                                                 source_address=(source, 0))
        try:
            connection.request(method, path, body=None if payload is None else json.dumps(payload),
                               headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            return response.status, dict(response.getheaders())
        finally:
            connection.close()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def check_nginx(checks, nginx):
    print("Through nginx (TLS) and HAProxy:")
    status, headers = nginx.get("/api/v1/health")
    headers = {name.lower(): value for name, value in headers.items()}  # HAProxy writes them in lower case
    secure = (status == 200 and "max-age" in headers.get("strict-transport-security", "")
              and "frame-ancestors" in headers.get("content-security-policy", ""))
    checks.expect(secure, "HTTPS answers with HSTS from nginx and the server's own security headers" +
                  ("" if secure else " (%s %s)" % (status, headers)))
    plain = http.client.HTTPConnection("127.0.0.1", nginx.http_port, timeout=10)
    plain.request("GET", "/api/v1/health")
    redirect = plain.getresponse()
    checks.expect(redirect.status == 301 and redirect.getheader("Location", "").startswith("https://"),
                  "plain HTTP is sent to HTTPS (%s)" % redirect.status)
    # The client's own address reaches the servers: 20 failed logins from 127.0.0.2 rate-limit
    # 127.0.0.2, not 127.0.0.3, although every request reaches the servers from HAProxy.
    for i in range(20):
        nginx.get("/api/v1/session", "127.0.0.2", "POST", {"username": "ghost%d" % i, "password": "wrong"})
    limited = nginx.get("/api/v1/session", "127.0.0.2", "POST", {"username": "ghost", "password": "wrong"})[0]
    other = nginx.get("/api/v1/session", "127.0.0.3", "POST", {"username": "ghost", "password": "wrong"})[0]
    checks.expect(limited == 429 and other == 401,
                  "the servers see each client's own address through nginx and HAProxy (127.0.0.2 limited: %s, "
                  "127.0.0.3: %s)" % (limited, other))


def totp(secret, at):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def sign_in_administrator(port, username, password):
    """An administrator's login: enrols a TOTP second factor, as the enrolment page would."""
    client = Client(port, username, password)
    status, body = client.call("POST", "/api/v1/me/second-factor/enrolment")
    assert status == 200, (status, body)
    status, confirmed = client.call("POST", "/api/v1/me/second-factor/enrolment/confirm",
                                    {"code": totp(body["secret"], time.time())})
    assert status == 200, (status, confirmed)
    return client


def login(port, username, password, address):
    """One login attempt from a client `address` (as a trusted proxy forwards it): the status."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", "/api/v1/session", body=json.dumps({"username": username, "password": password}),
                           headers={"Content-Type": "application/json", "X-Forwarded-For": address})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


class Checks:
    def __init__(self):
        self.failed = []

    def expect(self, condition, what):
        print("  %s %s" % ("ok  " if condition else "FAIL", what))
        if not condition:
            self.failed.append(what)


def alternate(client, servers, index):
    client.port = servers[index % len(servers)].port
    return client


def check_alternating_user(checks, servers, logins):
    print("One user's requests alternate between the servers:")
    a, b = servers[0], servers[1]
    user = Client(a.port, *logins["street"])
    statuses = []
    for i in range(6):
        status, _ = alternate(user, servers, i).call("GET", "/api/v1/members?page_size=5")
        statuses.append(status)
    checks.expect(statuses == [200] * 6, "a session opened on %s is valid on both (%s)" % (a.name, statuses))
    status, _ = alternate(user, servers, 1).call("DELETE", "/api/v1/session")
    status_after, _ = alternate(user, servers, 0).call("GET", "/api/v1/members?page_size=5")
    checks.expect(status in (200, 204) and status_after == 401,
                  "signed out on %s, the session is over on %s too (%s, then %s)" % (b.name, a.name, status,
                                                                                     status_after))


def check_lockout(checks, servers, logins):
    username, password = logins["district"]
    statuses = [login(servers[i % 2].port, username, "wrong-password", "198.51.100.10") for i in range(5)]
    after = [login(server.port, username, password, "198.51.100.11") for server in servers]
    checks.expect(statuses == [401] * 5 and after == [401, 401],
                  "five wrong passwords alternating between the servers lock the account on both "
                  "(the right password then: %s)" % after)


def check_rate_limit(checks, servers):
    statuses = [login(servers[i % 2].port, "nobody%d" % i, "wrong", "198.51.100.20") for i in range(20)]
    limited = [login(server.port, "nobody", "wrong", "198.51.100.20") for server in servers]
    other = login(servers[0].port, "nobody", "wrong", "198.51.100.21")
    checks.expect(statuses == [401] * 20 and limited == [429, 429] and other == 401,
                  "20 failed logins from one address alternating between the servers rate-limit it on both "
                  "(%s), not another address (%s)" % (limited, other))


def check_permission_change(checks, servers, logins):
    a, b = servers[0], servers[1]
    street = Client(a.port, *logins["street"])
    status, members = street.call("GET", "/api/v1/members?page_size=1")
    identifiers = "/api/v1/members/%d/identifiers" % members["items"][0]["id"]
    before, _ = street.call("GET", identifiers)  # a's cache now holds the street role
    security = sign_in_administrator(b.port, *logins["security"])
    status, roles = security.call("GET", "/api/v1/roles")
    granted = [r for r in roles["items"] if r["name"] == "street_admin"][0]["permissions"]
    status, body = security.call("PATCH", "/api/v1/roles/street_admin",
                                 {"permissions": sorted(set(granted) | {"member:unmask"})})
    after, _ = street.call("GET", identifiers)
    checks.expect(before == 403 and status == 200 and after == 200,
                  "a permission granted on %s counts on %s at once (%s before, %s after)" % (b.name, a.name, before,
                                                                                             after))
    status, body = security.call("PATCH", "/api/v1/roles/street_admin", {"permissions": granted})
    withdrawn, _ = street.call("GET", identifiers)
    checks.expect(status == 200 and withdrawn == 403,
                  "withdrawn on %s, it is gone on %s at once (%s)" % (b.name, a.name, withdrawn))


def check_sweep(checks, args, servers, logins):
    a = servers[0]
    city = Client(a.port, *logins["city"])
    tomorrow = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600 + 86400))  # China time
    status, task = city.call("POST", "/api/v1/tasks", {
        "title": "双机逾期提醒", "content": "两台服务器同时扫描", "deadline": tomorrow, "weight": 1,
        "targets": {"mode": "level", "level": "community"}})
    assert status == 201, (status, task)
    before = sum(server.swept() for server in servers)
    with open(args.clock_file, "w") as clock:
        clock.write(str(3 * 86400))  # both servers' clocks: three days on, the nodes two days overdue
    time.sleep(4)  # several sweeps of each server
    city = Client(a.port, *logins["city"])  # the old session idled out with the clock's jump
    nodes = []
    page = 1
    while True:
        status, listed = city.call("GET", "/api/v1/task-assignments?task=%d&subtree=1&page=%d&page_size=100" % (
            task["id"], page))
        assert status == 200, (status, listed)
        nodes += [item for item in listed["items"] if item.get("parent_id")]
        if len(nodes) >= listed["total"] - 1 or not listed["items"]:
            break
        page += 1
    told = {}
    for node in nodes:
        status, detail = city.call("GET", "/api/v1/task-assignments/%d" % node["id"])
        told[node["id"]] = sum(1 for event in detail["events"] if event["kind"] == "overdue")
    overdue = [node for node in nodes if node.get("overdue")]
    swept = {server.name: server.swept() for server in servers}
    checks.expect(len(overdue) > 0 and all(told[node["id"]] == 1 for node in overdue)
                  and all(count <= 1 for count in told.values())
                  and sum(swept.values()) - before == sum(told.values()),
                  "with both servers sweeping every second, each of the %d overdue nodes was told once "
                  "(nodes told by each server's sweeps: %s)" % (len(overdue), swept))


class KeepAliveClient:
    """A signed-in user through HAProxy on one keep-alive connection, as a browser holds one."""

    def __init__(self, port, username, password):
        self.port = port
        self.connection = None
        self.headers = {}
        status, body, headers = self.send("POST", "/api/v1/session", {"username": username, "password": password})
        if status != 200:
            raise SystemExit("cannot sign in as %s: %s %s" % (username, status, body))
        cookie = [value for name, value in headers if name.lower() == "set-cookie"][0]
        self.headers = {"Cookie": cookie.split(";")[0], "X-CSRF-Token": body["csrf_token"]}
        self.org_id = body["user"]["org"]["id"] if "user" in body else body["org"]["id"]

    def send(self, method, path, payload=None):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            self.connection.request(method, path, body=None if payload is None else json.dumps(payload).encode(),
                                    headers={"Content-Type": "application/json", **self.headers})
            response = self.connection.getresponse()
            text = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.connection.close()
                self.connection = None
            return response.status, (json.loads(text) if text else None), response.getheaders()
        except Exception:
            self.connection.close()
            self.connection = None
            raise


class Load:
    """Readers and writers through HAProxy; every answer other than 2xx is a failure."""

    def __init__(self, port, logins):
        self.port = port
        self.logins = logins
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.requests = 0
        self.failures = []
        self.members = {}  # id -> name
        self.serial = int(time.time()) % 100000 * 10

    def record(self, what, status, body):
        with self.lock:
            self.requests += 1
            if not 200 <= status < 300:
                self.failures.append("%s %s: %s %s" % (time.strftime("%H:%M:%S"), what, status,
                                                       json.dumps(body, ensure_ascii=False)[:200]))

    def call(self, client, what, method, path, payload=None):
        try:
            status, body, _ = client.send(method, path, payload)
        except CONNECTION_ERRORS as error:
            status, body = 0, {"connection": repr(error)}
        self.record(what, status, body)
        return status, body

    def writer(self):
        community = KeepAliveClient(self.port, *self.logins["community"])
        while not self.stopping.is_set():
            with self.lock:
                self.serial += 1
                serial = self.serial
            name = "双机压测%d" % serial
            number = id_number(serial)
            status, body = self.call(community, "member", "POST", "/api/v1/members", {
                "org_id": community.org_id, "name": name, "gender": "male" if int(number[16]) % 2 else "female",
                "id_number": number, "phone": "138%08d" % (serial % 10**8), "education": "大学本科",
                "joined_on": "2010-07-01", "full_member_on": "2011-07-01", "status": "full"})
            if status == 201:
                with self.lock:
                    self.members[body["id"]] = name

    def reader(self, role, paths):
        client = KeepAliveClient(self.port, *self.logins[role])
        turn = 0
        while not self.stopping.is_set():
            self.call(client, "read", "GET", paths[turn % len(paths)])
            turn += 1


def rolling_restart(checks, args, servers, balancer, logins):
    names = ["app%d" % (index + 1) for index in range(len(servers))]
    load = Load(balancer.port, logins)
    threads = [threading.Thread(target=load.writer) for _ in range(2)]
    threads += [threading.Thread(target=load.reader, args=("street", ["/api/v1/members?page_size=20",
                                                                      "/api/v1/task-assignments?page_size=20"])),
                threading.Thread(target=load.reader, args=("city", ["/api/v1/orgs?page_size=20", "/api/v1/tasks",
                                                                    "/api/v1/notifications"]))]
    for thread in threads:
        thread.start()
    started = time.time()
    time.sleep(2)
    stops = []
    for round_ in range(args.restarts):
        for server, name in zip(servers, names):
            stops.append(server.terminate())
            server.start()
            balancer.await_up(names)
            time.sleep(1)
    time.sleep(2)
    load.stopping.set()
    for thread in threads:
        thread.join()
    seconds = time.time() - started
    checker = Client(servers[0].port, *logins["community"])
    lost = []
    for member_id, name in load.members.items():
        status, body = checker.call("GET", "/api/v1/members/%d" % member_id)
        if status != 200 or body.get("name") != name:
            lost.append("member %d: %s" % (member_id, status))
    print("Rolling restart: %d restarts (each drained and stopped in %.1f–%.1f s) in %.0f s; requests %d, "
          "failures %d, writes acknowledged %d, lost %d" % (
              len(stops), min(stops), max(stops), seconds, load.requests, len(load.failures), len(load.members),
              len(lost)))
    for line in (load.failures + lost)[:20]:
        print("    " + line)
    checks.expect(not load.failures and not lost and load.members and load.requests > 100,
                  "a rolling restart under load: every answer 2xx and every acknowledged write there")
    return load, lost


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--db", required=True, help="an empty PostgreSQL database: postgresql://…")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--haproxy", default="/usr/sbin/haproxy")
    parser.add_argument("--nginx", default="/usr/sbin/nginx")
    parser.add_argument("--restarts", type=int, default=1, help="rounds of the rolling restart")
    args = parser.parse_args()
    os.makedirs(os.path.join(args.workdir, "files"), exist_ok=True)
    args.key_file = os.path.join(args.workdir, "key")
    args.clock_file = os.path.join(args.workdir, "clock")
    with open(args.clock_file, "w") as clock:
        clock.write("0")
    logins_file = os.path.join(args.workdir, "logins.tsv")
    subprocess.run([args.binary, "--log-level", "warn", "demo", "--db", args.db, "--key-file", args.key_file,
                    "--logins", logins_file, "--without-activity"], check=True, stdout=subprocess.DEVNULL)
    logins = {}
    for line in open(logins_file, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 3 and fields[0] not in logins:
            logins[fields[0]] = (fields[1], fields[2])

    servers = [Server(args, "server%d" % index, free_port()) for index in (1, 2)]
    balancer = None
    nginx = None
    checks = Checks()
    try:
        for server in servers:
            server.start()
        balancer = Balancer(args, servers)
        balancer.await_up(["app1", "app2"])
        check_alternating_user(checks, servers, logins)
        check_lockout(checks, servers, logins)
        check_rate_limit(checks, servers)
        check_permission_change(checks, servers, logins)
        nginx = Nginx(args, balancer)
        check_nginx(checks, nginx)
        load, lost = rolling_restart(checks, args, servers, balancer, logins)
        check_sweep(checks, args, servers, logins)  # last: it moves the clocks on three days
    finally:
        if nginx:
            nginx.stop()
        if balancer:
            balancer.stop()
        for server in servers:
            server.kill()
    print("two servers: requests %d, failures %d, writes acknowledged %d, lost %d; checks failed %d" % (
        load.requests, len(load.failures), len(load.members), len(lost), len(checks.failed)))
    if checks.failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
