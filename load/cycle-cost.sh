#!/bin/bash
# What one call cycle costs on a running server (docs/performance.md, "Where a call cycle's CPU
# went"): runs the call-cycle load client once and prints the server JVM's CPU time per cycle,
# PostgreSQL's (postmaster and backends), transactions per cycle and, when the database has
# pg_stat_statements, SQL statements per cycle and the most frequent ones.
#
#   load/cycle-cost.sh SERVER_PID PG_PORT DATABASE CALLS PAIRS [SERVER_URL]
#
# CPU figures are process CPU time, so other work on the machine changes them far less than it
# changes cycles per second; they still move by 10-20 % on a busy machine: run it several times.
set -euo pipefail
pid=$1 pgport=$2 db=$3 calls=$4 pairs=$5 server=${6:-http://127.0.0.1:8080}
cd "$(dirname "$0")/.."
psql_() { psql -At -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -c "$1"; }
postmaster=$(psql_ "select pid from pg_stat_activity where backend_type = 'checkpointer'" | xargs ps -o ppid= -p | tr -d ' ')
tck=$(getconf CLK_TCK)
jvm_cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
pg_cpu() {
	local sum=0
	for p in $postmaster $(pgrep -P "$postmaster"); do
		sum=$((sum + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null || echo 0)))
	done
	echo $sum
}
xacts() { psql_ "select xact_commit + xact_rollback from pg_stat_database where datname = '$db'"; }
statements=$(psql_ "select count(*) from pg_extension where extname = 'pg_stat_statements'")
[ "$statements" = 1 ] && psql_ "select pg_stat_statements_reset()" > /dev/null
j0=$(jvm_cpu) p0=$(pg_cpu) x0=$(xacts)
out=$(./mvnw -q -pl load exec:java -Dexec.args="--server $server --calls $calls --pairs $pairs --rate 0" 2>&1)
j1=$(jvm_cpu) p1=$(pg_cpu) x1=$(xacts)
echo "$out" | tail -3
cycles=$(echo "$out" | sed -n 's/.*cycles=\([0-9]*\) .*/\1/p' | head -1)
per() { echo "scale=2; $1 / $cycles" | bc; }
echo "cycles=$cycles server-cpu-ms/cycle=$(per "($j1 - $j0) * 1000 / $tck") postgres-cpu-ms/cycle=$(per "($p1 - $p0) * 1000 / $tck") transactions/cycle=$(per "($x1 - $x0)") load=$(cut -d' ' -f1 /proc/loadavg)"
if [ "$statements" = 1 ]; then
	echo "statements/cycle=$(per "$(psql_ "select sum(calls) from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = '$db'")")"
	psql_ "select round(calls::numeric / $cycles, 2), left(regexp_replace(query, '\s+', ' ', 'g'), 110)
		from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = '$db' and calls >= $cycles / 2
		order by calls desc"
fi
