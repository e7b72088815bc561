// The emitter behind on(): handlers run in order, a throwing handler does not stop the
// others, and a name outside the frozen list is reported.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CALL_EVENTS, Emitter } from '../src/events.js';

function quietly(method, fn) {
  const original = console[method];
  const seen = [];
  console[method] = (...args) => seen.push(args.join(' '));
  try {
    fn();
  }
  finally {
    console[method] = original;
  }
  return seen;
}

test('handlers run in registration order with the payload', () => {
  const emitter = new Emitter(CALL_EVENTS);
  const seen = [];
  emitter.on('info', (i) => seen.push(['a', i])).on('info', (i) => seen.push(['b', i]));
  emitter.emit('info', { x: 1 });
  assert.deepEqual(seen, [['a', { x: 1 }], ['b', { x: 1 }]]);
});

test('a throwing handler is reported and the next one still runs', () => {
  const emitter = new Emitter(CALL_EVENTS);
  let ran = false;
  emitter.on('error', () => { throw new Error('app bug'); }).on('error', () => { ran = true; });
  const errors = quietly('error', () => emitter.emit('error', {}));
  assert.equal(ran, true);
  assert.equal(errors.length, 1);
});

test('an unknown event name is reported with the known ones', () => {
  const emitter = new Emitter(CALL_EVENTS);
  const warnings = quietly('warn', () => emitter.on('addlocaltrack', () => {}));
  assert.match(warnings[0], /'addlocaltrack' is not an event; known events: addlocalstream/);
});

test('off removes one handler or all', () => {
  const emitter = new Emitter(CALL_EVENTS);
  const seen = [];
  const a = () => seen.push('a');
  emitter.on('hold', a).on('hold', () => seen.push('b'));
  emitter.off('hold', a).emit('hold');
  emitter.off('hold').emit('hold');
  assert.deepEqual(seen, ['b']);
});

test('a handler must be a function', () => {
  assert.throws(() => new Emitter(CALL_EVENTS).on('info', 'nope'), TypeError);
});

test('the README documents every event in its tables', async () => {
  const { readFileSync } = await import('node:fs');
  const { CLIENT_EVENTS } = await import('../src/events.js');
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const name of [...Object.keys(CLIENT_EVENTS), ...Object.keys(CALL_EVENTS)]) {
    assert.ok(readme.includes(`| \`${name}\` |`), name);
  }
});
