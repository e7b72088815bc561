#!/usr/bin/env node
// OnCaller's signaling load client in the shapes of the Janus VideoCall harness (../shared/bench/janus/bench.mjs), so
// that the two servers are driven alike and one summary (compare.mjs) can set them side by side. docs/performance.md,
// "Side by side with Janus (issue 15)", says what is measured and why the client is written this way.
//   closed loop: node oncaller-bench.mjs --concurrency 50 --pairs 1000 --duration 20
//   open loop:   node oncaller-bench.mjs --rate 50 --duration 20 --pairs 1000
//   idle memory: node oncaller-bench.mjs --idle 10000 --idle-hold 30
// Every user is one STOMP connection with a client token of the demo project, fetched from /demo/token before
// anything is timed. Calls draw from a pool of --pairs caller/callee pairs, least recently used first, and a pair
// rests --cooldown ms after its cycle (as the Janus harness's pairs do). Loopback only; bounded by --max-time.
import { appendFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Connection, counters } from './lib/connection.mjs';
import { Sampler, procStat, heapUsedAfterGcKB, mb } from './lib/proc.mjs';
import { summary, round } from './lib/stats.mjs';

const opt = parseArgs(process.argv.slice(2), {
  url: 'http://127.0.0.1:8080', pairs: 200, concurrency: 10, cycles: 0, duration: 20, rate: 0, hold: 0, cooldown: 1000,
  idle: 0, 'idle-hold': 20, 'setup-concurrency': 50, 'token-concurrency': 16, heartbeat: 10000, deflate: 0,
  timeout: 10000, 'max-time': 300, 'server-pid': 0, 'db-data-dir': '', json: '', label: '',
});
const base = new URL(opt.url);
if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(base.hostname)) die(`refusing non-loopback url ${opt.url}`);
const wsUrl = `ws://${base.host}/ws`;
const hardStop = setTimeout(() => die(`--max-time ${opt['max-time']} s reached`), opt['max-time'] * 1000);
const endBy = performance.now() + (opt['max-time'] - 15) * 1000; // loops stop here, leaving time to drain and report
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const runId = randomBytes(3).toString('hex');
const failures = {};
function fail(e) {
  const k = e.message.replace(/call-[\w-]+/g, 'call-*');
  failures[k] = (failures[k] ?? 0) + 1;
}

// ---------- users: a token each (before the timed part), then one signed-in connection each ----------
async function tokens(userIds) {
  const out = new Map();
  await pool(userIds, opt['token-concurrency'], async (userId) => {
    const res = await fetch(`${base.origin}/demo/token?userId=${encodeURIComponent(userId)}`);
    if (res.status !== 200) die(`/demo/token answered ${res.status}: the server must run in demo mode`);
    out.set(userId, (await res.json()).accessToken);
  });
  return out;
}

function connection(userId, token, i) {
  return new Connection({ wsUrl, userId, token, deviceId: `d${runId}-${i}`, heartbeatMs: opt.heartbeat,
    deflate: opt.deflate, timeoutMs: opt.timeout });
}

/** Signs every user in, setup-concurrency at a time; returns the signed-in connections and the seconds it took. */
async function signIn(userIds, tokenOf) {
  const conns = userIds.map((u, i) => connection(u, tokenOf.get(u), i));
  const ok = [];
  const t0 = now();
  await pool(conns, opt['setup-concurrency'], async (c) => {
    try { await c.open(); ok.push(c); } catch (e) { fail(e); }
  });
  return { conns: ok, seconds: (now() - t0) / 1000 };
}

// ---------- one call cycle on a caller/callee pair ----------
// make -> callee incomingCall -> answer -> caller signalingState 3 -> caller hangup -> hangup reply and signalingState 6
// on both sides. The same steps as the Janus harness's cycle (call, incomingcall, accept, accepted, hangup, both told).
const lat = { call: [], accept: [], hangup: [], cycle: [] };
let completed = 0;

async function cycle([a, b]) {
  a.clear(); b.clear();
  a.callId = null;
  const t0 = now();
  const made = await a.request('call.make', { fromNumber: a.userId, toNumber: b.userId, isVideoCall: false });
  const callId = made.m.callId;
  a.callId = callId; // for the clean-up if the cycle fails
  const answered = a.waitFor(`state:${callId}:3`);
  const inc = await b.waitFor(`incomingCall:${callId}`);
  const t1 = now();
  await b.request('call.answer', { callId });
  const acc = await answered;
  if (opt.hold > 0) await sleep(opt.hold);
  const ended = [a.waitFor(`state:${callId}:6`), b.waitFor(`state:${callId}:6`)];
  const t2 = now();
  const bye = await a.request('call.hangup', { callId });
  const t3 = Math.max(bye.t, ...(await Promise.all(ended)).map((e) => e.t));
  lat.call.push(inc.t - t0); lat.accept.push(acc.t - t1); lat.hangup.push(t3 - t2); lat.cycle.push(t3 - t0);
  completed++;
  return callId;
}

