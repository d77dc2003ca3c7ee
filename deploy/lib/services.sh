# Starting the cluster's processes: PostgreSQL, Redis, HAProxy and the nodes. Sourced by
# deploy/local-cluster.sh; each start records the PID in the shell's state variables (save_state writes them).

# --- PostgreSQL: Debian's binaries, a cluster of our own in DIR/pg, TCP on loopback only (no Unix socket).

init_postgres() {
  # As root the server runs as postgres, which must reach its folder: when a parent of DIR is private
  # (mode 700, like a test's temp folder), the PostgreSQL folder goes to a temp folder of its own.
  PG_ROOT="$DIR/pg"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$DIR"; then
    PG_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/charityday-pg.XXXXXX")
    chmod 700 "$PG_ROOT"
  fi
  PG_DATA="$PG_ROOT/data"
  PG_PASSWORD=$(random_hex 16)
  save_state
  mkdir -p "$PG_ROOT"
  [ "$(id -u)" != 0 ] || chown postgres "$PG_ROOT"
  local pwfile="$PG_ROOT/pwfile"
  printf '%s\n' "$PG_PASSWORD" >"$pwfile"
  [ "$(id -u)" != 0 ] || chown postgres "$pwfile"
  if ! as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" --auth-local=peer --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$PG_ROOT/initdb.log" 2>&1; then
    rm -f "$pwfile"; tail_log "$PG_ROOT/initdb.log"; return 1
  fi
  rm -f "$pwfile"
  POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=charityday"
}

start_postgres() {
  say "starting PostgreSQL on 127.0.0.1:$PG_PORT …"
  port_in_use "$PG_PORT" && die "port $PG_PORT (PostgreSQL) is taken by another program"
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_ROOT/postgres.log" -w -t 60 -o \
    "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories='' -c max_connections=300" start >/dev/null; then
    tail_log "$PG_ROOT/postgres.log"; return 1
  fi
  PG_PID=$(head -n 1 "$PG_DATA/postmaster.pid")
}

create_database() {
  PGPASSWORD=$PG_PASSWORD "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c 'CREATE DATABASE charityday' >/dev/null
}

