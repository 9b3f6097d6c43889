# Shared by the scripts: where things are, installing what is missing, building.
# Source it; it sets ROOT and changes nothing until a function is called.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$ROOT/build"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_packages WHEN...: installs the Debian packages of those groups that are missing.
ensure_packages() {
  local wanted=() missing=() group package
  while read -r group package; do
    case "$group" in ''|'#'*) continue ;; esac
    for want in "$@"; do [ "$group" = "$want" ] && wanted+=("$package"); done
  done < "$ROOT/scripts/lib/packages.txt"
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  command -v npm >/dev/null || { say "Installing npm"; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$node_major" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version))"
}

# Runs `npm ci` when package-lock.json changed since the last install.
ensure_node_modules() {
  local stamp="$ROOT/web/node_modules/.liandong-lock-hash" hash
  hash="$(sha256sum "$ROOT/web/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
    say "Installing web dependencies (npm ci)"
    (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$hash" > "$stamp"
  fi
}

# build_server debug|release: configures once, then lets Ninja rebuild only what changed.
build_server() {
  local kind="$1" dir="$BUILD/$1"
  if [ ! -f "$dir/build.ninja" ]; then
    local options=(-G Ninja -S "$ROOT/server" -B "$dir")
    if [ "$kind" = debug ]; then
      options+=(-DCMAKE_BUILD_TYPE=Debug -DLIANDONG_SANITIZE=ON -DLIANDONG_TESTS=ON)
    else
      options+=(-DCMAKE_BUILD_TYPE=Release -DLIANDONG_TESTS=OFF -DLIANDONG_OUTPUT_DIR="$BUILD")
    fi
    say "Configuring the $kind build"
    cmake "${options[@]}" >/dev/null
  fi
  say "Building the server ($kind)"
  ninja -C "$dir" || die "the $kind build failed"
}

# Builds web/dist when the web sources changed since the last build.
build_web() {
  ensure_node_modules
  local stamp="$ROOT/web/dist/.liandong-source-hash" hash
  # The error texts are generated from the server's catalogue (web/scripts): it is a web source too.
  hash="$(cd "$ROOT/web" && find src public scripts index.html vite.config.ts tsconfig.json env.d.ts package.json \
            package-lock.json ../server/src/http/errors.cpp -type f -print0 | sort -z | xargs -0 sha256sum |
            sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
    say "Building the web app"
    (cd "$ROOT/web" && npm run --silent build >/dev/null)
    echo "$hash" > "$stamp"
  fi
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# wait_for_http URL SECONDS: waits until URL answers.
wait_for_http() {
  local url="$1" deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}
