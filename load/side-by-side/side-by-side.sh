#!/usr/bin/env bash
# Issue 15: Janus's VideoCall plugin and OnCaller's README server (embedded PostgreSQL, demo project, built-in SCCO
# helper) driven by the same load shapes, cases interleaved (Janus, OnCaller, Janus, OnCaller, …) RUNS times, each
# case on a freshly started server, then a table of the ratios against the issue's targets. docs/performance.md,
# "Side by side with Janus (issue 15)", describes the method and every setting.
#
# usage: load/side-by-side/side-by-side.sh [results.jsonl]          (SMOKE=1 for a small end-to-end check)
#
# Needs: JDK 17+, Node 20 with npm, jcmd, Debian's janus, and the Janus harness (JANUS_HARNESS, by default
# ../shared/bench/janus beside the repository). Builds what it needs (SKIP_BUILD=1 to skip). Starts and stops only
# the processes it starts, by their PIDs. Everything listens on 127.0.0.1. Stops everything after MAX_MINUTES.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

if [ "${SMOKE:-0}" = 1 ]; then # tiny sizes: shows that every part works, not what the servers can do
  : "${RUNS:=1}" "${PAIRS:=20}" "${MANY_PAIRS:=100}" "${IDLE:=500}" "${IDLE_HOLD:=5}" "${DURATION:=5}" "${RATE:=10}"
  : "${CONCURRENCY:=5}" "${WARMUP:=3}" "${QUIET_WAIT:=0}" "${MAX_MINUTES:=20}"
fi
RUNS=${RUNS:-2}                 # rounds of all cases
PAIRS=${PAIRS:-1000}            # caller/callee pairs connected in the call cases (2 × PAIRS WebSockets)
MANY_PAIRS=${MANY_PAIRS:-5000}  # the flat-cost case: the same closed loop with this many pairs connected
IDLE=${IDLE:-10000}             # idle signed-in clients
IDLE_HOLD=${IDLE_HOLD:-30}      # seconds they are held (heart-beats / keepalives run)
DURATION=${DURATION:-20}        # seconds of each closed and open loop
RATE=${RATE:-50}                # open loop calls per second
CONCURRENCY=${CONCURRENCY:-50}  # closed loop calls in flight
WARMUP=${WARMUP:-60}            # seconds of closed loop on a fresh OnCaller JVM before a call case (not reported):
                                # with 500 pairs, enough cycles for the JIT to settle (docs/performance.md, "Warmed up")
QUIET_WAIT=${QUIET_WAIT:-120}   # at most this many seconds waited before each case for the box to be quiet
MAX_MINUTES=${MAX_MINUTES:-90}  # hard stop for the whole command
CASES=${CASES:-closed open idle many}
SERVER_PORT=${SERVER_PORT:-18150} PG_PORT=${PG_PORT:-54350} SIP_PORT=${SIP_PORT:-15150}
# The heap settings spring-boot:run gives the README server (server/pom.xml), so RSS per client matches it.
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--XX:MaxHeapFreeRatio=10 -XX:MinHeapFreeRatio=5}
JANUS_HARNESS=${JANUS_HARNESS:-$repo/../shared/bench/janus}
JANUS_PORT=8188                 # fixed in the harness's conf/

stamp=$(date -u +%Y%m%dT%H%M%SZ)
work=$repo/load/target/side-by-side/$stamp
out=${1:-$work/results.jsonl}
mkdir -p "$work" "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
say() { echo "side-by-side: $*" >&2; }

for tool in java jcmd node npm janus timeout; do
  command -v "$tool" >/dev/null || { say "$tool is missing (janus: apt-get install -y janus)"; exit 2; }
done
[ -f "$JANUS_HARNESS/bench.mjs" ] || { say "no Janus harness at $JANUS_HARNESS (set JANUS_HARNESS)"; exit 2; }
JANUS_HARNESS=$(cd "$JANUS_HARNESS" && pwd)
export JANUS_RUN=$work/janus-run # the harness's pid file and log go here, not to a place another session uses

