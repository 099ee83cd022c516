# Sourced by ./planner: `./planner cluster [start|stop|status]` and the failover bench.
# One machine, the demo layout of README "Cluster": a PostgreSQL 15 primary and one streaming replica
# (pg_basebackup -R), two service processes and HAProxy in front, health-checked on /q/health/ready.
# Everything lives in $CL_DIR (default .data/cluster) and on its own ports, so it runs beside ./planner run.

CL_DIR="${PP_CLUSTER_DIR:-$ROOT/.data/cluster}"
CL_PRIMARY_PORT="${PP_CLUSTER_PRIMARY_PORT:-55442}"
CL_REPLICA_PORT="${PP_CLUSTER_REPLICA_PORT:-55443}"
CL_SERVICE_PORTS="${PP_CLUSTER_SERVICE_PORTS:-8091 8092}"
CL_DB="${PP_CLUSTER_DB:-patrol}"
CL_HEAP="${PP_CLUSTER_HEAP:-512m}"
CL_LEASE="${PP_CLUSTER_JOB_LEASE:-15}"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cl_front_port() {
  # The issue's demo layout has HAProxy on :8080; when something else (./planner run) holds 8080, use 8090.
  if [ -n "${PP_CLUSTER_HTTP_PORT:-}" ]; then echo "$PP_CLUSTER_HTTP_PORT"; return; fi
  if [ -f "$CL_DIR/front.port" ]; then cat "$CL_DIR/front.port"; return; fi
  if port_busy 8080; then echo 8090; else echo 8080; fi
}

cl_pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$1" >/dev/null 2>&1; }
cl_psql() { local port="$1"; shift; psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }

cl_own() {
  if is_root; then
    chown -R postgres:postgres "$1"
    local d="$1"; while d="$(dirname "$d")"; [ "$d" != / ]; do chmod o+x "$d" 2>/dev/null || true; done
  fi
}

cl_start_primary() {
  local dir="$CL_DIR/primary"
  if [ ! -f "$dir/PG_VERSION" ]; then
    say "cluster: initialising the primary in $dir (port $CL_PRIMARY_PORT)"
    mkdir -p "$dir"; cl_own "$CL_DIR"; chmod 700 "$dir"
    as_pg "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $CL_PRIMARY_PORT
unix_socket_directories = ''
max_connections = 150
shared_buffers = 128MB
wal_level = replica
max_wal_senders = 5
wal_keep_size = 512MB
hot_standby = on
hot_standby_feedback = on
CONF
  fi
  touch "$CL_DIR/primary.log"; cl_own "$CL_DIR/primary.log"
  if ! cl_pg_ready "$CL_PRIMARY_PORT"; then
    say "cluster: starting the primary on 127.0.0.1:$CL_PRIMARY_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$CL_DIR/primary.log" -w -t 60 start >/dev/null
  fi
  if ! cl_psql "$CL_PRIMARY_PORT" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$CL_DB'" | grep -q 1; then
    cl_psql "$CL_PRIMARY_PORT" -d postgres -c "CREATE DATABASE \"$CL_DB\"" >/dev/null
  fi
  cl_psql "$CL_PRIMARY_PORT" -d "$CL_DB" -c "CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pg_trgm;" >/dev/null
}

cl_start_replica() {
  local dir="$CL_DIR/replica"
  if [ ! -f "$dir/PG_VERSION" ]; then
    say "cluster: making the streaming replica with pg_basebackup -R into $dir (port $CL_REPLICA_PORT)"
    mkdir -p "$dir"; cl_own "$CL_DIR"; chmod 700 "$dir"
    as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$CL_PRIMARY_PORT" -U postgres -D "$dir" -R -X stream -c fast
    echo "port = $CL_REPLICA_PORT" >> "$dir/postgresql.auto.conf"
  fi
  touch "$CL_DIR/replica.log"; cl_own "$CL_DIR/replica.log"
  if ! cl_pg_ready "$CL_REPLICA_PORT"; then
    say "cluster: starting the replica on 127.0.0.1:$CL_REPLICA_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$CL_DIR/replica.log" -w -t 60 start >/dev/null
  fi
}

cl_pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

cl_wait_ready() {
  local port="$1" i
  for i in $(seq 1 240); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then return 0; fi
    sleep 1
  done
  return 1
}

# cl_start_service N PORT: service process N (node name svcN) on PORT; the first one loads the demo
cl_start_service() {
  local n="$1" port="$2" pidf="$CL_DIR/svc$1.pid"
  if cl_pid_alive "$pidf"; then return 0; fi
  port_busy "$port" && die "cluster: port $port is taken (PP_CLUSTER_SERVICE_PORTS names others)"
  say "cluster: service svc$n on 127.0.0.1:$port (log $CL_DIR/svc$n.log)"
  local demo=false; [ "$n" = 1 ] && demo=true
  # setsid: Ctrl-C of the caller does not reach the service; the pid written is java's own (sh execs into it)
  (cd "$ROOT" && setsid sh -c 'echo $$ > "$0"; exec "$@"' "$pidf" nohup java -Xmx"$CL_HEAP" $JVM_BOUNDS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
      -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$CL_PRIMARY_PORT/$CL_DB" \
      -Dquarkus.datasource.replica.active=true \
      -Dquarkus.datasource.replica.jdbc.url="jdbc:postgresql://127.0.0.1:$CL_REPLICA_PORT/$CL_DB" \
      -Dpatrol.node.name="svc$n@$(hostname)" -Dpatrol.jobs.lease-seconds="$CL_LEASE" \
      -Dpatrol.jobs.heartbeat-seconds="${PP_CLUSTER_JOB_HEARTBEAT:-3}" \
      -Dpatrol.demo.load="$demo" -Dpatrol.seed.demo-users=true \
      -jar "$CL_DIR/app/quarkus-run.jar" > "$CL_DIR/svc$n.log" 2>&1 < /dev/null &)
  local i; for i in $(seq 1 50); do [ -s "$pidf" ] && break; sleep 0.1; done
}

