#!/usr/bin/env bash
# Two API hosts on one database, on 127.0.0.1:$SPIISEE_PORT and the next port (default 5080 and 5081... see below).
# Both take commands; Marten's daemon runs HotCold, so exactly one node (the leader, see /health's "role") runs the
# asynchronous work (incident notices); kill it and the other takes over within seconds.
# Usage: scripts/cluster.sh        (Ctrl-C stops both nodes; PostgreSQL keeps running)
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/run.sh --prepare-only
source scripts/postgres.sh
host=src/Host/bin/publish/Spiisee.EventSourced.Host.dll
[ -f "$host" ] || host=src/Host/bin/Release/net10.0/Spiisee.EventSourced.Host.dll

first=${SPIISEE_PORT:-5080}
second=$((first + 2)) # run.sh's mail page takes first+1
export Auth__Keys__0__Name=${Auth__Keys__0__Name:-backoffice-demo}
export Auth__Keys__0__Key=${Auth__Keys__0__Key:-demo-backoffice-key}
export Auth__Keys__0__Role=${Auth__Keys__0__Role:-BackOffice}
export Auth__Keys__1__Name=${Auth__Keys__1__Name:-auditor-demo}
export Auth__Keys__1__Key=${Auth__Keys__1__Key:-demo-auditor-key}
export Auth__Keys__1__Role=${Auth__Keys__1__Role:-Auditor}
export ASPNETCORE_ENVIRONMENT=Production

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
for port in "$first" "$second"; do
  dotnet "$host" --urls "http://127.0.0.1:$port" >".run-node-$port.log" 2>&1 &
  pids+=("$!")
done
for port in "$first" "$second"; do
  for _ in $(seq 1 120); do
    curl -s "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
done
sleep 3 # one node wins the daemon's leadership
for i in 0 1; do
  port=$([ "$i" = 0 ] && echo "$first" || echo "$second")
  echo "node $((i + 1)): http://127.0.0.1:$port  pid ${pids[$i]}  $(curl -s "http://127.0.0.1:$port/health")"
done
cat <<MSG

Both nodes take commands (keys as for run.sh). Kill the leader (kill -9 <pid>) and watch the other's /health become
"leader". Logs: .run-node-$first.log, .run-node-$second.log. Ctrl-C stops both.
MSG
wait
