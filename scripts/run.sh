#!/usr/bin/env bash
# The main job: provide PostgreSQL, build, import the samples (idempotent), and serve the API on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/postgres.sh || exit 1

port=${SPIISEE_PORT:-5080}
url="http://127.0.0.1:$port"

# Demo keys, one per role; override with Auth__Keys__N__* in the environment for anything but a demo.
export Auth__Keys__0__Name=${Auth__Keys__0__Name:-backoffice-demo}
export Auth__Keys__0__Key=${Auth__Keys__0__Key:-demo-backoffice-key}
export Auth__Keys__0__Role=${Auth__Keys__0__Role:-BackOffice}
export Auth__Keys__1__Name=${Auth__Keys__1__Name:-auditor-demo}
export Auth__Keys__1__Key=${Auth__Keys__1__Key:-demo-auditor-key}
export Auth__Keys__1__Role=${Auth__Keys__1__Role:-Auditor}
export Auth__Keys__2__Name=${Auth__Keys__2__Name:-alice-at-acme}
export Auth__Keys__2__Key=${Auth__Keys__2__Key:-demo-acme-alice-key}
export Auth__Keys__2__Role=${Auth__Keys__2__Role:-Customer}
export Auth__Keys__2__AccountId=${Auth__Keys__2__AccountId:-acme}
export Auth__Keys__2__ContactId=${Auth__Keys__2__ContactId:-alice@acme.example}

# The Host is published ahead-of-time compiled (ReadyToRun): a CLI call and the first request take about half as long.
# Published again only when a source, project or settings file is newer than the published binary.
case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
publish=src/Host/bin/publish
host=$publish/Spiisee.EventSourced.Host
if [ ! -f "$host.dll" ] || [ -n "$(find src Directory.Build.props Directory.Packages.props global.json -newer "$host.dll" \
     \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' \) -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
  rebuilt=yes
  echo "build: dotnet publish (Release, ReadyToRun, $rid)" >&2
  if ! dotnet publish src/Host/Host.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
       -o "$publish" -nologo -v quiet >&2; then
    echo "build: the ReadyToRun publish failed; building without it" >&2
    dotnet build src/Host/Host.csproj -c Release -nologo -v quiet >&2
    host=src/Host/bin/Release/net10.0/Spiisee.EventSourced.Host
  fi
else
  echo "build: up to date" >&2
fi

# The host runs as in Production: it serves the schema db-apply leaves and never migrates it itself.
echo "schema: db-apply" >&2
dotnet "$host.dll" db-apply >/dev/null || { echo "schema: db-apply failed" >&2; exit 1; }

# Inline projections only see the events appended after they exist: a read model added or reshaped by new code starts
# empty on an existing database. After each new build, the read models are replayed once from the events.
if [ "${rebuilt:-}" = yes ]; then
  echo "read models: replaying every projection for the new build" >&2
  dotnet "$host.dll" rebuild >/dev/null || { echo "read models: the rebuild failed" >&2; exit 1; }
fi

for journal in samples/*.jsonl; do
  echo "samples: importing $journal" >&2
  dotnet "$host.dll" import "$journal" >/dev/null || { echo "samples: $journal has invalid lines" >&2; exit 1; }
done

# scripts/cluster.sh prepares with this script (build, schema, samples) and starts its own nodes.
if [ "${1:-}" = "--prepare-only" ]; then
  echo "prepared: $host.dll" >&2
  exit 0
fi

# R15's notices are mailed: unless Smtp__Host names a server, a local smtp4dev (a dotnet tool from NuGet) receives
# them and shows them on a web page. Without it the host still runs, and says notices stay pending.
mail_ui="none (notices stay pending)"
if [ -z "${Smtp__Host:-}" ]; then
  smtp_port=${SPIISEE_SMTP_PORT:-2525}
  mail_port=${SPIISEE_MAIL_PORT:-5081}
  tools=.tools
  if [ ! -x "$tools/smtp4dev" ]; then
    echo "mail: installing smtp4dev 3.15.0 into $tools" >&2
    dotnet tool install Rnwood.Smtp4dev --version 3.15.0 --tool-path "$tools" >/dev/null 2>&1 \
      || echo "mail: smtp4dev could not be installed; notices will stay pending" >&2
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null; then
    echo "mail: something already listens on 127.0.0.1:$smtp_port; using it" >&2
    export Smtp__Host=127.0.0.1 Smtp__Port=$smtp_port Smtp__Security=None
    mail_ui="http://127.0.0.1:$mail_port (if it is smtp4dev)"
  elif [ -x "$tools/smtp4dev" ]; then
    echo "mail: starting smtp4dev (SMTP 127.0.0.1:$smtp_port, web http://127.0.0.1:$mail_port)" >&2
    "$tools/smtp4dev" --smtpport="$smtp_port" --urls="http://127.0.0.1:$mail_port" --bindaddress=127.0.0.1 --db= \
      --imapport= --pop3port= --nousersettings >"$tools/smtp4dev.log" 2>&1 &
    trap 'kill $! 2>/dev/null' EXIT
    export Smtp__Host=127.0.0.1 Smtp__Port=$smtp_port Smtp__Security=None
    mail_ui="http://127.0.0.1:$mail_port"
  fi
else
  mail_ui="your server $Smtp__Host"
fi

cat <<MSG

Spiisee.EventSourced API on $url  (OpenAPI: $url/openapi/v1.json, UI: $url/scalar, health: $url/health)
Mail sent to support contacts (incident notices): $mail_ui

Demo keys:
  BackOffice  $Auth__Keys__0__Key
  Auditor     $Auth__Keys__1__Key
  Customer    $Auth__Keys__2__Key   (contact $Auth__Keys__2__ContactId of account $Auth__Keys__2__AccountId)

Try:
  curl -s -H 'X-Api-Key: $Auth__Keys__1__Key' $url/accounts/acme/statements/2026-03
  curl -s -H 'X-Api-Key: $Auth__Keys__1__Key' '$url/accounts/globex/statements/2026-01?format=table'
  curl -s -H 'X-Api-Key: $Auth__Keys__1__Key' '$url/trouble-tickets/TT-100/history?asOf=2026-03-05T00:00:00-05:00'
  curl -s -H 'X-Api-Key: $Auth__Keys__2__Key' $url/accounts/globex/statements/2026-01      # 404: not the customer's
  curl -s -H 'X-Api-Key: $Auth__Keys__0__Key' -H 'Content-Type: application/x-ndjson' --data-binary @samples/march-outage.jsonl $url/journal

Ctrl-C stops the host; PostgreSQL keeps running for the next run.
MSG

# Not exec: smtp4dev, started above, is stopped when the host stops.
dotnet "$host.dll" --urls "$url"
