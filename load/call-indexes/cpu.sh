#!/bin/bash
# cpu.sh TAG N: N call cycles (setup.sh) in one backend, and that backend's CPU time (/proc, as the
# database superuser) and elapsed time per cycle.
psql -v ON_ERROR_STOP=1 -qAt <<SQL | awk -v n=$2 -v tag=$1 '
/^stat / { t = $15 + $16; if (seen) { printf "%s: %.3f ms CPU per cycle, %.2f ms elapsed\n", tag, (t - t0) * 10 / n, el / n } else { t0 = t; seen = 1 } }
/^Time: / { el = $2 }'
SELECT 'stat ' || pg_read_file('/proc/' || pg_backend_pid() || '/stat');
\timing on
CALL bench.cycles($2, '$1');
\timing off
SELECT 'stat ' || pg_read_file('/proc/' || pg_backend_pid() || '/stat');
SQL
