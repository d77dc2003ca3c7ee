#!/usr/bin/env bash
# Measures durable pledge intake through the HTTP API on this machine, side by side for one desk and
# many desks, and the average group-commit batch (with dotnet-counters, if installed).
#   load-tests/intake-burst.sh sqlite
#   CHARITYDAY_BENCH_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres;Database=bench" load-tests/intake-burst.sh pg
# Server and harness both run on loopback and stop by themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?sqlite or pg}; seconds=${SECONDS_PER_RUN:-15}; port=${PORT:-5090}
key=bench-admin-key-0123456789
dotnet build src/CharityDay.Server -c Release -nologo -clp:ErrorsOnly -p:SkipStageDisplay=true >/dev/null
dotnet build load-tests/CharityDay.LoadHarness -c Release -nologo -clp:ErrorsOnly >/dev/null
data=$(mktemp -d /tmp/charityday-bench.XXXXXX)
args=(--urls "http://127.0.0.1:$port" --CharityDay:AdminKey=$key --CharityDay:SeedDemoEvent=false
      --CharityDay:DataDirectory="$data" --Logging:LogLevel:Default=Warning)
[ "$mode" = pg ] && args+=(--ConnectionStrings:Postgres="${CHARITYDAY_BENCH_POSTGRES:?set CHARITYDAY_BENCH_POSTGRES}")
dotnet src/CharityDay.Server/bin/Release/net10.0/CharityDay.Server.dll "${args[@]}" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$port/api/events/x" && break; sleep 0.5; done

for run in "one 64" "many 128"; do
  set -- $run
  counters=
  if command -v dotnet-counters >/dev/null; then
    dotnet-counters collect -p $server --counters CharityDay.Ledger --format csv -o "$data/$1.csv" \
      --refresh-interval 1 --duration "00:00:$((seconds + 6))" >/dev/null 2>&1 &
    counters=$!
    sleep 2
  fi
  dotnet load-tests/CharityDay.LoadHarness/bin/Release/net10.0/CharityDay.LoadHarness.dll "http://127.0.0.1:$port" $key $1 $2 "$seconds"
  if [ -n "$counters" ]; then
    wait $counters || true
    awk -F, '/commits/ {c += $5} /entries/ {e += $5} END { if (c > 0) printf "  %s: %d commits, %d entries, average batch %.1f\n", "'"$mode $1"'", c, e, e / c }' "$data/$1.csv"
  fi
done