# ---------- hard stop, and clean-up of what this command started (by PID only) ----------
server_pid='' server_dir='' child='' watchdog=''
stop_oncaller() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null
  for _ in $(seq 1 400); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$server_pid" 2>/dev/null && { say "server $server_pid still up after 40 s, KILL"; kill -KILL "$server_pid"; }
  wait "$server_pid" 2>/dev/null
  # its embedded PostgreSQL stops with it; if the JVM had to be killed, stop the postmaster it started
  local pm
  pm=$(head -1 "$server_dir/pgdata/postmaster.pid" 2>/dev/null)
  if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null && tr '\0' ' ' <"/proc/$pm/cmdline" | grep -q "$server_dir/pgdata"; then
    kill -TERM "$pm"
  fi
  server_pid=''
}
stop_janus() { [ -f "$JANUS_RUN/janus.pid" ] && "$JANUS_HARNESS/stop-janus.sh" >/dev/null; }
cleanup() {
  [ -n "$child" ] && kill -TERM "$child" 2>/dev/null
  stop_oncaller
  stop_janus
  [ -n "$watchdog" ] && kill -TERM "$watchdog" 2>/dev/null
}
trap cleanup EXIT
trap 'say "stopped (hard stop after $MAX_MINUTES min, or a signal)"; summary; exit 124' TERM INT
(
  trap 'kill "$s" 2>/dev/null; exit 0' TERM
  sleep $((MAX_MINUTES * 60)) & s=$!
  wait "$s" && kill -TERM $$ 2>/dev/null
) &
watchdog=$!

# A command bounded in time, in the background so that the hard stop interrupts the wait.
bounded() {
  local secs=$1; shift
  timeout "$secs" "$@" & child=$!
  wait "$child"; local rc=$?
  child=''
  return $rc
}

# ---------- build ----------
ulimit -n "$(ulimit -Hn)" 2>/dev/null
sockets=$(( IDLE > 2 * MANY_PAIRS ? IDLE : 2 * MANY_PAIRS )) # each side of the loopback holds one fd per client
[ "$(ulimit -n)" -ge $((sockets + 1000)) ] || say "warning: fd limit $(ulimit -n) is low for $sockets clients"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building the server and the SDK it serves (log: $work/build.log)"
  (cd "$repo" && ./mvnw -B -q -pl server -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$work/server.classpath" -Dmdep.includeScope=runtime) >"$work/build.log" 2>&1 \
    || { say "build failed, see $work/build.log"; exit 1; }
  (cd "$here" && npm ci --no-audit --no-fund --prefer-offline) >>"$work/build.log" 2>&1 || { say "npm ci failed"; exit 1; }
else
  (cd "$repo" && ./mvnw -B -q -pl server dependency:build-classpath -Dmdep.outputFile="$work/server.classpath" \
    -Dmdep.includeScope=runtime) >"$work/build.log" 2>&1 || { say "classpath failed, see $work/build.log"; exit 1; }
fi
[ -d "$JANUS_HARNESS/node_modules" ] || (cd "$JANUS_HARNESS" && npm install --no-audit --no-fund) >>"$work/build.log" 2>&1

# ---------- servers ----------
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# OnCaller the README way: embedded PostgreSQL (fresh data directory, own port) and demo mode, on the classpath
# spring-boot:run uses (the packaged jar leaves the embedded database out). The limits that exist to stop abuse
# are raised past what the load needs: Janus has none, and all clients here share one address and one account.
start_oncaller() {
  server_dir=$work/oncaller-$1
  rm -rf "$server_dir"; mkdir -p "$server_dir"
  for p in "$SERVER_PORT" "$PG_PORT"; do port_free "$p" || { say "port $p is in use; set SERVER_PORT/PG_PORT"; return 1; }; done
  # shellcheck disable=SC2086
  (cd "$server_dir" && exec env SERVER_PORT="$SERVER_PORT" ONCALLER_EMBEDDED_POSTGRES_PORT="$PG_PORT" \
    ONCALLER_EMBEDDED_POSTGRES_DATA_DIRECTORY="$server_dir/pgdata" ONCALLER_SIP_PORT="$SIP_PORT" \
    ONCALLER_SIGNALING_MAX_CONNECTIONS_PER_ADDRESS=1000000 \
    ONCALLER_LIMITS_CALLS_ATTEMPTS_PER_SECOND=1000000 ONCALLER_LIMITS_CALLS_AT_ONCE=1000000 \
    ONCALLER_LIMITS_STOMP_PER_ACCOUNT_PER_SECOND=10000000 ONCALLER_LIMITS_MAX_KEYS=1000000 \
    java $SERVER_JAVA_OPTS -cp "$repo/server/target/classes:$(cat "$work/server.classpath")" \
    asia.oncaller.OnCallerApplication) >"$server_dir/server.log" 2>&1 &
  server_pid=$!
  local end=$(( $(date +%s) + 300 )) # about 25 s on a quiet box, minutes under other sessions' builds
  while [ "$(date +%s)" -lt "$end" ]; do
    kill -0 "$server_pid" 2>/dev/null || { say "server exited; log: $server_dir/server.log"; server_pid=''; return 1; }
    curl -sf "http://127.0.0.1:$SERVER_PORT/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  say "server not up after 300 s; log: $server_dir/server.log"; stop_oncaller; return 1
}
start_janus() {
  port_free "$JANUS_PORT" || { say "port $JANUS_PORT is in use (another Janus?); Janus case skipped"; return 1; }
  "$JANUS_HARNESS/start-janus.sh" >/dev/null || { say "janus did not start"; return 1; }
}

busy() { # % of one core the whole box used over 2 s
  local a b; a=($(head -1 /proc/stat)); sleep 2; b=($(head -1 /proc/stat))
  echo $(( ( (b[1]+b[2]+b[3]+b[6]+b[7]+b[8]) - (a[1]+a[2]+a[3]+a[6]+a[7]+a[8]) ) / 2 ))
}
quiet() { # wait (at most QUIET_WAIT s) until the rest of the box uses < 25 % of a core
  local b end=$(( $(date +%s) + QUIET_WAIT ))
  while [ "$(date +%s)" -lt "$end" ]; do
    b=$(busy); [ "$b" -lt 25 ] && return
    say "box busy ($b % of a core), waiting"; sleep 1
  done
}

# ---------- cases: the same arguments for both clients ----------
label_of() {
  case $1 in
    closed) echo "closed-c$CONCURRENCY-p$PAIRS" ;;
    open) echo "open-$RATE-p$PAIRS" ;;
    idle) echo "idle-$IDLE" ;;
    many) echo "closed-c$CONCURRENCY-p$MANY_PAIRS" ;;
  esac
}
args_of() {
  case $1 in
    closed) echo "--concurrency $CONCURRENCY --pairs $PAIRS --duration $DURATION" ;;
    open) echo "--rate $RATE --pairs $PAIRS --duration $DURATION" ;;
    idle) echo "--idle $IDLE --idle-hold $IDLE_HOLD" ;;
    many) echo "--concurrency $CONCURRENCY --pairs $MANY_PAIRS --duration $DURATION" ;;
  esac
}
MAX_TIME=$(( 240 + DURATION + IDLE_HOLD + MANY_PAIRS / 20 + IDLE / 20 )) # setup at ≥ 50 sign-ins/s, plus the run