/** Runs a cycle and puts the pair back: rested --cooldown ms after a success, 3 s after a failure. */
async function runCycle(pair, rested) {
  try {
    await cycle(pair);
    rested.push(pair, now() + opt.cooldown);
  }
  catch (e) {
    fail(e);
    const callId = pair[0].callId; // a call left ringing or answered would make the pair's next call busy
    if (callId) pair[0].request('call.hangup', { callId }).catch(() => {});
    rested.push(pair, now() + 3000);
  }
}

/** Pairs waiting for their next call, least recently used first. */
class RestedPairs {
  constructor(pairs) { this.q = pairs.map((p) => ({ p, readyAt: 0 })); }
  push(p, readyAt) { this.q.push({ p, readyAt }); }
  /** The first pair whose rest is over, or null. */
  take() {
    const t = now(), i = this.q.findIndex((e) => e.readyAt <= t);
    return i < 0 ? null : this.q.splice(i, 1)[0].p;
  }
}

async function openPairs(n) {
  const ids = [];
  for (let i = 0; i < n; i++) ids.push(`c${runId}-${i}`, `e${runId}-${i}`);
  const tt = now();
  const tokenOf = await tokens(ids);
  const tokenSeconds = (now() - tt) / 1000;
  const { conns, seconds } = await signIn(ids, tokenOf);
  const byUser = new Map(conns.map((c) => [c.userId, c]));
  const pairs = [];
  for (let i = 0; i < n; i++) {
    const a = byUser.get(`c${runId}-${i}`), b = byUser.get(`e${runId}-${i}`);
    if (a && b) pairs.push([a, b]);
  }
  if (!pairs.length) die(`no pair signed in: ${JSON.stringify(failures)}`);
  return { pairs, conns, setup: { tokenSeconds: round(tokenSeconds), setupSeconds: round(seconds),
    setupPerSec: round(conns.length / seconds), connections: conns.length } };
}

async function closedLoop() { // C call slots, each starting its next cycle on a rested pair as soon as one ended
  const { pairs, conns, setup } = await openPairs(opt.pairs);
  const rested = new RestedPairs(pairs);
  let started = 0, poolWaitMs = 0;
  const s = sampler().start();
  const t0 = now();
  const until = Math.min(opt.cycles ? Infinity : t0 + opt.duration * 1000, endBy);
  const take = async () => {
    for (const w0 = now(); now() < until;) {
      const p = rested.take();
      if (p) { poolWaitMs += now() - w0; return p; }
      await sleep(2);
    }
    return null;
  };
  await Promise.all(Array.from({ length: opt.concurrency }, async () => {
    while ((!opt.cycles || started < opt.cycles) && now() < until) {
      const p = await take();
      if (!p) break;
      started++;
      await runCycle(p, rested);
    }
  }));
  const secs = (now() - t0) / 1000;
  const res = s.stop();
  conns.forEach((c) => c.close());
  return { mode: 'closed', concurrency: opt.concurrency, pairs: pairs.length, cooldownMs: opt.cooldown, attempted: started,
    completed, seconds: round(secs), cyclesPerSec: round(completed / secs), poolWaitMs: round(poolWaitMs), ...setup, ...res };
}

async function openLoop() { // a fixed arrival rate; an arrival that finds no rested pair counts as a failure
  const { pairs, conns, setup } = await openPairs(opt.pairs);
  const rested = new RestedPairs(pairs);
  const total = Math.round(opt.rate * opt.duration), running = [];
  let lagMax = 0;
  const s = sampler().start();
  const t0 = now();
  for (let i = 0; i < total && now() < endBy; i++) {
    const due = t0 + (i * 1000) / opt.rate;
    if (due > now()) await sleep(due - now());
    lagMax = Math.max(lagMax, now() - due);
    const p = rested.take();
    if (!p) { fail(new Error('no rested pair free (raise --pairs)')); continue; }
    running.push(runCycle(p, rested));
  }
  await Promise.all(running);
  const secs = (now() - t0) / 1000;
  const res = s.stop();
  conns.forEach((c) => c.close());
  return { mode: 'open', rate: opt.rate, duration: opt.duration, pairs: pairs.length, cooldownMs: opt.cooldown,
    attempted: total, completed, schedLagMaxMs: round(lagMax), seconds: round(secs), ...setup, ...res };
}

