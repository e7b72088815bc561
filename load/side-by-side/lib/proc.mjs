// What the server processes cost, from /proc (Linux): CPU ticks and resident memory of the server JVM, of its
// embedded PostgreSQL (postmaster and its backends), and of the whole box; and the JVM's heap after a full GC (jcmd).
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;

/** {ticks, rssKB, threads, ppid} of one process, or null when it is gone. */
export function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' '); // f[0] is field 3 (state)
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { ticks: Number(f[11]) + Number(f[12]), rssKB: kb('VmRSS'), threads: kb('Threads'), ppid: Number(f[1]) };
  } catch {
    return null;
  }
}

/** Busy ticks of all CPUs together (everything in /proc/stat's first line but idle and iowait). */
export function sysBusyTicks() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return f.slice(0, 8).reduce((x, y) => x + y, 0) - f[3] - f[4];
}

/** The embedded PostgreSQL's processes: the postmaster named in DATA_DIR/postmaster.pid and its children. */
export function postgresPids(dataDir) {
  if (!dataDir) return [];
  let postmaster;
  try {
    postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return [];
  }
  const pids = [postmaster];
  for (const name of readdirSync('/proc')) {
    if (/^\d+$/.test(name) && procStat(name)?.ppid === postmaster) pids.push(Number(name));
  }
  return pids;
}

/** The JVM's heap in use after a full GC, in KB ("jcmd PID GC.run", then "GC.heap_info"). */
export function heapUsedAfterGcKB(pid) {
  execFileSync('jcmd', [String(pid), 'GC.run'], { timeout: 60000 });
  const info = execFileSync('jcmd', [String(pid), 'GC.heap_info'], { timeout: 30000 }).toString();
  return parseHeapUsedKB(info);
}

/** The "used" figure of the whole heap in jcmd's GC.heap_info output, in KB (null when it is not there). */
export function parseHeapUsedKB(heapInfo) {
  const m = /heap\s+total\s+(\d+)K,\s+used\s+(\d+)K/.exec(heapInfo);
  return m ? Number(m[2]) : null;
}

/**
 * CPU of the server, its database, this client and everything else on the box over a window, in % of one core
 * (200 % = both cores), plus the server's RSS peak; the server is sampled every 250 ms.
 */
export class Sampler {
  constructor(serverPid, dbDataDir) {
    this.serverPid = serverPid;
    this.dbDataDir = dbDataDir;
  }

  start() {
    this.t0 = performance.now();
    this.cpu0 = process.cpuUsage();
    this.sys0 = sysBusyTicks();
    this.server0 = procStat(this.serverPid);
    this.db0 = this.dbTicks();
    this.peakKB = this.server0?.rssKB ?? 0;
    this.maxThreads = this.server0?.threads ?? 0;
    this.timer = setInterval(() => {
      const s = procStat(this.serverPid);
      if (s) {
        this.peakKB = Math.max(this.peakKB, s.rssKB);
        this.maxThreads = Math.max(this.maxThreads, s.threads);
      }
    }, 250);
    return this;
  }

  stop() {
    clearInterval(this.timer);
    const server1 = procStat(this.serverPid), c = process.cpuUsage(this.cpu0);
    const secs = (performance.now() - this.t0) / 1000;
    if (!this.server0 || !server1) return { serverCpuPct: null, error: `server pid ${this.serverPid} not readable` };
    const pct = (ticks) => (ticks / CLK_TCK / secs) * 100;
    const serverCpuPct = pct(server1.ticks - this.server0.ticks);
    // backends that ended inside the window take their ticks with them; the pool keeps them open, so this is small
    const dbCpuPct = pct(Math.max(0, this.dbTicks() - this.db0));
    const clientCpuPct = ((c.user + c.system) / 1e6 / secs) * 100;
    const sysCpuPct = pct(sysBusyTicks() - this.sys0);
    return {
      serverCpuPct: r(serverCpuPct), dbCpuPct: r(dbCpuPct), serverRssStartMB: mb(this.server0.rssKB),
      serverRssPeakMB: mb(this.peakKB), serverRssEndMB: mb(server1.rssKB), serverThreadsPeak: this.maxThreads,
      clientCpuPct: r(clientCpuPct), otherCpuPct: r(Math.max(0, sysCpuPct - serverCpuPct - dbCpuPct - clientCpuPct)),
    };
  }

  dbTicks() {
    return postgresPids(this.dbDataDir).reduce((sum, pid) => sum + (procStat(pid)?.ticks ?? 0), 0);
  }
}

function r(x) {
  return Math.round(x * 100) / 100;
}

export function mb(kb) {
  return kb == null ? null : r(kb / 1024);
}
