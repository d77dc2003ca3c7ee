#!/usr/bin/env bash
# A whole Charity Day cluster on this machine, for tests and rehearsals: a private PostgreSQL and
# Redis, N nodes of one published build, HAProxy in front. Everything listens on 127.0.0.1 only, on
# free ports, and lives in one folder; `down` stops what `up` started (by PID) and removes it.
#
#   deploy/local-cluster.sh up [--nodes 3] [--dir DIR] [--build PUBLISH_DIR] [--ports 24000-28999]
#   deploy/local-cluster.sh status          [--dir DIR]
#   deploy/local-cluster.sh kill-node N     [--dir DIR]   SIGKILL node N
#   deploy/local-cluster.sh restart-node N  [--dir DIR] [--no-wait]   SIGTERM, wait, start on the same ports
#   deploy/local-cluster.sh stop-redis      [--dir DIR]
#   deploy/local-cluster.sh start-redis     [--dir DIR]   same port, same data (append-only file)
#   deploy/local-cluster.sh restart-postgres [--dir DIR]  fast restart: every connection is cut
#   deploy/local-cluster.sh down            [--dir DIR]
#
# DIR defaults to $CHARITYDAY_CLUSTER_DIR or /tmp/charityday-cluster. `up` publishes the server
# (dotnet publish -c Release) into DIR/build unless --build names a publish folder. The state (PIDs,
# ports, URLs, the generated admin key and passwords) is in DIR/cluster.env, readable by its owner only,
# as KEY='value' lines: `source` it, or read it with CharityDay.Testing's LocalCluster.
set -euo pipefail
umask 077

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for part in common services payments commands; do
  # shellcheck source=/dev/null
  . "$repo/deploy/lib/$part.sh"
done

command=${1:-}
[ -n "$command" ] || usage
shift
node_arg=
if [ "$command" = kill-node ] || [ "$command" = restart-node ]; then
  node_arg=${1:-}
  [[ "$node_arg" =~ ^[0-9]+$ ]] || die "$command needs a node number, e.g. $command 2"
  shift
fi

DIR=${CHARITYDAY_CLUSTER_DIR:-/tmp/charityday-cluster}
want_nodes=3
build_from=
port_range=24000-28999
wait_ready=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR=${2:?--dir needs a folder}; shift 2 ;;
    --nodes) want_nodes=${2:?--nodes needs a number}; shift 2 ;;
    --build) build_from=${2:?--build needs a publish folder}; shift 2 ;;
    --ports) port_range=${2:?--ports needs FROM-TO}; shift 2 ;;
    --no-wait) wait_ready=no; shift ;;
    -h|--help) usage ;;
    *) die "unknown option $1 (see the top of $0)" ;;
  esac
done
[[ "$DIR" =~ ^[A-Za-z0-9_./-]+$ ]] || die "--dir must be a plain path (letters, digits, _ . / -): $DIR"
DIR=$(realpath -m "$DIR")
STATE="$DIR/cluster.env"

case "$command" in
  up) cmd_up ;;
  status) load_state; cmd_status ;;
  kill-node) load_state; cmd_kill_node "$node_arg" ;;
  restart-node) load_state; cmd_restart_node "$node_arg" ;;
  stop-redis) load_state; cmd_stop_redis ;;
  start-redis) load_state; cmd_start_redis ;;
  restart-postgres) load_state; cmd_restart_postgres ;;
  down) load_state; cmd_down ;;
  *) die "unknown command '$command' (up, status, kill-node N, restart-node N, stop-redis, start-redis, restart-postgres, down)" ;;
esac
