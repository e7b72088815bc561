// OnCallerClient against a scripted server (a fake transport): CONNECT headers, authen and a
// refused token, client-wide events, custom messages, and what a dropped connection does.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { OnCallerClient } from '../src/index.js';
import { installFakeWebRtc } from './fake-webrtc.js';
import { FakeTransport, settle } from './fakes.js';

installFakeWebRtc();

function connected(token = 'tok') {
  let transport;
  const client = new OnCallerClient('ws://127.0.0.1:1/ws', {
    transportFactory: (o) => { transport = new FakeTransport(o); return transport; },
  });
  const events = [];
  for (const e of ['connect', 'authen', 'disconnect', 'incomingcall', 'requestnewtoken', 'otherdeviceauthen', 'custommessage']) {
    client.on(e, (payload) => events.push([e, payload]));
  }
  client.connect(token);
  return { client, transport: () => transport, events };
}

test('connect sends the token, a stable device id, platform web and the SDK version', () => {
  const { client, transport } = connected('jwt-1');
  assert.deepEqual(transport().headers, { 'access-token': 'jwt-1', 'device-id': client.deviceId, platform: 'web', 'sdk-version': 'dev' });
  assert.match(client.deviceId, /^web-/);
});

test('authen r=0 signs the client in', () => {
  const { client, transport, events } = connected();
  transport().receive({ type: 'authen', r: 0, message: 'Success', userId: 'alice', iceServers: [{ urls: ['stun:x'] }] });
  assert.deepEqual(events.map((e) => e[0]), ['connect', 'authen']);
  assert.equal(client.userId, 'alice');
  assert.equal(client.hasConnected, true);
  assert.deepEqual(client.authen.iceServers, [{ urls: ['stun:x'] }]);
});

test('a refused token fires authen with its code, and requestnewtoken for code 6', () => {
  const { client, transport, events } = connected();
  events.length = 0;
  transport().options.onRefused(6, 'Token expired or signature invalid');
  assert.deepEqual(events, [['authen', { r: 6, message: 'Token expired or signature invalid' }], ['requestnewtoken', undefined]]);
  assert.equal(client.hasConnected, false);
  events.length = 0;
  transport().options.onRefused(3, 'Invalid token format');
  assert.deepEqual(events.map((e) => e[0]), ['authen']);
});

test('connect again with a new token replaces the connection', () => {
  const { client, transport } = connected('old');
  const first = transport();
  client.connect('new');
  assert.notEqual(transport(), first);
  assert.equal(first.connected, false);
  assert.equal(transport().headers['access-token'], 'new');
});

test('custom messages go out as message.custom and come in as custommessage', async () => {
  const { client, transport, events } = connected();
  let result;
  client.sendCustomMessage('bob', { hello: 'bob' }, (r) => { result = r; });
  assert.deepEqual(transport().last('message.custom').body.message, { hello: 'bob' });
  assert.equal(transport().last('message.custom').body.toUserId, 'bob');
  transport().reply('message.custom', { r: 5, message: 'The target user is not online' });
  assert.equal(result.r, 5);
  transport().receive({ type: 'customMessage', fromUserId: 'bob', message: { hi: 1 } });
  assert.deepEqual(events.at(-1), ['custommessage', { fromUserId: 'bob', message: { hi: 1 } }]);
});

test('otherdeviceauthen hands over the device without the envelope type', () => {
  const { transport, events } = connected();
  transport().receive({ type: 'otherDeviceAuthen', status: 'connected', connectionId: 'c2', deviceId: 'd2', platform: 'java' });
  assert.deepEqual(events.at(-1), ['otherdeviceauthen', { status: 'connected', connectionId: 'c2', deviceId: 'd2', platform: 'java' }]);
});

test('incomingcall hands over an OnCallerCall with the server\'s fields', () => {
  const { transport, events } = connected();
  transport().receive({ type: 'incomingCall', callId: 'call-1', fromNumber: 'alice', toNumber: 'bob', fromAlias: 'Alice',
    toAlias: 'Bob', isVideoCall: true, fromInternal: true, customDataFromYourServer: 'order-42', iceServers: [] });
  const call = events.at(-1)[1];
  assert.equal(events.at(-1)[0], 'incomingcall');
  assert.deepEqual([call.callId, call.fromNumber, call.toNumber, call.fromAlias, call.toAlias, call.isVideoCall,
    call.isIncomingCall, call.customDataFromYourServer, call.state],
  ['call-1', 'alice', 'bob', 'Alice', 'Bob', true, true, 'order-42', 'incoming']);
});

test('a dropped connection without a resume window fails requests, ends calls and fires disconnect once', async () => {
  const { client, transport, events } = connected();
  transport().receive({ type: 'authen', r: 0, userId: 'bob' });
  transport().receive({ type: 'incomingCall', callId: 'call-2', fromNumber: 'a', toNumber: 'bob', iceServers: [] });
  const call = events.at(-1)[1];
  const states = [];
  call.on('signalingstate', (s) => states.push(s));
  let result;
  client.sendCustomMessage('x', {}, (r) => { result = r; });
  transport().drop();
  assert.equal(result.r, -2);
  assert.deepEqual(states, [{ code: 6, reason: 'Connection lost' }]);
  assert.equal(call.ended, true);
  assert.equal(events.filter((e) => e[0] === 'disconnect').length, 1);
  assert.equal(client.hasConnected, false);
  client.disconnect();
  await settle();
  assert.equal(events.filter((e) => e[0] === 'disconnect').length, 1);
});

test('disconnect() closes for good and fires disconnect', () => {
  const { client, transport, events } = connected();
  transport().receive({ type: 'authen', r: 0, userId: 'bob' });
  const t = transport();
  client.disconnect();
  assert.equal(t.connected, false);
  assert.deepEqual(events.at(-1), ['disconnect', undefined]);
});
