import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Mailbox, eventKey } from '../lib/mailbox.mjs';

test('events are keyed by type, call and state; others are not kept', () => {
  assert.equal(eventKey({ type: 'incomingCall', callId: 'call-1' }), 'incomingCall:call-1');
  assert.equal(eventKey({ type: 'signalingState', callId: 'call-1', code: 6 }), 'state:call-1:6');
  assert.equal(eventKey({ type: 'otherDeviceAuthen', status: 'connected' }), null);
});

test('an event that arrives before anyone waits is kept, one that arrives after is handed over', async () => {
  const box = new Mailbox(1000);
  box.deliver({ type: 'incomingCall', callId: 'call-1' }, 5);
  assert.deepEqual(await box.waitFor('incomingCall:call-1'), { m: { type: 'incomingCall', callId: 'call-1' }, t: 5 });
  const later = box.waitFor('state:call-1:3');
  box.deliver({ type: 'signalingState', callId: 'call-1', code: 2 }, 6); // ringing: not what is waited for
  box.deliver({ type: 'signalingState', callId: 'call-1', code: 3 }, 7);
  assert.equal((await later).t, 7);
});

test('a reply settles its own request: r=0 resolves with the time, another code rejects', async () => {
  const box = new Mailbox(1000);
  const make = box.expectReply('call.make'), answer = box.expectReply('call.answer');
  assert.notEqual(make.requestId, answer.requestId);
  box.deliver({ type: 'reply', requestId: answer.requestId, r: 1 }, 3);
  box.deliver({ type: 'reply', requestId: make.requestId, r: 0, callId: 'call-9' }, 4);
  assert.deepEqual(await make.reply, { m: { type: 'reply', requestId: make.requestId, r: 0, callId: 'call-9' }, t: 4 });
  await assert.rejects(answer.reply, /call.answer r=1/);
});

test('timeouts name the step without the call id, so failures add up by kind', async () => {
  const box = new Mailbox(10);
  await assert.rejects(box.waitFor('state:call-abc-123:6'), { message: 'timeout waiting for state:*:6' });
  await assert.rejects(box.expectReply('call.hangup').reply, { message: 'timeout: call.hangup reply' });
});

test('clear forgets kept events, and the inbox is bounded', async () => {
  const box = new Mailbox(10);
  for (let i = 0; i < 100; i++) box.deliver({ type: 'incomingCall', callId: `call-${i}` }, i);
  assert.equal(box.inbox.size, 64);
  box.clear();
  await assert.rejects(box.waitFor('incomingCall:call-0'), /timeout/);
});
