// Sets the JSON lines of both load clients side by side: the Janus harness's (bench.mjs: janus* fields, no `system`)
// and OnCaller's (oncaller-bench.mjs: server* fields, system "oncaller"), per case and per run, against issue 15's
// targets. Labels are "<case>#<run>", as side-by-side.sh writes them.
import { median, round } from './stats.mjs';

/** A row of either client with the server's figures under one set of names (serverCpuPct, serverRssPeakMB, …). */
export function normalize(row) {
  const out = { ...row, system: row.system ?? 'janus' };
  for (const [k, v] of Object.entries(row)) {
    if (k.startsWith('janus')) out[`server${k.slice(5)}`] = v;
  }
  const [name, run] = String(row.label ?? '').split('#');
  out.case = name;
  out.run = run ?? '1';
  out.failed = Object.values(row.failures ?? {}).reduce((a, b) => a + b, 0) + (row.unexpectedCloses ?? 0);
  // CPU time of the server per completed call cycle, in ms (100 % of a core for 1 s is 1000 ms)
  if (row.completed) {
    out.serverCpuMsPerCycle = (out.serverCpuPct * 10 * out.seconds) / row.completed;
    out.withDbCpuMsPerCycle = ((out.serverCpuPct + (row.dbCpuPct ?? 0)) * 10 * out.seconds) / row.completed;
  }
  return out;
}

const get = (o, path) => path.split('.').reduce((x, k) => x?.[k], o);

/**
 * The measures compared, per case kind: [title, path in a normalized row, target]. A target compares OnCaller's
 * figure with Janus's in the same run (ratio) or with a fixed bound (value); none means "reported only".
 */
const CPU = [['server CPU %', 'serverCpuPct'], ['database CPU %', 'dbCpuPct'], ['client CPU %', 'clientCpuPct'],
  ['other CPU % (noise)', 'otherCpuPct']];

export const MEASURES = {
  closed: [
    ['cycles/s', 'cyclesPerSec', { ratioAtLeast: 1 }],
    ['failed cycles', 'failed', { valueAtMost: 0 }],
    ['server CPU ms per cycle', 'serverCpuMsPerCycle'],
    ['server + database CPU ms per cycle', 'withDbCpuMsPerCycle'],
    ['make→incoming p50 ms', 'latencyMs.callToIncoming.p50'],
    ['make→incoming p99 ms', 'latencyMs.callToIncoming.p99'],
    ...CPU,
  ],
  open: [
    ['make→incoming p50 ms', 'latencyMs.callToIncoming.p50'],
    ['make→incoming p90 ms', 'latencyMs.callToIncoming.p90'],
    ['make→incoming p99 ms', 'latencyMs.callToIncoming.p99', { ratioAtMost: 1.5 }],
    ['make→incoming max ms', 'latencyMs.callToIncoming.max'],
    ['failed calls', 'failed', { valueAtMost: 0 }],
    ...CPU,
  ],
  idle: [
    ['KB per signed-in client (RSS growth)', 'perSessionKB', { valueAtMost: 32 }],
    ['heap KB per client (after GC)', 'heapPerSessionKB'],
    ['sign-ins per second', 'setupPerSec', { valueAtLeast: 1000 }],
    ['signed in', 'registered'],
    ['server CPU % while idle', 'idleHoldCpuPct'],
    ['other CPU % (noise)', 'otherCpuPct'],
  ],
};

/** Whether OnCaller's figure meets the target: true, false, or null when there is no target or no figure. */
export function verdict(target, oncaller, janus) {
  if (!target || typeof oncaller !== 'number') return null;
  if ('valueAtMost' in target) return oncaller <= target.valueAtMost;
  if ('valueAtLeast' in target) return oncaller >= target.valueAtLeast;
  if (typeof janus !== 'number' || janus === 0) return null;
  if ('ratioAtLeast' in target) return oncaller / janus >= target.ratioAtLeast;
  return oncaller / janus <= target.ratioAtMost;
}

export function describe(target) {
  if (!target) return '';
  if ('valueAtMost' in target) return `≤ ${target.valueAtMost}`;
  if ('valueAtLeast' in target) return `≥ ${target.valueAtLeast}`;
  if ('ratioAtLeast' in target) return `≥ ${target.ratioAtLeast} × Janus`;
  return `≤ ${target.ratioAtMost} × Janus`;
}

/**
 * Table rows for one case: per measure, each run's Janus and OnCaller figure, their ratio and whether the target
 * was met in that run, then the medians over runs.
 */
export function compareCase(rows, caseName) {
  const mine = rows.filter((r) => r.case === caseName);
  const kind = mine[0]?.mode;
  const runs = [...new Set(mine.map((r) => r.run))].sort();
  const pick = (system, run) => mine.find((r) => r.system === system && r.run === run);
  const out = [];
  for (const [title, path, target] of MEASURES[kind] ?? []) {
    const perRun = runs.map((run) => {
      const j = get(pick('janus', run), path), o = get(pick('oncaller', run), path);
      return { run, janus: j, oncaller: o, ratio: ratio(o, j), met: verdict(target, o, j) };
    });
    const nums = (k) => perRun.map((x) => x[k]).filter((x) => typeof x === 'number');
    out.push({ measure: title, target: describe(target), perRun,
      janus: median(nums('janus')), oncaller: median(nums('oncaller')), ratio: median(nums('ratio')) });
  }
  return out;
}

/**
 * The flat-cost check: OnCaller's (and Janus's) cycles/s and server CPU per cycle with many connected clients,
 * relative to the same with fewer (e.g. 10,000 against 2,000 connected), median over runs.
 */
export function flatCost(rows, fewCase, manyCase) {
  const out = [];
  for (const system of ['janus', 'oncaller']) {
    const at = (c, path) => median(rows.filter((r) => r.case === c && r.system === system).map((r) => get(r, path))
      .filter((x) => typeof x === 'number'));
    for (const [title, path] of [['cycles/s', 'cyclesPerSec'], ['server CPU ms per cycle', 'serverCpuMsPerCycle']]) {
      const few = at(fewCase, path), many = at(manyCase, path);
      out.push({ system, measure: title, few, many, ratio: ratio(many, few) });
    }
  }
  return out;
}

function ratio(a, b) {
  return typeof a === 'number' && typeof b === 'number' && b !== 0 ? round(a / b) : null;
}