async function idle() { // N signed-in users doing nothing but heart-beats; memory per user with the heap settled
  const pid = needServerPid();
  const ids = Array.from({ length: opt.idle }, (_, i) => `i${runId}-${i}`);
  const tt = now();
  const tokenOf = await tokens(ids);
  const tokenSeconds = (now() - tt) / 1000;
  const heapBefore = heapUsedAfterGcKB(pid);
  await sleep(1000);
  const before = procStat(pid);
  const setupSampler = sampler().start(); // what the sign-ins cost each side: is the client the limit?
  const { conns, seconds } = await signIn(ids, tokenOf);
  const setupCpu = setupSampler.stop();
  await sleep(3000);
  const registered = procStat(pid);
  const s = sampler().start();
  await sleep(opt['idle-hold'] * 1000); // heart-beats run meanwhile
  const held = s.stop();
  const heapAfter = heapUsedAfterGcKB(pid);
  await sleep(1000);
  const after = procStat(pid);
  const stillOpen = conns.filter((c) => !c.closed).length;
  conns.forEach((c) => c.close());
  await sleep(3000);
  const closed = procStat(pid);
  const n = Math.max(1, conns.length);
  return { mode: 'idle', sessions: opt.idle, registered: conns.length, stillOpenAfterHold: stillOpen,
    tokenSeconds: round(tokenSeconds), setupSeconds: round(seconds), setupPerSec: round(conns.length / seconds),
    setupServerCpuPct: setupCpu.serverCpuPct, setupDbCpuPct: setupCpu.dbCpuPct, setupClientCpuPct: setupCpu.clientCpuPct,
    setupOtherCpuPct: setupCpu.otherCpuPct,
    setupServerMsPerSignIn: round((setupCpu.serverCpuPct / 100) * seconds * 1000 / Math.max(1, conns.length)),
    setupClientMsPerSignIn: round((setupCpu.clientCpuPct / 100) * seconds * 1000 / Math.max(1, conns.length)),
    serverRssBeforeMB: mb(before?.rssKB), serverRssRegisteredMB: mb(registered?.rssKB), serverRssAfterHoldMB: mb(after?.rssKB),
    serverRssAfterCloseMB: mb(closed?.rssKB), serverThreads: registered?.threads, heapUsedBeforeMB: mb(heapBefore),
    heapUsedAfterMB: mb(heapAfter), idleHoldCpuPct: held.serverCpuPct, idleHoldDbCpuPct: held.dbCpuPct,
    clientCpuPct: held.clientCpuPct, otherCpuPct: held.otherCpuPct,
    perSessionKB: round(((after?.rssKB ?? 0) - (before?.rssKB ?? 0)) / n),
    heapPerSessionKB: heapAfter != null && heapBefore != null ? round((heapAfter - heapBefore) / n) : null };
}

// ---------- helpers ----------
function needServerPid() {
  if (!opt['server-pid'] || !procStat(opt['server-pid'])) die('--server-pid PID of the server JVM is needed for this mode');
  return opt['server-pid'];
}
function sampler() { return new Sampler(needServerPid(), opt['db-data-dir']); }
async function pool(items, n, fn) {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => { while (i < items.length) await fn(items[i++]); }));
}
function die(msg) { console.error(`oncaller-bench: ${msg}`); process.exit(2); }
function parseArgs(argv, defaults) {
  const o = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in defaults) || i + 1 >= argv.length) die(`bad option ${argv[i]}; known: ${Object.keys(defaults).join(', ')}`);
    o[k] = typeof defaults[k] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return o;
}

const result = await (opt.idle ? idle() : opt.rate > 0 ? openLoop() : closedLoop());
if (!opt.idle) {
  result.latencyMs = { callToIncoming: summary(lat.call), acceptToAccepted: summary(lat.accept),
    hangupToBothHungUp: summary(lat.hangup), fullCycle: summary(lat.cycle) };
}
Object.assign(result, { system: 'oncaller', heartbeatMs: opt.heartbeat, deflate: Boolean(opt.deflate),
  unexpectedCloses: counters.unexpectedCloses, failures, label: opt.label, at: new Date().toISOString() });
console.log(JSON.stringify(result, null, 2));
if (opt.json) appendFileSync(opt.json, JSON.stringify(result) + '\n');
clearTimeout(hardStop);
setTimeout(() => process.exit(0), 300); // let the DISCONNECTs go out
