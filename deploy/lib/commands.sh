# The commands of deploy/local-cluster.sh. Sourced; the state variables come from load_state (or up).

cmd_up() {
  require_tools
  [[ "$want_nodes" =~ ^[1-9][0-9]?$ ]] || die "--nodes must be 1 to 99"
  [ ! -f "$STATE" ] || die "a cluster is already up in $DIR: $0 down --dir $DIR first"
  if [ -n "$build_from" ]; then
    build_from=$(realpath "$build_from")
    [ -f "$build_from/CharityDay.Server.dll" ] || die "--build $build_from holds no CharityDay.Server.dll (a dotnet publish folder)"
  fi
  CREATED_DIR=no
  if [ ! -d "$DIR" ]; then mkdir -p "$DIR"; CREATED_DIR=yes; fi
  [ -z "$(ls -A "$DIR")" ] || die "$DIR is not empty: name a new or empty folder with --dir"
  # The postgres user must reach DIR/pg, nothing more: traverse, not list (see init_postgres).
  chmod 711 "$DIR"
  CLUSTER_DIR=$DIR NODES=$want_nodes ADMIN_KEY=$(random_hex 24)
  pick_ports $((5 + 3 * NODES))
  PG_PORT=${PORTS[0]} REDIS_PORT=${PORTS[1]} HAPROXY_PORT=${PORTS[2]} HAPROXY_STATS_PORT=${PORTS[3]}
  STANDIN_PORT=${PORTS[$((4 + 3 * NODES))]}
  BALANCER_URL="http://127.0.0.1:$HAPROXY_PORT"
  local n
  for ((n = 1; n <= NODES; n++)); do
    printf -v "NODE_${n}_PORT" '%s' "${PORTS[$((1 + 3 * n))]}"
    printf -v "NODE_${n}_SILO_PORT" '%s' "${PORTS[$((2 + 3 * n))]}"
    printf -v "NODE_${n}_GATEWAY_PORT" '%s' "${PORTS[$((3 + 3 * n))]}"
  done
  save_state
  # From here on a failure (or Ctrl+C) takes down whatever was started.
  trap 'up_failed' EXIT
  trap 'exit 130' INT TERM

  if [ -n "$build_from" ]; then
    BUILD_DIR=$build_from BUILD_OWNED=no
  else
    BUILD_DIR="$DIR/build" BUILD_OWNED=yes
    say "publishing the server (dotnet publish -c Release, a minute or two; log in $DIR/publish.log) …"
    dotnet publish "$repo/src/CharityDay.Server" -c Release -o "$BUILD_DIR" -nologo -nodeReuse:false >"$DIR/publish.log" 2>&1 \
      || { tail_log "$DIR/publish.log" 30; false; }
  fi
  save_state

  init_postgres; start_postgres; save_state
  create_database
  init_redis; start_redis; save_state
  init_wechatpay
  say "starting $NODES node(s) from $BUILD_DIR …"
  for ((n = 1; n <= NODES; n++)); do init_node "$n"; start_node "$n"; done
  save_state
  wait_nodes $(seq 1 "$NODES")
  render_haproxy; start_haproxy; save_state
  wait_balancer
  # Codes are stored hashed and shown only when made: a fresh cluster's demo desks get new ones here.
  local desk desks=()
  for desk in $(curl -fsS -m 10 -H "Authorization: Bearer $ADMIN_KEY" "$BALANCER_URL/api/events/demo/desks" | jq -r '.[].deskId'); do
    desks+=("$desk=$(curl -fsS -m 10 -X POST -H "Authorization: Bearer $ADMIN_KEY" "$BALANCER_URL/api/events/demo/desks/$desk/code" | jq -r .accessCode)")
  done
  DEMO_DESKS="${desks[*]}"
  save_state
  trap - EXIT INT TERM

  say "up: $NODES node(s) behind $BALANCER_URL (state in $STATE)"
  echo "balancer:   $BALANCER_URL"
  echo "big screen: $BALANCER_URL/screen/demo   operators: $BALANCER_URL/operator   admin: $BALANCER_URL/admin"
  echo "admin key:  $ADMIN_KEY"
  echo "demo desks: $DEMO_DESKS"
  for ((n = 1; n <= NODES; n++)); do
    local url_var="NODE_${n}_URL" pid_var="NODE_${n}_PID"
    echo "node $n:     ${!url_var} (pid ${!pid_var})"
  done
  echo "HAProxy stats: http://127.0.0.1:$HAPROXY_STATS_PORT/"
  echo "stop it all: $0 down --dir $DIR"
}

up_failed() {
  local status=$?
  say "up failed (exit $status): stopping what was started and removing $DIR …"
  cmd_down >/dev/null 2>&1 || true
  exit "$status"
}

# Until HAProxy has seen a node pass its checks (rise 2) and passes a request through.
wait_balancer() {
  local started=$SECONDS code
  say "waiting for the balancer …"
  until [ "$(http_status "$BALANCER_URL/health/ready")" = 200 ]; do
    alive "$HAPROXY_PID" haproxy || { tail_log "$DIR/haproxy/haproxy.log"; return 1; }
    code=$(http_status "$BALANCER_URL/health/ready")
    [ $((SECONDS - started)) -lt 30 ] || { say "the balancer answers $code after 30 s"; tail_log "$DIR/haproxy/haproxy.log"; return 1; }
    sleep 0.5
  done
}

