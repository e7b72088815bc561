#!/bin/bash
# Cluster sizing (docs/cluster.md, "Sizing"): for one node on Spring's simple broker and for 1, 2
# and 3 nodes relaying through RabbitMQ, all on this machine (so they share its cores: this shows
# the relay's overhead, not scale-out), it
#   1. starts the nodes (SIP off, demo tenant on, one database) and takes their resident memory
#      and RabbitMQ's, with no client;
#   2. connects IDLE clients plus the PAIRS' callers and callees, spread over the nodes (each pair's
#      callee on the next node after its caller's, so every call crosses nodes), and takes the
#      memory again while they only stay connected: the difference per client is what an idle
#      client costs the nodes and RabbitMQ; it counts RabbitMQ's connections;
#   3. reads RabbitMQ's message counters for the virtual host (management plugin: messages
#      published into its exchanges and delivered to its consumers), runs CALLS call cycles closed
#      loop (make, incomingCall, answer, hangup), reads the counters again: the difference per
#      completed call is what one call costs RabbitMQ. Counts are exact whatever else runs on the
#      machine; cycles/s is not (the load average is printed with it).
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
# Long enough for a memory sample and for the management plugin's statistics (every 5 s) to
# count every message of the clients' connecting before the first call.
pause=20
rabbitmq-plugins -q enable rabbitmq_stomp rabbitmq_management >/dev/null
rabbitmqctl -q list_vhosts | grep -qx $vhost || rabbitmqctl -q add_vhost $vhost
rabbitmqctl -q set_permissions -p $vhost guest '.*' '.*' '.*'
./mvnw -q -o -pl load compile
api() { curl -sf -u guest:guest "http://127.0.0.1:15672/api/$1"; }
# Messages published into the vhost's exchanges and delivered to its consumers, so far.
counter() { api "vhosts/$vhost" | python3 -c "import json,sys; print(json.load(sys.stdin).get('message_stats',{}).get('$1',0))"; }
# RabbitMQ's connections in the vhost: its STOMP plugin's connections are listed by the
# management plugin, not by rabbitmqctl list_connections.
connections() { api "connections?columns=vhost" | python3 -c "import json,sys; print(sum(1 for c in json.load(sys.stdin) if c.get('vhost') == '$vhost'))"; }
rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }
nodes_rss_kb() { local sum=0 p; for p in "${pids[@]}"; do sum=$((sum + $(rss_kb "$p"))); done; echo $sum; }
beam=$(pgrep -f beam.smp | head -1)
pids=()
stop_nodes() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop_nodes EXIT
printf '| setup | cycles/s | failed | load avg | messages per call (published / delivered) | RabbitMQ connections | nodes RSS: none / with clients | per client: nodes / RabbitMQ |\n'
for setup in $setups; do
	n=$([ "$setup" = single ] && echo 1 || echo "$setup")
	servers=""
	for i in $(seq 1 "$n"); do
		port=$((8180 + i))
		args=(--server.port=$port --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db"
			--spring.datasource.username=postgres --spring.datasource.password=x --oncaller.demo.enabled=true
			--oncaller.sip.enabled=false --oncaller.cluster.node-id=bench-$i
			# Every client comes from 127.0.0.1, past the per-address cap of 500 WebSockets.
			--oncaller.signaling.max-connections-per-address=100000)
		# The demo project's answer_url is the built-in helper of the node started last, on
		# 127.0.0.1: the other nodes ask it over HTTP, which the outbound guard refuses for
		# loopback unless allowed; without this their calls get code 1.
		[ "$setup" != single ] && args+=(--oncaller.outbound.allow-private-networks=true)
		[ "$setup" != single ] && args+=(--oncaller.cluster.broker.host=127.0.0.1
			--oncaller.cluster.broker.virtual-host=$vhost --oncaller.resume.secret=bench-resume-secret-0123456789abcdefghij)
		# The limits that exist to stop abuse, raised past what the load needs, as the side-by-side
		# benchmark raises them: all clients share one address and the demo account.
		ONCALLER_LIMITS_CALLS_ATTEMPTS_PER_SECOND=1000000 ONCALLER_LIMITS_CALLS_AT_ONCE=1000000 \
			ONCALLER_LIMITS_STOMP_PER_ACCOUNT_PER_SECOND=10000000 ONCALLER_LIMITS_MAX_KEYS=1000000 \
			java -Xmx768m -jar "$jar" "${args[@]}" > "/tmp/oncaller-bench-$i.log" 2>&1 &
		pids+=($!)
		# One at a time: the first one writes the demo tenant.
		for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
		servers="${servers:+$servers,}http://127.0.0.1:$port"
	done
	sleep 5
	nodes_bare=$(nodes_rss_kb) beam_bare=$(rss_kb "$beam")
	out=/tmp/oncaller-bench-load.out
	./mvnw -q -o -pl load exec:java -Dexec.args="--servers $servers --calls $calls --pairs $pairs --idle $idle --idle-pause $pause --rate 0" > $out 2>&1 &
	client=$!
	until grep -q '^connected=' $out; do
		kill -0 $client 2>/dev/null || { cat $out; exit 1; }
		sleep 1
	done
	clients=$(sed -n 's/^connected=\([0-9]*\).*/\1/p' $out)
	sleep 5
	nodes_idle=$(nodes_rss_kb) beam_idle=$(rss_kb "$beam") conns=$(connections)
	sleep 7
	published0=$(counter publish) delivered0=$(counter deliver_get)
	wait $client
	load=$(cut -d' ' -f1 /proc/loadavg)
	sleep 7 # the management plugin's statistics come every 5 s
	published=$(( $(counter publish) - published0 )) delivered=$(( $(counter deliver_get) - delivered0 ))
	line=$(grep '^cycles=' $out)
	cycles=$(echo "$line" | sed -n 's/^cycles=\([0-9]*\) .*/\1/p')
	failed=$(echo "$line" | sed -n 's/.* failed=\([0-9]*\) .*/\1/p')
	rate=$(echo "$line" | sed -n 's|.* cycles/s=\([0-9.]*\) .*|\1|p')
	grep 'cycle failed' $out | head -3 >&2 || true
	if [ "$setup" = single ]; then
		per_call="–" conns="–" beam_per=""
	else
		per_call="$(echo "scale=2; $published / $cycles" | bc) / $(echo "scale=2; $delivered / $cycles" | bc)"
		beam_per=" / $(( (beam_idle - beam_bare) / clients )) KB"
	fi
	printf '| %s | %s | %s of %s | %s | %s | %s | %d / %d MB (%d clients) | %d KB%s |\n' \
		"$([ "$setup" = single ] && echo '1 node, simple broker' || echo "$n node(s), relay")" \
		"$rate" "$failed" "$((cycles + failed))" "$load" "$per_call" "$conns" \
		$((nodes_bare / 1024)) $((nodes_idle / 1024)) "$clients" $(( (nodes_idle - nodes_bare) / clients )) "$beam_per"
	stop_nodes
	sleep 3
done
