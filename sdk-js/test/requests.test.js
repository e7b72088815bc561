// Request matching: every request is settled once, by its own reply (in any order), by the
// timeout (r=-3) or by a dropped connection (r=-2).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { RequestTracker } from '../src/requests.js';
import { ManualTimers } from './fakes.js';

test('replies are matched by requestId, whatever their order', () => {
  const tracker = new RequestTracker({ timers: new ManualTimers() });
  const results = {};
  const first = tracker.nextId();
  const second = tracker.nextId();
  tracker.track(first, (r) => { results.first = r; });
  tracker.track(second, (r) => { results.second = r; });
  assert.equal(tracker.resolve({ type: 'reply', requestId: second, r: 1, message: 'The call is not exist' }), true);
  assert.equal(tracker.resolve({ type: 'reply', requestId: first, r: 0, message: 'Success', callId: 'call-1' }), true);
  assert.deepEqual(results, {
    first: { r: 0, message: 'Success', callId: 'call-1' },
    second: { r: 1, message: 'The call is not exist' },
  });
  assert.equal(tracker.size, 0);
});

test('request ids are unique', () => {
  const tracker = new RequestTracker();
  const ids = new Set(Array.from({ length: 100 }, () => tracker.nextId()));
  assert.equal(ids.size, 100);
});

test('a reply nobody waits for is reported as such', () => {
  const tracker = new RequestTracker({ timers: new ManualTimers() });
  assert.equal(tracker.resolve({ type: 'reply', requestId: 'nope', r: 10, message: 'Invalid request' }), false);
});

test('a request without a reply times out with r=-3, and a late reply is ignored', () => {
  const timers = new ManualTimers();
  const tracker = new RequestTracker({ timers });
  const id = tracker.nextId();
  const calls = [];
  tracker.track(id, (r) => calls.push(r));
  timers.runAll();
  assert.deepEqual(calls, [{ r: -3, message: 'No reply from the server in time' }]);
  assert.equal(tracker.resolve({ type: 'reply', requestId: id, r: 0, message: 'Success' }), false);
  assert.equal(calls.length, 1);
});

test('a dropped connection fails every waiting request with r=-2 and clears the timers', () => {
  const timers = new ManualTimers();
  const tracker = new RequestTracker({ timers });
  const calls = [];
  tracker.track(tracker.nextId(), (r) => calls.push(r.r));
  tracker.track(tracker.nextId(), (r) => calls.push(r.r));
  tracker.failAll({ r: -2, message: 'Not connected' });
  assert.deepEqual(calls, [-2, -2]);
  assert.equal(timers.pending, 0);
});

test('a callback that throws does not break the tracker', () => {
  const tracker = new RequestTracker({ timers: new ManualTimers() });
  const id = tracker.nextId();
  tracker.track(id, () => { throw new Error('app bug'); });
  const error = console.error;
  console.error = () => {};
  try {
    assert.equal(tracker.resolve({ type: 'reply', requestId: id, r: 0, message: 'Success' }), true);
  }
  finally {
    console.error = error;
  }
  assert.equal(tracker.size, 0);
});
