# Shared by deploy/local-cluster.sh: messages, what must be installed, free ports, the state file,
# processes by PID. Sourced, not run.

say() { printf 'local-cluster: %s\n' "$*"; }
die() { printf 'local-cluster: error: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/p' "$repo/deploy/local-cluster.sh" | sed '$d; s/^# \{0,1\}//'; exit 2; }

# Debian packages (and other tools) the cluster needs: stops with the exact install line when one is missing.
require_tools() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
  command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v jq >/dev/null 2>&1 || missing+=(jq)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v ss >/dev/null 2>&1 || missing+=(iproute2)
  command -v setsid >/dev/null 2>&1 || missing+=(util-linux)
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=; [ "$(id -u)" = 0 ] || sudo='sudo '
    die "missing Debian packages: ${missing[*]}; install them with: ${sudo}apt-get install -y ${missing[*]}"
  fi
  command -v dotnet >/dev/null 2>&1 || die "missing the .NET 10 SDK or runtime (dotnet): see https://learn.microsoft.com/dotnet/core/install/linux-debian"
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

# Runs a PostgreSQL program as the postgres user when we are root (it refuses to run as root).
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

# Sets PORTS to $1 distinct ports of $port_range that no socket uses now (listening or not), starting
# at a random place in the range so two clusters started together rarely race for the same ones.
pick_ports() {
  local count=$1 from=${port_range%-*} to=${port_range#*-} used port span tries=0
  [[ "$from" =~ ^[0-9]+$ && "$to" =~ ^[0-9]+$ && $from -lt $to ]] || die "--ports must be FROM-TO, e.g. 24000-28999"
  used=" $(ss -Htan | awk '{ n = split($4, a, ":"); print a[n] }' | sort -u | tr '\n' ' ') "
  span=$((to - from + 1))
  port=$((from + (RANDOM * 32768 + RANDOM) % span))
  PORTS=()
  while [ ${#PORTS[@]} -lt "$count" ]; do
    tries=$((tries + 1))
    [ $tries -le "$span" ] || die "not enough free ports in $port_range"
    if [[ "$used" != *" $port "* ]]; then PORTS+=("$port"); used+="$port "; fi
    port=$((port + 1)); [ $port -le "$to" ] || port=$from
  done
}

# Whether something listens on port $1 (connections in TIME_WAIT do not stop a restart from binding it).
port_in_use() { [ -n "$(ss -Htln "sport = :$1")" ]; }

# The state file: every variable named in state_keys, as KEY='value' lines (values never hold a quote).
state_keys() {
  echo CLUSTER_DIR CREATED_DIR NODES BUILD_DIR BUILD_OWNED PG_BIN PG_ROOT PG_DATA PG_PORT PG_PID PG_PASSWORD POSTGRES \
    REDIS_PORT REDIS_PID REDIS_PASSWORD REDIS HAPROXY_PORT HAPROXY_STATS_PORT HAPROXY_PID BALANCER_URL ADMIN_KEY DEMO_DESKS STANDIN_PORT
  local n
  for ((n = 1; n <= ${NODES:-0}; n++)); do
    echo "NODE_${n}_PORT NODE_${n}_SILO_PORT NODE_${n}_GATEWAY_PORT NODE_${n}_PID NODE_${n}_URL NODE_${n}_DIR"
  done
}

save_state() {
  local key
  {
    echo "# Charity Day local cluster (deploy/local-cluster.sh); holds secrets: do not share or commit."
    for key in $(state_keys); do printf "%s='%s'\n" "$key" "${!key:-}"; done
  } >"$STATE.tmp"
  mv "$STATE.tmp" "$STATE"
}

load_state() {
  [ -f "$STATE" ] || die "no cluster in $DIR (no $STATE): start one with: $0 up --dir $DIR"
  # shellcheck source=/dev/null
  . "$STATE"
}

# Whether PID runs and is the program we started (its command line holds $2): a PID reused by another
# program, or a zombie left by a kill, does not count.
alive() {
  local pid=$1 expect=$2 cmdline
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ "$cmdline" == *"$expect"* ]]
}

# Waits (up to 5 s) until PID $1, just started with `&`, runs program $2. Until the forked shell has
# called exec, /proc shows this script's own command line and alive would call a starting program dead.
# Returns at once when the process is gone or a zombie; alive says what it became.
wait_exec() {
  local pid=$1 expect=$2 waited=0 state
  until alive "$pid" "$expect" || [ $waited -ge 100 ]; do
    state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null) || return 0
    [ "$state" != Z ] || return 0
    sleep 0.05; waited=$((waited + 1))
  done
}

# Sends $3 (TERM or KILL) to PID $1 if it is still the program $2, then waits up to $4 seconds for it to go.
# Returns 1 if it is still there.
signal_and_wait() {
  local pid=$1 expect=$2 signal=$3 seconds=$4 waited=0
  alive "$pid" "$expect" || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  while alive "$pid" "$expect"; do
    [ $waited -lt $((seconds * 10)) ] || return 1
    sleep 0.1; waited=$((waited + 1))
    [ $((waited % 50)) -ne 0 ] || say "  … still waiting for pid $pid to exit ($((waited / 10)) s)"
  done
}

# Stops PID $1 (program $2): SIGTERM, and SIGKILL after $3 seconds.
stop_pid() {
  signal_and_wait "$1" "$2" TERM "$3" || { say "  pid $1 did not exit in $3 s: SIGKILL"; signal_and_wait "$1" "$2" KILL 10; }
}

# Stops the PIDs after $2 (all programs $1) together: SIGTERM to each, one wait of up to $3 seconds for
# all of them, then SIGKILL to those left.
stop_pids_together() {
  local expect=$1 seconds=$2 pid left waited=0
  shift 2
  for pid in "$@"; do alive "$pid" "$expect" && kill -TERM "$pid" 2>/dev/null; done
  while :; do
    left=()
    for pid in "$@"; do alive "$pid" "$expect" && left+=("$pid"); done
    [ ${#left[@]} -gt 0 ] || return 0
    [ $waited -lt $((seconds * 10)) ] || break
    sleep 0.1; waited=$((waited + 1))
    [ $((waited % 50)) -ne 0 ] || say "  … still waiting for pid(s) ${left[*]} to exit ($((waited / 10)) s)"
  done
  say "  pid(s) ${left[*]} did not exit in $seconds s: SIGKILL"
  for pid in "${left[@]}"; do signal_and_wait "$pid" "$expect" KILL 10 || true; done
}

# The HTTP status of GET $1 (000 when nothing answers).
http_status() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" 2>/dev/null || true; }

# The last lines of a log, to explain a failure.
tail_log() { [ -f "$1" ] && { echo "---- last lines of $1"; tail -n "${2:-25}" "$1"; echo "----"; } >&2 || true; }