cl_haproxy_cfg() {
  local front="$1" i=0 p
  cat <<CFG
# written by ./planner cluster
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout queue 10s
    # A request whose server died under it is sent to the other one: connection refused, or an empty answer.
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response junk-response 503
frontend patrol
    bind 127.0.0.1:$front
    default_backend services
backend services
    balance roundrobin
    option httpchk GET /q/health/ready
    http-check expect status 200
    # Only reads are re-sent (and writes that carry an Idempotency-Key, which the service answers once).
    http-request disable-l7-retry if !METH_GET !METH_HEAD !{ req.hdr(Idempotency-Key) -m found }
CFG
  for p in $CL_SERVICE_PORTS; do
    i=$((i + 1))
    echo "    server svc$i 127.0.0.1:$p check inter 1s fall 2 rise 2"
  done
}

cl_start_haproxy() {
  command -v haproxy >/dev/null 2>&1 || apt_install haproxy
  if cl_pid_alive "$CL_DIR/haproxy.pid"; then return 0; fi
  local front; front="$(cl_front_port)"
  port_busy "$front" && die "cluster: port $front is taken (PP_CLUSTER_HTTP_PORT names another)"
  echo "$front" > "$CL_DIR/front.port"
  cl_haproxy_cfg "$front" > "$CL_DIR/haproxy.cfg"
  haproxy -c -q -f "$CL_DIR/haproxy.cfg" || die "cluster: HAProxy refuses $CL_DIR/haproxy.cfg"
  haproxy -D -f "$CL_DIR/haproxy.cfg" -p "$CL_DIR/haproxy.pid"
  say "cluster: HAProxy on http://127.0.0.1:$front → ${CL_SERVICE_PORTS// /, } (health /q/health/ready)"
}

cluster_start() {
  ensure_tools; ensure_postgis_installed; ensure_ui_deps; build_if_needed
  mkdir -p "$CL_DIR"
  # the services run a copy of the build, so that a rebuild of the tree does not pull the jar from under them
  if ! ls "$CL_DIR"/svc*.pid >/dev/null 2>&1 || ! cl_pid_alive "$CL_DIR/svc1.pid"; then
    rm -rf "$CL_DIR/app"; cp -a "$ROOT/target/quarkus-app" "$CL_DIR/app"
  fi
  cl_start_primary
  cl_start_replica
  local n=0 p
  for p in $CL_SERVICE_PORTS; do
    n=$((n + 1))
    cl_start_service "$n" "$p"
    # the first one migrates the schema and loads the demo before the others start
    if [ "$n" = 1 ]; then cl_wait_ready "$p" || die "cluster: svc1 did not become ready (see $CL_DIR/svc1.log)"; fi
  done
  n=0
  for p in $CL_SERVICE_PORTS; do
    n=$((n + 1)); cl_wait_ready "$p" || die "cluster: svc$n did not become ready (see $CL_DIR/svc$n.log)"
  done
  cl_start_haproxy
  cluster_status
}

cluster_status() {
  local n=0 p front
  front="$(cl_front_port)"
  printf 'primary  127.0.0.1:%s  %s\n' "$CL_PRIMARY_PORT" "$(cl_pg_ready "$CL_PRIMARY_PORT" && echo up || echo down)"
  printf 'replica  127.0.0.1:%s  %s' "$CL_REPLICA_PORT" "$(cl_pg_ready "$CL_REPLICA_PORT" && echo up || echo down)"
  if cl_pg_ready "$CL_PRIMARY_PORT"; then
    printf '  (%s)' "$(cl_psql "$CL_PRIMARY_PORT" -d postgres -tAc "SELECT state || ', replay lag ' ||
      coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0) || ' bytes' FROM pg_stat_replication LIMIT 1" 2>/dev/null || true)"
  fi
  echo
  for p in $CL_SERVICE_PORTS; do
    n=$((n + 1))
    printf 'svc%s     127.0.0.1:%s  %s\n' "$n" "$p" \
      "$(cl_pid_alive "$CL_DIR/svc$n.pid" && echo "pid $(cat "$CL_DIR/svc$n.pid"), $(curl -s -o /dev/null -w 'ready %{http_code}' "http://127.0.0.1:$p/q/health/ready")" || echo down)"
  done
  printf 'haproxy  http://127.0.0.1:%s  %s\n' "$front" "$(cl_pid_alive "$CL_DIR/haproxy.pid" && echo "pid $(cat "$CL_DIR/haproxy.pid")" || echo down)"
}

cl_kill_pidfile() {
  local f="$1" pid i
  [ -f "$f" ] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

cluster_stop() {
  [ -d "$CL_DIR" ] || { say "cluster: nothing to stop"; return 0; }
  cl_kill_pidfile "$CL_DIR/haproxy.pid"
  local f
  for f in "$CL_DIR"/svc*.pid; do [ -e "$f" ] && cl_kill_pidfile "$f"; done
  for f in replica primary; do
    if [ -f "$CL_DIR/$f/postmaster.pid" ]; then as_pg "$PG_BIN/pg_ctl" -D "$CL_DIR/$f" -m fast -w stop >/dev/null || true; fi
  done
  rm -f "$CL_DIR/front.port"
  say "cluster: stopped (data kept in $CL_DIR; delete the folder to start afresh)"
}
