#!/usr/bin/env bash
# Provides PostgreSQL for the run and test commands; source it, then read ConnectionStrings__Spiisee.
# Order: an existing ConnectionStrings__Spiisee; else Docker when a daemon answers (tests then use Testcontainers,
# the host a reusable container); else a throwaway local cluster from Debian's postgresql package, installed with
# apt-get when absent and running as root. A cluster left running by an earlier run is reused.
# Usage: source scripts/postgres.sh [--for-tests]

spiisee_pg_log() { printf 'postgres: %s\n' "$*" >&2; }

spiisee_pg_fail() {
  cat >&2 <<MSG
postgres: no PostgreSQL could be provided: $*
  Provide one of:
    - ConnectionStrings__Spiisee="Host=...;Port=5432;Username=...;Password=...;Database=spiisee"
    - a running Docker daemon (docker info must answer)
    - Debian's postgresql package (apt-get install -y postgresql), or run this as root so it can be installed
MSG
  return 1
}

spiisee_pg_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

spiisee_pg_local() {
  local repo_root port bindir datadir runas sockdir
  repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  port=${SPIISEE_PG_PORT:-55432}

  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      spiisee_pg_log "installing Debian's postgresql package (apt-get)"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2 \
        || { spiisee_pg_fail "apt-get install postgresql failed"; return 1; }
      bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
    [ -n "$bindir" ] || { spiisee_pg_fail "no PostgreSQL server binaries under /usr/lib/postgresql and cannot install them (not root or no apt-get)"; return 1; }
  fi

  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres user, outside the work tree so that
    # user can reach it whatever the clone's permissions.
    id postgres >/dev/null 2>&1 || { spiisee_pg_fail "running as root but there is no postgres user"; return 1; }
    datadir="/var/tmp/spiisee-postgres/$(printf '%s' "$repo_root" | sha1sum | cut -c1-12)"
    mkdir -p "$datadir" && chown postgres:postgres "$datadir" && chmod 700 "$datadir"
    chown postgres:postgres "$(dirname "$datadir")" 2>/dev/null || true
    runas=(runuser -u postgres --)
  else
    datadir="$repo_root/.pgdata"
    mkdir -p "$datadir" && chmod 700 "$datadir"
    runas=()
  fi
  sockdir="$datadir"

  if [ ! -f "$datadir/PG_VERSION" ]; then
    spiisee_pg_log "creating a throwaway cluster in $datadir"
    "${runas[@]}" "$bindir/initdb" -D "$datadir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
      || { spiisee_pg_fail "initdb failed in $datadir"; return 1; }
  fi

  if ! "${runas[@]}" "$bindir/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
    # Another clone's cluster (or anything else) may hold the port: take the next free one. A port with no listener
    # can still be taken by an outgoing connection (these ports are in Linux's ephemeral range), which only the
    # server's own bind finds out: then the next port is tried too.
    local last=$(( ${SPIISEE_PG_PORT:-55432} + 20 ))
    while true; do
      while spiisee_pg_port_busy "$port"; do
        [ "$port" -lt "$last" ] || { spiisee_pg_fail "ports ${SPIISEE_PG_PORT:-55432} to $port are all busy"; return 1; }
        port=$((port + 1))
      done
      spiisee_pg_log "starting PostgreSQL on 127.0.0.1:$port"
      local seen
      seen=$(cat "$datadir/server.log" 2>/dev/null | wc -l)
      "${runas[@]}" "$bindir/pg_ctl" -D "$datadir" -l "$datadir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $sockdir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 2>&1 && break
      if tail -n "+$((seen + 1))" "$datadir/server.log" 2>/dev/null | grep -q "Address already in use" && [ "$port" -lt "$last" ]; then
        spiisee_pg_log "port $port is in use by a connection; trying the next"
        port=$((port + 1))
        continue
      fi
      tail -n 20 "$datadir/server.log" >&2
      spiisee_pg_fail "the local server did not start on port $port"
      return 1
    done
  else
    port=$(sed -n 4p "$datadir/postmaster.pid")
    spiisee_pg_log "reusing the cluster already running from $datadir on 127.0.0.1:$port"
  fi

  "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "select 1 from pg_database where datname='spiisee'" | grep -q 1 \
    || "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database spiisee" >/dev/null \
    || { spiisee_pg_fail "could not create database spiisee"; return 1; }

  export ConnectionStrings__Spiisee="Host=127.0.0.1;Port=$port;Username=postgres;Database=spiisee;Maximum Pool Size=100"
}

spiisee_pg_docker_for_host() {
  local port=${SPIISEE_PG_PORT:-55432}
  if ! docker ps -a --format '{{.Names}}' | grep -qx spiisee-postgres; then
    spiisee_pg_log "starting a PostgreSQL container (spiisee-postgres) on 127.0.0.1:$port"
    docker run -d --name spiisee-postgres -p "127.0.0.1:$port:5432" -e POSTGRES_PASSWORD=spiisee -e POSTGRES_DB=spiisee postgres:16-alpine >/dev/null \
      || { spiisee_pg_fail "docker run failed"; return 1; }
  else
    docker start spiisee-postgres >/dev/null
  fi
  for _ in $(seq 1 60); do
    docker exec spiisee-postgres pg_isready -U postgres >/dev/null 2>&1 && break
    sleep 1
  done
  export ConnectionStrings__Spiisee="Host=127.0.0.1;Port=$port;Username=postgres;Password=spiisee;Database=spiisee"
}

spiisee_pg_provide() {
  if [ -n "${ConnectionStrings__Spiisee:-}" ]; then
    spiisee_pg_log "using ConnectionStrings__Spiisee from the environment"
    return 0
  fi
  if command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; then
    if [ "${1:-}" = "--for-tests" ]; then
      spiisee_pg_log "Docker answers: the tests start PostgreSQL with Testcontainers"
      return 0
    fi
    spiisee_pg_docker_for_host && return 0
  fi
  spiisee_pg_local
}

spiisee_pg_provide "$@"
