#!/usr/bin/env bash
# The benchmark set behind load-tests/RESULTS.md: each scenario on one storage mode, with the
# baselines where they apply, the machine's load average noted before and after every run.
#   load-tests/run-benchmarks.sh sqlite
#   CHARITYDAY_BENCH_POSTGRES="Host=127.0.0.1;Port=55499;Username=postgres;Database=bench" load-tests/run-benchmarks.sh pg
# Each run starts its own server on loopback and stops it; reports go to load-tests/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?sqlite or pg}
dotnet build src/CharityDay.Server -c Release -nologo -clp:ErrorsOnly -p:SkipStageDisplay=true >/dev/null
dotnet build load-tests/CharityDay.LoadHarness -c Release -nologo -clp:ErrorsOnly >/dev/null
storage=()
[ "$mode" = pg ] && storage=(--postgres "${CHARITYDAY_BENCH_POSTGRES:?set CHARITYDAY_BENCH_POSTGRES}")
# 30 s of warm-up before every measured phase: on 2 cores the JIT needs 10-30 s under load to finish
# compiling the hot paths, and the figures below are about a server that has been up before the show.
# The cold-start run at the end shows the first minute of a freshly started node instead.
harness=(dotnet load-tests/CharityDay.LoadHarness/bin/Release/net10.0/CharityDay.LoadHarness.dll "${storage[@]}" --counters)

run() {
  local label=$1; shift
  echo "== $mode $label  (uptime before: $(uptime | sed 's/.*load average: //'))"
  "${harness[@]}" --label "$mode $label" "$@" | grep -vE '^  (\[|PASS)' || true
  echo "   (uptime after: $(uptime | sed 's/.*load average: //'))"
}

# Sustained durable pledges/s: 256 operators back to back on 8 desks (closed model, no think time).
run stage-saturation --scenarios stage --operators 256 --desks 8 --duration 20s --warmup 30s --with-baselines
# Acknowledgement latency at a fixed 2,000 donations/s (open model: latency from the scheduled send).
run online-2000 --scenarios online --online-rate 2000 --duration 20s --warmup 30s --with-baselines
# Pledge-to-screen (2 big screens) and pledge-to-phone with 5,000 phone viewers while donations flow at 1,000/s.
run viewers-5000 --scenarios online,viewers --online-rate 1000 --viewers 5000 --duration 20s --warmup 30s --max-screen-p99-ms 300
# The charity-night profile: quiet start, big-donor surge, tiers coming down, long online tail.
run night --scenarios night --night-duration 40s --night-stage-rate 800 --night-online-rate 600 --night-viewers 1000 --warmup 30s --with-baselines
# A node started cold straight into a full stage (no warm-up): how long until it reaches full speed.
run cold-start --scenarios stage --operators 256 --desks 8 --duration 60s --warmup 0s