stop_postgres() {
  if [ -f "$PG_DATA/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  stop_pid "${PG_PID:-}" postgres 10
}

# --- Redis: Debian's redis-server, not daemonized, a password, and its data kept in an append-only file:
# it holds the cluster's membership, and an empty Redis after start-redis would let a restarted node
# start a second cluster beside the running one (and the running nodes find themselves missing).

init_redis() {
  REDIS_PASSWORD=$(random_hex 16)
  REDIS="127.0.0.1:$REDIS_PORT,abortConnect=false,password=$REDIS_PASSWORD"
  mkdir -p "$DIR/redis"
  cat >"$DIR/redis/redis.conf" <<EOF
bind 127.0.0.1
port $REDIS_PORT
protected-mode yes
daemonize no
save ""
appendonly yes
appendfsync always
dir $DIR/redis
logfile $DIR/redis/redis.log
requirepass $REDIS_PASSWORD
EOF
}

start_redis() {
  say "starting Redis on 127.0.0.1:$REDIS_PORT …"
  port_in_use "$REDIS_PORT" && die "port $REDIS_PORT (Redis) is taken by another program"
  setsid redis-server "$DIR/redis/redis.conf" </dev/null >>"$DIR/redis/redis.out" 2>&1 &
  REDIS_PID=$!
  wait_exec "$REDIS_PID" redis-server
  local waited=0
  until [ "$(REDISCLI_AUTH=$REDIS_PASSWORD redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; do
    alive "$REDIS_PID" redis-server || { tail_log "$DIR/redis/redis.log"; tail_log "$DIR/redis/redis.out"; return 1; }
    [ $waited -lt 200 ] || { say "Redis did not answer in 20 s"; tail_log "$DIR/redis/redis.log"; return 1; }
    sleep 0.1; waited=$((waited + 1))
  done
}

# --- HAProxy: deploy/haproxy.cfg with the @…@ parts filled in, in the foreground (-db) in the background.

render_haproxy() {
  local n ready='' backups='' checks=''
  for ((n = 1; n <= NODES; n++)); do
    local port_var="NODE_${n}_PORT"
    ready+="    server node$n 127.0.0.1:${!port_var} check"$'\n'
    backups+="    server node$n-live 127.0.0.1:${!port_var} backup track liveness/node$n"$'\n'
    checks+="    server node$n 127.0.0.1:${!port_var} check"$'\n'
  done
  mkdir -p "$DIR/haproxy"
  awk -v port="$HAPROXY_PORT" -v stats="$HAPROXY_STATS_PORT" -v ready="$ready" -v backups="$backups" -v checks="$checks" '
    /@READY_SERVERS@/ { printf "%s", ready; next }
    /@LIVE_BACKUPS@/ { printf "%s", backups; next }
    /@LIVE_CHECKS@/ { printf "%s", checks; next }
    { gsub(/@BALANCER_PORT@/, port); gsub(/@STATS_PORT@/, stats); print }
  ' "$repo/deploy/haproxy.cfg" >"$DIR/haproxy/haproxy.cfg"
  haproxy -c -q -f "$DIR/haproxy/haproxy.cfg" || die "HAProxy refuses $DIR/haproxy/haproxy.cfg (see above)"
}

start_haproxy() {
  say "starting HAProxy on 127.0.0.1:$HAPROXY_PORT (stats on 127.0.0.1:$HAPROXY_STATS_PORT) …"
  port_in_use "$HAPROXY_PORT" && die "port $HAPROXY_PORT (balancer) is taken by another program"
  setsid haproxy -db -f "$DIR/haproxy/haproxy.cfg" </dev/null >>"$DIR/haproxy/haproxy.log" 2>&1 &
  HAPROXY_PID=$!
  wait_exec "$HAPROXY_PID" haproxy
}

# --- Nodes: one published build, a folder each (settings file, data, log), started with the settings as
# environment variables, the way deploy/charityday-node.service starts one.

init_node() {
  local n=$1 dir="$DIR/node-$1"
  printf -v "NODE_${n}_DIR" '%s' "$dir"
  local port_var="NODE_${n}_PORT" silo_var="NODE_${n}_SILO_PORT" gateway_var="NODE_${n}_GATEWAY_PORT"
  printf -v "NODE_${n}_URL" 'http://127.0.0.1:%s' "${!port_var}"
  mkdir -p "$dir/data"
  cat >"$dir/node.env" <<EOF
# Settings of node $n (see deploy/README.md); secrets: readable by the owner only.
ASPNETCORE_ENVIRONMENT=Production
ASPNETCORE_URLS=http://127.0.0.1:${!port_var}
ConnectionStrings__Postgres='$POSTGRES'
ConnectionStrings__Redis='$REDIS'
Orleans__AdvertisedIPAddress=127.0.0.1
Orleans__SiloPort=${!silo_var}
Orleans__GatewayPort=${!gateway_var}
Orleans__ClusterId=charityday-local
Orleans__ServiceId=charityday
CharityDay__AdminKey=$ADMIN_KEY
CharityDay__SeedDemoEvent=true
CharityDay__DataDirectory=$dir/data
CharityDay__TrustedProxies__0=127.0.0.1
# Every client of a local cluster (the load harness, a rehearsal's browsers) is this machine: the
# per-address abuse limits would stop the harness, so loopback is exempt here (never on a real node).
CharityDay__RateLimits__ExemptNetworks__0=127.0.0.0/8
CharityDay__ShutdownDrain=00:00:03
EOF
  wechatpay_node_env >>"$dir/node.env"
}

start_node() {
  local n=$1 dir="$DIR/node-$1" port_var="NODE_$1_PORT" silo_var="NODE_$1_SILO_PORT" gateway_var="NODE_$1_GATEWAY_PORT" p
  for p in "${!port_var}" "${!silo_var}" "${!gateway_var}"; do
    # A node just killed may hold its listening sockets a moment after its process is gone.
    local waited=0
    while port_in_use "$p" && [ $waited -lt 50 ]; do sleep 0.1; waited=$((waited + 1)); done
    port_in_use "$p" && die "port $p of node $n is taken by another program"
  done
  (
    cd "$dir"
    set -a; . ./node.env; set +a
    exec setsid dotnet "$BUILD_DIR/CharityDay.Server.dll"
  ) </dev/null >>"$dir/node.log" 2>&1 &
  printf -v "NODE_${n}_PID" '%s' "$!"
  wait_exec "$!" CharityDay.Server.dll
}

# Waits until every node named in $@ answers GET /health/ready with 200 ($wait_for=live: /health/live).
wait_nodes() {
  local n waiting=("$@") started=$SECONDS still code path=/health/${wait_for:-ready}
  while [ ${#waiting[@]} -gt 0 ]; do
    still=()
    for n in "${waiting[@]}"; do
      local url_var="NODE_${n}_URL" pid_var="NODE_${n}_PID"
      code=$(http_status "${!url_var}$path")
      [ "$code" = 200 ] && { say "  node $n ready (${!url_var})"; continue; }
      alive "${!pid_var}" CharityDay.Server.dll || { say "node $n exited while starting"; tail_log "$DIR/node-$n/node.log" 40; return 1; }
      still+=("$n")
    done
    waiting=("${still[@]}")
    [ ${#waiting[@]} -gt 0 ] || break
    if [ $((SECONDS - started)) -ge "${NODE_START_TIMEOUT:-180}" ]; then
      say "node(s) ${waiting[*]} not ready after $((SECONDS - started)) s"
      for n in "${waiting[@]}"; do tail_log "$DIR/node-$n/node.log" 40; done
      return 1
    fi
    [ $(((SECONDS - started) % 5)) -ne 0 ] || say "  waiting for node(s) ${waiting[*]} ($path: $code, $((SECONDS - started)) s) …"
    sleep 1
  done
}

stop_node() {
  local pid_var="NODE_$1_PID"
  # Longer than the 3 s drain plus Orleans' own shutdown.
  stop_pid "${!pid_var:-}" CharityDay.Server.dll 30
}