cmd_status() {
  local n state
  echo "cluster in $DIR: $NODES node(s), balancer $BALANCER_URL"
  row() { printf '  %-9s pid %-8s %-6s %s\n' "$1" "${2:--}" "$(alive "$2" "$3" && echo alive || echo DEAD)" "$4"; }
  row postgres "$PG_PID" postgres "127.0.0.1:$PG_PORT"
  row redis "$REDIS_PID" redis-server "127.0.0.1:$REDIS_PORT"
  row haproxy "$HAPROXY_PID" haproxy "127.0.0.1:$HAPROXY_PORT (stats 127.0.0.1:$HAPROXY_STATS_PORT)"
  local stats
  stats=$(curl -s -m 2 "http://127.0.0.1:$HAPROXY_STATS_PORT/;csv" 2>/dev/null || true)
  for ((n = 1; n <= NODES; n++)); do
    local port_var="NODE_${n}_PORT" pid_var="NODE_${n}_PID" url_var="NODE_${n}_URL"
    local silo_var="NODE_${n}_SILO_PORT" gateway_var="NODE_${n}_GATEWAY_PORT"
    state=$(awk -F, -v s="node$n" '$1 == "nodes" && $2 == s { print $18 }' <<<"$stats")
    row "node $n" "${!pid_var}" CharityDay.Server.dll \
      "127.0.0.1:${!port_var} silo ${!silo_var} gateway ${!gateway_var}  live $(http_status "${!url_var}/health/live") ready $(http_status "${!url_var}/health/ready")  balancer ${state:-?}"
  done
}

cmd_kill_node() {
  local n=$1 pid_var="NODE_$1_PID"
  [ "$n" -ge 1 ] && [ "$n" -le "$NODES" ] || die "no node $n (nodes 1 to $NODES)"
  alive "${!pid_var}" CharityDay.Server.dll || { say "node $n (pid ${!pid_var}) is not running"; return 0; }
  signal_and_wait "${!pid_var}" CharityDay.Server.dll KILL 10 || die "node $n (pid ${!pid_var}) survived SIGKILL"
  say "node $n (pid ${!pid_var}) killed with SIGKILL"
}

cmd_restart_node() {
  local n=$1 pid_var="NODE_$1_PID"
  [ "$n" -ge 1 ] && [ "$n" -le "$NODES" ] || die "no node $n (nodes 1 to $NODES)"
  if alive "${!pid_var}" CharityDay.Server.dll; then
    say "stopping node $n (SIGTERM to pid ${!pid_var}; it drains first) …"
    stop_node "$n"
  fi
  start_node "$n"
  save_state
  say "node $n started again (pid ${!pid_var})"
  if [ "$wait_ready" = yes ]; then wait_nodes "$n"; else wait_for=live wait_nodes "$n"; fi
}

cmd_stop_redis() {
  alive "$REDIS_PID" redis-server || { say "Redis (pid $REDIS_PID) is not running"; return 0; }
  stop_pid "$REDIS_PID" redis-server 10
  say "Redis (pid $REDIS_PID) stopped"
}

cmd_start_redis() {
  alive "$REDIS_PID" redis-server && { say "Redis is already running (pid $REDIS_PID)"; return 0; }
  start_redis
  save_state
  say "Redis started again on 127.0.0.1:$REDIS_PORT (pid $REDIS_PID), with its data"
}

cmd_restart_postgres() {
  say "restarting PostgreSQL (fast: open connections are cut) …"
  stop_postgres
  start_postgres
  save_state
  say "PostgreSQL is back on 127.0.0.1:$PG_PORT (pid $PG_PID)"
}

cmd_down() {
  local n
  [ -z "${HAPROXY_PID:-}" ] || stop_pid "$HAPROXY_PID" haproxy 5
  local node_pids=()
  for ((n = 1; n <= ${NODES:-0}; n++)); do
    local pid_var="NODE_${n}_PID"
    [ -z "${!pid_var:-}" ] || node_pids+=("${!pid_var}")
  done
  # Longer than the drain plus Orleans' own shutdown, for all nodes at once.
  [ ${#node_pids[@]} -eq 0 ] || stop_pids_together CharityDay.Server.dll 30 "${node_pids[@]}"
  [ -z "${REDIS_PID:-}" ] || stop_pid "$REDIS_PID" redis-server 10
  [ -z "${PG_DATA:-}" ] || stop_postgres
  for ((n = 1; n <= ${NODES:-0}; n++)); do rm -rf "$DIR/node-$n"; done
  rm -rf "$DIR/redis" "$DIR/haproxy" "$DIR/wechatpay" "$DIR/publish.log"
  [ -z "${PG_ROOT:-}" ] || rm -rf "$PG_ROOT"
  [ "${BUILD_OWNED:-}" != yes ] || rm -rf "$BUILD_DIR"
  rm -f "$STATE" "$STATE.tmp"
  if [ "${CREATED_DIR:-}" = yes ]; then rmdir "$DIR" 2>/dev/null || say "left $DIR: it holds files the cluster did not make"; fi
  say "down: every process stopped, $DIR cleaned up"
}
