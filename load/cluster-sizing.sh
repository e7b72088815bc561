#!/bin/bash
# Cluster sizing (docs/cluster.md, "Sizing"): for one node on Spring's simple broker and for 1, 2
# and 3 nodes relaying through RabbitMQ, all on this machine (so they share its cores: this shows
# the relay's overhead, not scale-out), runs the call-cycle load client closed loop with its pairs'
# callers and callees on different nodes and IDLE more clients connected, and prints cycles/s,
# the messages RabbitMQ took in and delivered per call (its management counters), its connections,
# and the resident memory of the nodes and of RabbitMQ with the idle clients connected.
#
#   load/cluster-sizing.sh DATABASE [CALLS] [PAIRS] [IDLE] [SETUPS]
#
# DATABASE is a PostgreSQL database on 127.0.0.1:5432 (user postgres) the nodes may migrate and
# fill with the demo tenant; SETUPS is a list among "single 1 2 3" (default: all). Needs the
# server's jar (./mvnw -pl server -am package -DskipTests), a local RabbitMQ with rabbitmq_stomp,
# and rabbitmq_management for the counters (this script enables it). Ports 8181-8183 and 15672.
set -euo pipefail
db=$1 calls=${2:-2000} pairs=${3:-20} idle=${4:-300} setups=${5:-single 1 2 3}
cd "$(dirname "$0")/.."
jar=$(ls server/target/oncaller-server-*-exec.jar | head -1)
vhost=oncaller_bench
rabbitmq-plugins -q enable rabbitmq_stomp rabbitmq_management >/dev/null
rabbitmqctl -q list_vhosts | grep -qx $vhost || rabbitmqctl -q add_vhost $vhost
rabbitmqctl -q set_permissions -p $vhost guest '.*' '.*' '.*'
./mvnw -q -pl load compile
api() { curl -sf -u guest:guest "http://127.0.0.1:15672/api/$1"; }
# Messages published into the vhost's exchanges and delivered to its consumers, so far.
counter() { api "vhosts/$vhost" | python3 -c "import json,sys; print(json.load(sys.stdin).get('message_stats',{}).get('$1',0))"; }
rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }
beam=$(pgrep -f beam.smp | head -1)
pids=()
stop_nodes() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop_nodes EXIT
for setup in $setups; do
	n=$([ "$setup" = single ] && echo 1 || echo "$setup")
	servers=""
	for i in $(seq 1 "$n"); do
		port=$((8180 + i))
		args=(--server.port=$port --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db"
			--spring.datasource.username=postgres --spring.datasource.password=x --oncaller.demo.enabled=true
			--oncaller.sip.enabled=false --oncaller.cluster.node-id=bench-$i)
		# The demo project's answer_url is the first node's built-in helper on 127.0.0.1: the other
		# nodes ask it over HTTP, which the outbound guard refuses for loopback unless allowed (each
		# node answers only its own helper in-process); without this their calls get code 1.
		[ "$setup" != single ] && args+=(--oncaller.outbound.allow-private-networks=true)
		[ "$setup" != single ] && args+=(--oncaller.cluster.broker.host=127.0.0.1
			--oncaller.cluster.broker.virtual-host=$vhost --oncaller.resume.secret=bench-resume-secret-0123456789abcdefghij)
		java -Xmx768m -jar "$jar" "${args[@]}" > "/tmp/oncaller-bench-$i.log" 2>&1 &
		pids+=($!)
		# One at a time: the first one writes the demo tenant.
		for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
		servers="${servers:+$servers,}http://127.0.0.1:$port"
	done
	published0=$(counter publish) delivered0=$(counter deliver_get)
	# The peak memory while the idle clients are connected, sampled every second.
	( peak_nodes=0 peak_beam=0 conns=0
	  while sleep 1; do
		sum=0; for p in "${pids[@]}"; do sum=$((sum + $(rss_kb "$p"))); done
		[ $sum -gt $peak_nodes ] && peak_nodes=$sum
		b=$(rss_kb "$beam"); [ "$b" -gt $peak_beam ] && peak_beam=$b
		c=$(rabbitmqctl -q list_connections -p $vhost name 2>/dev/null | wc -l); [ "$c" -gt $conns ] && conns=$c
		echo "$peak_nodes $peak_beam $conns" > /tmp/oncaller-bench-peak
	  done ) &
	sampler=$!
	out=$(./mvnw -q -pl load exec:java -Dexec.args="--servers $servers --calls $calls --pairs $pairs --idle $idle --rate 0" 2>&1)
	kill $sampler
	sleep 6 # the management plugin's statistics come every 5 s
	published=$(( $(counter publish) - published0 )) delivered=$(( $(counter deliver_get) - delivered0 ))
	cycles=$(echo "$out" | sed -n 's/.*cycles=\([0-9]*\) .*/\1/p' | head -1)
	read -r peak_nodes peak_beam conns < /tmp/oncaller-bench-peak
	echo "setup=$setup nodes=$n $(echo "$out" | grep 'cycles=')"
	echo "$out" | grep 'cycle failed' | head -3
	echo "  rabbitmq: published/call=$(echo "scale=1; $published / $cycles" | bc) delivered/call=$(echo "scale=1; $delivered / $cycles" | bc) connections(peak)=$conns rss=$((peak_beam / 1024))MB"
	echo "  nodes: rss(sum, peak)=$((peak_nodes / 1024))MB with $idle idle + $((2 * pairs)) busy clients; load=$(cut -d' ' -f1 /proc/loadavg)"
	stop_nodes
done