janus_case() { # $1 case, $2 run
  quiet
  start_janus || return
  say "run $2: Janus $1"
  # shellcheck disable=SC2046
  bounded $((MAX_TIME + 20)) node "$JANUS_HARNESS/bench.mjs" $(args_of "$1") --label "$(label_of "$1")#$2" \
    --json "$out" --max-time "$MAX_TIME" --janus-pid "$(cat "$JANUS_RUN/janus.pid")" \
    >"$work/janus-$1-$2.json" 2>"$work/janus-$1-$2.err" || say "Janus $1 run $2 failed: $(tail -2 "$work/janus-$1-$2.err")"
  stop_janus
}
oncaller_case() { # $1 case, $2 run
  quiet
  start_oncaller "$1-$2" || return
  local common="--url http://127.0.0.1:$SERVER_PORT --server-pid $server_pid --db-data-dir $server_dir/pgdata"
  if [ "$1" != idle ] && [ "$WARMUP" -gt 0 ]; then # a fresh JVM runs interpreted code at first; Janus needs no warm-up
    say "run $2: OnCaller warm-up, $WARMUP s"
    # shellcheck disable=SC2086
    bounded $((WARMUP + 200)) node "$here/oncaller-bench.mjs" $common --concurrency "$CONCURRENCY" --pairs 500 --duration "$WARMUP" \
      --max-time $((WARMUP + 180)) >"$server_dir/warmup.json" 2>&1 || say "warm-up failed: $(tail -2 "$server_dir/warmup.json")"
  fi
  say "run $2: OnCaller $1"
  # shellcheck disable=SC2046,SC2086
  bounded $((MAX_TIME + 20)) node "$here/oncaller-bench.mjs" $common $(args_of "$1") --label "$(label_of "$1")#$2" \
    --json "$out" --max-time "$MAX_TIME" >"$server_dir/result.json" 2>"$server_dir/client.err" \
    || say "OnCaller $1 run $2 failed: $(tail -2 "$server_dir/client.err")"
  stop_oncaller
}

summary() {
  [ -s "$out" ] || return 0
  node "$here/compare.mjs" "$out" "$(label_of closed)" "$(label_of many)"
  say "results: $out (node load/side-by-side/compare.mjs FILE prints the tables again); logs: $work"
}

say "results to $out; cases: $CASES; $RUNS run(s); hard stop after $MAX_MINUTES min"
for r in $(seq 1 "$RUNS"); do
  for c in $CASES; do
    janus_case "$c" "$r"
    oncaller_case "$c" "$r"
  done
done
summary
