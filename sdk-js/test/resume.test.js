// A dropped connection and the calls that survive it (docs/protocol.md §2.1), against a scripted
// server: reconnecting/reconnected, CONNECT's resume-token, call.resume and its r=0/1/11 or no
// answer, seq dedupe of replays, peerconnection, ICE restart, disconnect(), and the window.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';

import { OnCallerCall, OnCallerClient } from '../src/index.js';
import { FakePeer, installFakeWebRtc } from './fake-webrtc.js';
import { FakeTransport, ManualTimers, settle } from './fakes.js';

installFakeWebRtc();

beforeEach(() => {
  FakePeer.all.length = 0;
});

const authen = (window = 30, token = 'rt-1') => ({ type: 'authen', r: 0, userId: 'alice', iceServers: [],
  resumeToken: token, resumeWindowSeconds: window });

function signedIn(window, timers) {
  let transport;
  const client = new OnCallerClient('ws://127.0.0.1:1/ws', {
    transportFactory: (o) => { transport = new FakeTransport(o); return transport; },
    ...(timers ? { timers } : {}),
  });
  const events = [];
  for (const e of ['disconnect', 'reconnecting', 'reconnected', 'authen']) {
    client.on(e, () => events.push(e));
  }
  client.connect('tok');
  transport.receive(authen(window));
  events.length = 0;
  return { client, server: transport, latest: () => transport, events };
}

/** An answered outgoing call 'call-9' of a signed-in client, its events recorded. */
async function answeredCall(window = 30, timers) {
  const { client, server, latest, events } = signedIn(window, timers);
  const call = new OnCallerCall(client, 'alice', 'bob', false);
  call.makeCall();
  server.reply('call.make', { r: 0, message: 'Success', callId: 'call-9', iceServers: [] });
  await settle();
  server.receive({ type: 'signalingState', callId: 'call-9', code: 3, reason: 'Answered', seq: 1 });
  server.receive({ type: 'sdp', callId: 'call-9', deviceId: 'bob-1', sdp: { type: 'answer', sdp: 'a1' }, seq: 2 });
  await settle();
  const callEvents = [];
  for (const e of ['signalingstate', 'peerconnection', 'info']) {
    call.on(e, (p) => callEvents.push([e, p]));
  }
  return { client, server, latest, events, call, callEvents };
}

test('a drop keeps the call, reconnects with the resume token and resumes it (r=0)', async () => {
  const { client, server, events, call, callEvents } = await answeredCall();
  server.drop();
  assert.deepEqual(events, ['disconnect', 'reconnecting']);
  assert.equal(call.ended, false);
  assert.equal(call.state, 'answered');
  server.reconnect();
  assert.equal(server.headers['resume-token'], 'rt-1');
  assert.equal(server.headers['device-id'], client.deviceId);
  server.receive(authen(30, 'rt-2'));
  assert.deepEqual(server.last('call.resume').body, { callId: 'call-9', lastSeq: 2, requestId: server.last('call.resume').body.requestId });
  assert.deepEqual(events, ['disconnect', 'reconnecting', 'authen']);
  server.reply('call.resume', { r: 0, message: 'Success', state: 3 });
  assert.deepEqual(events, ['disconnect', 'reconnecting', 'authen', 'reconnected']);
  assert.equal(call.ended, false);
  assert.deepEqual(callEvents, []);
  // the next drop resumes with the new connection's token
  server.drop();
  server.reconnect();
  assert.equal(server.headers['resume-token'], 'rt-2');
});

test('resume r=1: the call ended meanwhile, with the server\'s final state and reason', async () => {
  const { server, events, call, callEvents } = await answeredCall();
  server.drop();
  server.reconnect();
  server.receive(authen());
  server.reply('call.resume', { r: 1, message: 'Call not exist', state: 6, reason: 'Max connect time' });
  assert.deepEqual(callEvents, [['signalingstate', { code: 6, reason: 'Max connect time' }]]);
  assert.equal(call.ended, true);
  assert.equal(FakePeer.all[0].closed, true);
  assert.equal(events.at(-1), 'reconnected');
});

