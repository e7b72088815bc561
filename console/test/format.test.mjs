// What the console shows and sends, apart from the DOM: durations and query strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { query } from '../src/api.js';
import { duration, party } from '../src/dom.js';

test('durations read as minutes and seconds, hours past the hour', () => {
  assert.equal(duration(0), '0:00');
  assert.equal(duration(65), '1:05');
  assert.equal(duration(3725), '1:02:05');
  assert.equal(duration(-3), '0:00');
  assert.equal(duration(null), '');
});

test('a query string leaves out empty filters and encodes the rest', () => {
  assert.equal(query({ from: '+4420', to: '', userId: null, status: 'ENDED', cursor: undefined }), '?from=%2B4420&status=ENDED');
  assert.equal(query({}), '');
});

test('a party shows its alias when it has another one', () => {
  assert.equal(party('+4420', 'Alice'), 'Alice (+4420)');
  assert.equal(party('alice', 'alice'), 'alice');
  assert.equal(party('bob', null), 'bob');
});
