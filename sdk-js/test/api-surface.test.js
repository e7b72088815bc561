// The public API against the seed (the seed: 15 properties, 10
// methods, 7 events) and PROTOCOL §6 (the client, and the call's extras).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as sdk from '../src/index.js';
import { OnCallerCall, OnCallerClient } from '../src/index.js';
import { CALL_EVENTS, CLIENT_EVENTS, SEED_CALL_EVENTS } from '../src/events.js';

const SEED_PROPERTIES = ['client', 'fromNumber', 'toNumber', 'customDataFromYourServer', 'fromAlias', 'toAlias',
  'fromInternal', 'answeredOnAnotherDevice', 'isVideoCall', 'isIncomingCall', 'isAnswered', 'ended', 'callId',
  'localVideoEnabled', 'videoResolution'];
const SEED_METHODS = ['makeCall', 'answer', 'reject', 'ringing', 'hangup', 'sendInfo', 'sendDtmf', 'hold', 'unhold',
  'sendTransfer'];
const SEED_EVENTS = ['addlocalstream', 'addremotestream', 'mediastate', 'otherdevice', 'error', 'signalingstate', 'info'];

const client = () => new OnCallerClient('ws://127.0.0.1:1/ws');

test('OnCallerCall has the seed\'s 15 properties, set by the constructor', () => {
  const c = client();
  const call = new OnCallerCall(c, 'alice', 'bob', true);
  assert.equal(SEED_PROPERTIES.length, 15);
  for (const p of SEED_PROPERTIES) {
    assert.ok(p in call, p);
  }
  assert.equal(call.client, c);
  assert.equal(call.fromNumber, 'alice');
  assert.equal(call.toNumber, 'bob');
  assert.equal(call.isVideoCall, true);
  assert.equal(call.isIncomingCall, false);
  assert.equal(call.isAnswered, false);
  assert.equal(call.ended, false);
  assert.equal(call.callId, null);
  assert.equal(call.answeredOnAnotherDevice, false);
});

test('OnCallerCall has the seed\'s 10 methods', () => {
  assert.equal(SEED_METHODS.length, 10);
  for (const m of SEED_METHODS) {
    assert.equal(typeof OnCallerCall.prototype[m], 'function', m);
  }
});

test('OnCallerCall has the seed\'s 7 events, each documented with an example', () => {
  assert.deepEqual([...SEED_CALL_EVENTS].sort(), [...SEED_EVENTS].sort());
  for (const e of SEED_EVENTS) {
    assert.ok(CALL_EVENTS[e], e);
  }
  for (const [name, doc] of Object.entries({ ...CALL_EVENTS, ...CLIENT_EVENTS })) {
    assert.ok(doc.description.length > 10, name);
    assert.match(doc.example, new RegExp(`'${name}'`), name);
  }
});

test('event lists are frozen', () => {
  assert.ok(Object.isFrozen(CALL_EVENTS));
  assert.ok(Object.isFrozen(CLIENT_EVENTS));
  assert.throws(() => { CALL_EVENTS.extra = {}; }, TypeError);
});

test('OnCallerCall has the PROTOCOL §6 extras', () => {
  const call = new OnCallerCall(client(), 'a', 'b', false);
  for (const m of ['mute', 'enableLocalVideo', 'upgradeToVideoCall', 'on', 'off']) {
    assert.equal(typeof call[m], 'function', m);
  }
  assert.equal(call.muted, false);
  assert.equal(call.isOnHold, false);
  assert.equal(call.custom, null);
  assert.equal(call.state, 'new');
});

test('OnCallerClient has the PROTOCOL §6 surface', () => {
  const c = client();
  for (const m of ['connect', 'disconnect', 'sendCustomMessage', 'on', 'off']) {
    assert.equal(typeof c[m], 'function', m);
  }
  assert.equal(c.userId, null);
  assert.equal(c.hasConnected, false);
  assert.deepEqual(Object.keys(CLIENT_EVENTS).sort(),
    ['authen', 'connect', 'custommessage', 'disconnect', 'incomingcall', 'otherdeviceauthen', 'reconnected',
      'reconnecting', 'requestnewtoken']);
});

test('the package exports what index.d.ts declares', () => {
  assert.deepEqual(Object.keys(sdk).sort(),
    ['CALL_EVENTS', 'CATALOG', 'CLIENT_EVENTS', 'CallState', 'OnCallerCall', 'OnCallerClient', 'OnCallerUtil',
      'SDK_VERSION', 'VERB_STATES', 'describe']);
});