test('resume r=11 ends the call as Connection lost', async () => {
  const { server, events, call, callEvents } = await answeredCall();
  server.drop();
  server.reconnect();
  server.receive(authen());
  server.reply('call.resume', { r: 11, message: 'Not allowed' });
  assert.deepEqual(callEvents, [['signalingstate', { code: 6, reason: 'Connection lost' }]]);
  assert.equal(call.ended, true);
  assert.equal(events.at(-1), 'reconnected');
});

test('no answer to call.resume ends the call as Connection lost', async () => {
  const timers = new ManualTimers();
  const { server, events, call, callEvents } = await answeredCall(30, timers);
  server.drop();
  server.reconnect();
  server.receive(authen());
  assert.ok(server.last('call.resume'));
  timers.runAll(); // the reply timeout
  assert.deepEqual(callEvents, [['signalingstate', { code: 6, reason: 'Connection lost' }]]);
  assert.equal(call.ended, true);
  assert.equal(events.at(-1), 'reconnected');
});

test('replayed events whose seq was seen are ignored; the others are handled once', async () => {
  const { server, call, callEvents } = await answeredCall();
  server.receive({ type: 'info', callId: 'call-9', info: { n: 3 }, seq: 3 });
  server.drop();
  server.reconnect();
  server.receive(authen());
  assert.equal(server.last('call.resume').body.lastSeq, 3);
  server.reply('call.resume', { r: 0, message: 'Success', state: 3 });
  server.receive({ type: 'info', callId: 'call-9', info: { n: 3 }, seq: 3 });
  server.receive({ type: 'info', callId: 'call-9', info: { n: 4 }, seq: 4 });
  server.receive({ type: 'info', callId: 'call-9', info: { n: 4 }, seq: 4 });
  server.receive({ type: 'signalingState', callId: 'call-9', code: 6, reason: 'Ended', seq: 2 });
  assert.deepEqual(callEvents, [['info', { n: 3 }], ['info', { n: 4 }]]);
  assert.equal(call.ended, false);
});

test('an event that arrives after a higher seq (numbered and sent concurrently) is still handled, once', async () => {
  const { server, callEvents } = await answeredCall();
  server.receive({ type: 'info', callId: 'call-9', info: { n: 4 }, seq: 4 });
  server.receive({ type: 'info', callId: 'call-9', info: { n: 3 }, seq: 3 });
  server.receive({ type: 'info', callId: 'call-9', info: { n: 3 }, seq: 3 });
  assert.deepEqual(callEvents, [['info', { n: 4 }], ['info', { n: 3 }]]);
});

test('a replayed incomingCall is not a second call, and its seq counts as seen', async () => {
  const { client, server } = signedIn(30);
  const calls = [];
  client.on('incomingcall', (c) => calls.push(c));
  const ring = { type: 'incomingCall', callId: 'call-5', fromNumber: 'bob', toNumber: 'alice', iceServers: [], seq: 1 };
  server.receive(ring);
  server.drop();
  server.reconnect();
  server.receive(authen());
  assert.equal(server.last('call.resume').body.lastSeq, 1);
  server.reply('call.resume', { r: 0, message: 'Success', state: 1 });
  server.receive(ring);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].ended, false);
});

test('peerConnection events fire peerconnection with the state', async () => {
  const { server, call, callEvents } = await answeredCall();
  server.receive({ type: 'peerConnection', callId: 'call-9', state: 'lost', seq: 3 });
  server.receive({ type: 'peerConnection', callId: 'call-9', state: 'restored', seq: 4 });
  assert.deepEqual(callEvents, [['peerconnection', { state: 'lost' }], ['peerconnection', { state: 'restored' }]]);
  assert.equal(call.ended, false);
});

