// The signaling layer: requests need a connection, events reach the call they name, and
// events that arrive before their call is known are held until it is (docs/protocol.md §2).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Signaling } from '../src/signaling.js';
import { ManualTimers, settle } from './fakes.js';

function setup() {
  const seen = { authen: [], client: [] };
  const timers = new ManualTimers();
  const signaling = new Signaling({ onAuthen: (m) => seen.authen.push(m), onClientEvent: (m) => seen.client.push(m) },
    { timers });
  const transport = { connected: true, sent: [], send(verb, body) { this.sent.push({ verb, body }); } };
  signaling.attach(transport);
  return { signaling, transport, seen, timers };
}

test('a request carries a requestId and gets its own reply', () => {
  const { signaling, transport } = setup();
  let result;
  signaling.request('call.dtmf', { callId: 'c1', digits: '1' }, (r) => { result = r; });
  const { body } = transport.sent[0];
  assert.equal(transport.sent[0].verb, 'call.dtmf');
  assert.equal(body.digits, '1');
  signaling.handle({ type: 'reply', requestId: body.requestId, r: 0, message: 'Success' });
  assert.deepEqual(result, { r: 0, message: 'Success' });
});

test('without a connection a request calls back with r=-2, after the call returns', async () => {
  const { signaling, transport } = setup();
  transport.connected = false;
  let result;
  signaling.request('call.info', { callId: 'c1', info: {} }, (r) => { result = r; });
  assert.equal(result, undefined);
  await settle();
  assert.deepEqual(result, { r: -2, message: 'Not connected' });
  assert.equal(transport.sent.length, 0);
});

test('authen and client-wide events go to the client', () => {
  const { signaling, seen } = setup();
  signaling.handle({ type: 'authen', r: 0, userId: 'alice' });
  signaling.handle({ type: 'incomingCall', callId: 'c1' });
  signaling.handle({ type: 'customMessage', fromUserId: 'bob', message: {} });
  signaling.handle({ type: 'otherDeviceAuthen', status: 'connected' });
  assert.equal(seen.authen.length, 1);
  assert.deepEqual(seen.client.map((m) => m.type), ['incomingCall', 'customMessage', 'otherDeviceAuthen']);
});

test('events of a call that is not known yet are delivered, in order, when it registers', () => {
  const { signaling } = setup();
  signaling.handle({ type: 'sdp', callId: 'c1', sdp: { type: 'offer' } });
  signaling.handle({ type: 'candidate', callId: 'c1', candidate: { candidate: 'a' } });
  const seen = [];
  signaling.register('c1', (m) => seen.push(m.type));
  signaling.handle({ type: 'candidate', callId: 'c1', candidate: { candidate: 'b' } });
  assert.deepEqual(seen, ['sdp', 'candidate', 'candidate']);
});

test('early events are forgotten after a while', () => {
  const { signaling, timers } = setup();
  signaling.handle({ type: 'sdp', callId: 'c1', sdp: { type: 'offer' } });
  timers.runAll();
  const seen = [];
  signaling.register('c1', (m) => seen.push(m.type));
  assert.deepEqual(seen, []);
});

test('events of a call that ended here are dropped', () => {
  const { signaling, timers } = setup();
  const seen = [];
  signaling.register('c1', (m) => seen.push(m.type));
  signaling.unregister('c1');
  signaling.handle({ type: 'signalingState', callId: 'c1', code: 6 });
  assert.deepEqual(seen, []);
  assert.equal(timers.pending, 0);
});

test('a failed notify (sdp, candidate) is only logged', () => {
  const { signaling, transport } = setup();
  signaling.notify('call.sdp', { callId: 'c1', sdp: {} });
  const warn = console.warn;
  const warnings = [];
  console.warn = (m) => warnings.push(m);
  try {
    signaling.handle({ type: 'reply', requestId: transport.sent[0].body.requestId, r: 11, message: 'Not allowed' });
  }
  finally {
    console.warn = warn;
  }
  assert.match(warnings[0], /failed: r=11/);
});

test('a dropped connection fails waiting requests with r=-2', () => {
  const { signaling } = setup();
  let result;
  signaling.request('call.hangup', { callId: 'c1' }, (r) => { result = r; });
  signaling.connectionLost();
  assert.equal(result.r, -2);
});
