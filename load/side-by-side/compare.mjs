#!/usr/bin/env node
// Prints the side-by-side tables (Markdown) from the JSON lines that side-by-side.sh collected:
//   node compare.mjs results.jsonl [fewPairsCase manyPairsCase]
// Per case, every run's Janus and OnCaller figures with their ratio and the issue's target (✓ met, ✗ not), then the
// median over runs; and the flat-cost check (the same closed loop with more clients connected).
import { readFileSync } from 'node:fs';
import { normalize, compareCase, flatCost } from './lib/compare.mjs';

const [file, fewCase = 'closed-c50-p1000', manyCase = 'closed-c50-p5000'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node compare.mjs results.jsonl [fewPairsCase manyPairsCase]');
  process.exit(2);
}
const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => normalize(JSON.parse(l)));
const cases = [...new Set(rows.map((r) => r.case))];
const runs = [...new Set(rows.map((r) => r.run))].sort();
const fmt = (x) => (typeof x !== 'number' ? '–' : Math.abs(x) >= 100 ? String(Math.round(x)) : String(Math.round(x * 100) / 100));
const mark = (m) => (m === true ? ' ✓' : m === false ? ' ✗' : '');

for (const c of cases) {
  const table = compareCase(rows, c);
  if (!table.length) continue;
  console.log(`\n### ${c}\n`);
  console.log(`| measure | target | ${runs.map((r) => `run ${r}: Janus / OnCaller (ratio)`).join(' | ')} | median: Janus / OnCaller (ratio) |`);
  console.log(`|---|---|${runs.map(() => '---').join('|')}|---|`);
  for (const m of table) {
    const cells = runs.map((r) => {
      const x = m.perRun.find((p) => p.run === r);
      return x ? `${fmt(x.janus)} / ${fmt(x.oncaller)} (${fmt(x.ratio)})${mark(x.met)}` : '–';
    });
    console.log(`| ${m.measure} | ${m.target} | ${cells.join(' | ')} | ${fmt(m.janus)} / ${fmt(m.oncaller)} (${fmt(m.ratio)}) |`);
  }
}
if (cases.includes(fewCase) && cases.includes(manyCase)) {
  console.log(`\n### Flat cost: ${manyCase} against ${fewCase} (medians; ratio ≈ 1 is flat)\n`);
  console.log('| server | measure | fewer clients | more clients | ratio |\n|---|---|---|---|---|');
  for (const f of flatCost(rows, fewCase, manyCase)) {
    console.log(`| ${f.system} | ${f.measure} | ${fmt(f.few)} | ${fmt(f.many)} | ${fmt(f.ratio)} |`);
  }
}