test('after a resume the caller restarts ICE through call.sdp when the media path was lost', async () => {
  const { server } = await answeredCall();
  const pc = FakePeer.all[0];
  const offers = () => server.sent.filter((s) => s.verb === 'call.sdp' && s.body.sdp.type === 'offer').length;
  const before = offers();
  pc.iceConnectionState = 'disconnected';
  server.drop();
  server.reconnect();
  server.receive(authen());
  server.reply('call.resume', { r: 0, message: 'Success', state: 3 });
  await settle();
  assert.equal(offers(), before + 1);
  assert.deepEqual(pc.offerOptions.at(-1), { iceRestart: true });
  assert.equal(server.last('call.sdp').body.callId, 'call-9');
});

test('no ICE restart when the media path held, nor by the side that answered', async () => {
  const { server } = await answeredCall();
  const pc = FakePeer.all[0];
  pc.iceConnectionState = 'connected';
  const offersBefore = pc.offerOptions.length;
  server.drop();
  server.reconnect();
  server.receive(authen());
  server.reply('call.resume', { r: 0, message: 'Success', state: 3 });
  await settle();
  assert.equal(pc.offerOptions.length, offersBefore);

  const callee = signedIn(30);
  let call;
  callee.client.on('incomingcall', (c) => { call = c; });
  callee.server.receive({ type: 'sdp', callId: 'call-5', deviceId: 'a-1', sdp: { type: 'offer', sdp: 'o1' }, seq: 2 });
  callee.server.receive({ type: 'incomingCall', callId: 'call-5', fromNumber: 'bob', toNumber: 'alice', iceServers: [], seq: 1 });
  call.answer();
  await settle();
  callee.server.reply('call.answer', { r: 0, message: 'Success' });
  await settle();
  const calleePc = FakePeer.all.at(-1);
  calleePc.iceConnectionState = 'failed';
  callee.server.drop();
  callee.server.reconnect();
  callee.server.receive(authen());
  assert.equal(callee.server.last('call.resume').body.lastSeq, 2);
  callee.server.reply('call.resume', { r: 0, message: 'Success', state: 3 });
  await settle();
  assert.deepEqual(calleePc.offerOptions, []);
  // the caller's restart offer is answered as any re-offer
  callee.server.receive({ type: 'sdp', callId: 'call-5', deviceId: 'a-1', sdp: { type: 'offer', sdp: 'restart' }, seq: 3 });
  await settle();
  assert.equal(calleePc.remoteDescription.sdp, 'restart');
  assert.deepEqual(callee.server.last('call.sdp').body.sdp, { type: 'answer', sdp: 'answer-sdp' });
});

test('disconnect() ends calls at once: no reconnecting, no resume', async () => {
  const { client, server, events, call, callEvents } = await answeredCall();
  client.disconnect();
  assert.deepEqual(callEvents, [['signalingstate', { code: 6, reason: 'Connection lost' }]]);
  assert.equal(call.ended, true);
  assert.deepEqual(events, ['disconnect']);
  assert.equal(server.connected, false);
});

test('resumeWindowSeconds 0: a drop ends calls at once, and the client still reconnects', async () => {
  const { server, events, call, callEvents } = await answeredCall(0);
  server.drop();
  assert.deepEqual(callEvents, [['signalingstate', { code: 6, reason: 'Connection lost' }]]);
  assert.equal(call.ended, true);
  server.reconnect();
  assert.equal(server.headers['resume-token'], 'rt-1');
  server.receive(authen(0));
  assert.equal(server.sent.filter((s) => s.verb === 'call.resume').length, 0);
  assert.deepEqual(events, ['disconnect', 'reconnecting', 'authen', 'reconnected']);
});

