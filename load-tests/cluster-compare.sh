#!/usr/bin/env bash
# The same load through HAProxy on a local cluster of 1 node and of 3 nodes, one after the other, with
# each process's CPU seconds over the run (from /proc/PID/stat): the "Cluster" rows of RESULTS.md.
#   load-tests/cluster-compare.sh [BUILD]   BUILD: a `dotnet publish` folder of the server (default: publish one)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-}
if [ -z "$build" ]; then
  build=$(mktemp -d /tmp/charityday-compare-build.XXXXXX)
  dotnet publish src/CharityDay.Server -c Release -o "$build" -nologo -v q
fi
dotnet build load-tests/CharityDay.LoadHarness -c Release -nologo -v q
hz=$(getconf CLK_TCK)
ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
seconds() { awk -v t="$1" -v hz="$hz" 'BEGIN { printf "%.1f", t / hz }'; }

for nodes in 1 3; do
  dir=$(mktemp -d /tmp/charityday-compare-$nodes.XXXXXX) && rmdir "$dir"
  deploy/local-cluster.sh up --nodes "$nodes" --dir "$dir" --build "$build" >/dev/null
  # shellcheck disable=SC1091
  . "$dir/cluster.env"
  pids=(); for i in $(seq 1 "$nodes"); do v="NODE_${i}_PID"; pids+=("${!v}"); done
XX
  declare -A before=()
  for i in "${!pids[@]}"; do before[$i]=$(ticks "${pids[$i]}"); done
  # shellcheck disable=SC2086
  pg_before=$(ticks $postgres); haproxy_before=$(ticks "$HAPROXY_PID"); redis_before=$(ticks "$REDIS_PID")
  /usr/bin/time -f "%U %S" -o "$dir.harness-cpu" dotnet load-tests/CharityDay.LoadHarness/bin/Release/net10.0/CharityDay.LoadHarness.dll \
    --cluster "$dir" --hub-urls "$BALANCER_URL" --scenarios stage,viewers --desks 8 --operators 64 --viewers 300 --screens 3 \
    --duration 30s --warmup 5s --label "cluster of $nodes" | grep -E "^\s+stage |pledge-to-screen|checks:|Report:"
  line="$nodes node(s), CPU s:"
  for i in "${!pids[@]}"; do line="$line node$((i + 1)) $(seconds $(( $(ticks "${pids[$i]}") - before[$i] )))"; done
  # shellcheck disable=SC2086
  line="$line postgres $(seconds $(( $(ticks $postgres) - pg_before ))) haproxy $(seconds $(( $(ticks "$HAPROXY_PID") - haproxy_before ))) redis $(seconds $(( $(ticks "$REDIS_PID") - redis_before )))"
  echo "$line harness $(awk '{ printf "%.1f", $1 + $2 }' "$dir.harness-cpu")"
  rm -f "$dir.harness-cpu"
  deploy/local-cluster.sh down --dir "$dir" >/dev/null
done
