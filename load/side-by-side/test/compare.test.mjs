import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize, compareCase, flatCost, verdict } from '../lib/compare.mjs';
import { parseHeapUsedKB } from '../lib/proc.mjs';

const janus = (label, o) => normalize({ mode: 'closed', label, janusCpuPct: 140, seconds: 20, failures: {}, ...o });
const oncaller = (label, o) => normalize({ mode: 'closed', label, system: 'oncaller', serverCpuPct: 130, dbCpuPct: 20,
  seconds: 20, failures: {}, unexpectedCloses: 0, ...o });

test("Janus's janus* figures are read under the server* names, and the label gives case and run", () => {
  const r = janus('closed-c50-p1000#2', { completed: 10000, cyclesPerSec: 500, janusRssPeakMB: 108 });
  assert.equal(r.system, 'janus');
  assert.equal(r.case, 'closed-c50-p1000');
  assert.equal(r.run, '2');
  assert.equal(r.serverRssPeakMB, 108);
  assert.equal(r.serverCpuMsPerCycle, 2.8); // 140 % of a core for 20 s = 28 s of CPU over 10,000 cycles
});

test('failed calls count failures and connections the server dropped', () => {
  const r = oncaller('closed-c50-p1000#1', { completed: 100, failures: { 'timeout: call.make reply': 2 }, unexpectedCloses: 1 });
  assert.equal(r.failed, 3);
  assert.equal(r.withDbCpuMsPerCycle, 300); // (130 + 20) % of a core for 20 s = 30 s over 100 cycles
});

test('each run is compared with the Janus run of the same round, and medians are taken over runs', () => {
  const rows = [
    janus('closed-c50-p1000#1', { completed: 10000, cyclesPerSec: 500 }),
    oncaller('closed-c50-p1000#1', { completed: 11000, cyclesPerSec: 550 }),
    janus('closed-c50-p1000#2', { completed: 10000, cyclesPerSec: 520 }),
    oncaller('closed-c50-p1000#2', { completed: 9000, cyclesPerSec: 450 }),
  ];
  const cps = compareCase(rows, 'closed-c50-p1000').find((m) => m.measure === 'cycles/s');
  assert.deepEqual(cps.perRun.map((x) => [x.ratio, x.met]), [[1.1, true], [0.87, false]]);
  assert.equal(cps.janus, 510);
  assert.equal(cps.oncaller, 500);
  assert.equal(cps.target, '≥ 1 × Janus');
});

test('targets: ratios against Janus, or fixed bounds; no verdict without a figure', () => {
  assert.equal(verdict({ ratioAtMost: 1.5 }, 15, 10), true);
  assert.equal(verdict({ ratioAtMost: 1.5 }, 16, 10), false);
  assert.equal(verdict({ valueAtMost: 32 }, 31.9, 7.8), true);
  assert.equal(verdict({ valueAtLeast: 1000 }, 999, 1143), false);
  assert.equal(verdict({ ratioAtLeast: 1 }, null, 500), null);
  assert.equal(verdict(undefined, 1, 1), null);
});

test('flat cost: the figures with more clients connected over those with fewer, per server', () => {
  const rows = [
    oncaller('closed-c50-p1000#1', { completed: 10000, cyclesPerSec: 500 }),
    oncaller('closed-c50-p5000#1', { completed: 8000, cyclesPerSec: 400 }),
  ];
  const f = flatCost(rows, 'closed-c50-p1000', 'closed-c50-p5000').filter((x) => x.system === 'oncaller');
  assert.deepEqual(f.map((x) => [x.measure, x.ratio]), [['cycles/s', 0.8], ['server CPU ms per cycle', 1.25]]);
});

test("the heap in use is read from jcmd's GC.heap_info", () => {
  const info = `12345:\n garbage-first heap   total 262144K, used 64449K [0x0000000681c00000, 0x0000000800000000)\n`
    + '  region size 2048K, 2 young (4096K), 0 survivors (0K)\n Metaspace       used 98765K, committed 99000K\n';
  assert.equal(parseHeapUsedKB(info), 64449);
  assert.equal(parseHeapUsedKB('no heap here'), null);
});