test('the window passing before the reconnect ends calls as Connection lost', async () => {
  const timers = new ManualTimers();
  const { server, events, call, callEvents } = await answeredCall(30, timers);
  server.drop();
  assert.equal(call.ended, false);
  timers.runAll(); // 30 s later, still away
  assert.deepEqual(callEvents, [['signalingstate', { code: 6, reason: 'Connection lost' }]]);
  assert.equal(call.ended, true);
  server.reconnect();
  server.receive(authen());
  assert.equal(server.sent.filter((s) => s.verb === 'call.resume').length, 0);
  assert.equal(events.at(-1), 'reconnected');
});

test('a hangup while reconnecting ends the call here at once, and on the server once back', async () => {
  const { server, events, call, callEvents } = await answeredCall();
  server.drop();
  const replies = [];
  call.hangup((res) => replies.push(res));
  await settle();
  assert.deepEqual(callEvents, [['signalingstate', { code: 6, reason: 'Ended' }]]);
  assert.equal(call.ended, true);
  assert.equal(FakePeer.all[0].closed, true);
  assert.deepEqual(replies, []);
  server.reconnect();
  server.receive(authen());
  const resume = server.last('call.resume').body;
  assert.deepEqual(resume, { callId: 'call-9', lastSeq: 2, requestId: resume.requestId });
  assert.equal(server.sent.filter((s) => s.verb === 'call.hangup').length, 0, 'not before the call is this connection\'s');
  server.reply('call.resume', { r: 0, message: 'Success', state: 3 });
  assert.equal(server.last('call.hangup').body.callId, 'call-9');
  server.reply('call.hangup', { r: 0, message: 'Success' });
  await settle();
  assert.deepEqual(replies.map((r) => r.r), [0]);
  assert.equal(events.at(-1), 'reconnected');
  assert.equal(callEvents.length, 1, 'the call ended here once');
});

test('a reject while reconnecting is sent once back; if the call ended meanwhile the callback gets that', async () => {
  const { client, server } = signedIn(30);
  let call;
  client.on('incomingcall', (c) => { call = c; });
  server.receive({ type: 'incomingCall', callId: 'call-5', fromNumber: 'bob', toNumber: 'alice', iceServers: [], seq: 1 });
  await settle();
  server.drop();
  const replies = [];
  call.reject((res) => replies.push(res));
  await settle();
  assert.equal(call.ended, true);
  server.reconnect();
  server.receive(authen());
  assert.equal(server.last('call.resume').body.lastSeq, 1);
  server.reply('call.resume', { r: 1, message: 'Call not exist', state: 6, reason: 'Ended' });
  await settle();
  assert.equal(server.sent.filter((s) => s.verb === 'call.reject').length, 0);
  assert.deepEqual(replies.map((r) => r.r), [1]);
});

test('a hangup while reconnecting, and the window passes: the callback gets r=-2, nothing is sent', async () => {
  const timers = new ManualTimers();
  const { server, call } = await answeredCall(30, timers);
  server.drop();
  const replies = [];
  call.hangup((res) => replies.push(res));
  timers.runAll(); // 30 s later, still away: the server ends the call itself
  await settle();
  assert.deepEqual(replies.map((r) => r.r), [-2]);
  server.reconnect();
  server.receive(authen());
  assert.equal(server.sent.filter((s) => s.verb === 'call.resume' || s.verb === 'call.hangup').length, 0);
});

test('a new token while reconnecting (requestnewtoken) keeps the calls waiting and resumes them', async () => {
  const { client, server, latest, events, call, callEvents } = await answeredCall();
  server.drop();
  server.options.onRefused(6, 'Token expired or signature invalid');
  client.connect('tok-2');
  const next = latest();
  assert.notEqual(next, server);
  assert.equal(call.ended, false);
  assert.deepEqual([next.headers['access-token'], next.headers['resume-token']], ['tok-2', 'rt-1']);
  next.receive(authen());
  next.reply('call.resume', { r: 0, message: 'Success', state: 3 });
  assert.equal(events.at(-1), 'reconnected');
  assert.equal(call.ended, false);
  assert.deepEqual(callEvents, []);
});
