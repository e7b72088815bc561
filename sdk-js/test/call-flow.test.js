// OnCallerCall's flows against a scripted server and fake WebRTC: what each verb sends, what
// each server event fires, media errors 1000/1001, and exactly one final signalingstate.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';

import { OnCallerCall, OnCallerClient } from '../src/index.js';
import { FakePeer, installFakeWebRtc, media } from './fake-webrtc.js';
import { FakeTransport, settle } from './fakes.js';

installFakeWebRtc();

beforeEach(() => {
  media.refuse = null;
  media.requests.length = 0;
  FakePeer.all.length = 0;
});

function signedIn(userId) {
  let transport;
  const client = new OnCallerClient('ws://127.0.0.1:1/ws', {
    transportFactory: (o) => { transport = new FakeTransport(o); return transport; },
  });
  client.connect('tok');
  transport.receive({ type: 'authen', r: 0, userId, iceServers: [{ urls: ['stun:authen'] }] });
  return { client, server: transport };
}

function record(call) {
  const events = [];
  for (const e of ['addlocalstream', 'addremotestream', 'signalingstate', 'mediastate', 'info', 'otherdevice', 'error',
    'dtmf', 'hold', 'transferred']) {
    call.on(e, (p) => events.push([e, p]));
  }
  return events;
}

async function outgoing(isVideo = true) {
  const { client, server } = signedIn('alice');
  const call = new OnCallerCall(client, 'alice', 'bob', isVideo);
  const events = record(call);
  let made;
  call.makeCall((r) => { made = r; });
  server.reply('call.make', { r: 0, message: 'Success', callId: 'call-9', customDataFromYourServer: 'cd', iceServers: [] });
  await settle();
  return { client, server, call, events, made };
}

async function incoming() {
  const { client, server } = signedIn('bob');
  let call;
  client.on('incomingcall', (c) => { call = c; });
  server.receive({ type: 'sdp', callId: 'call-5', deviceId: 'alice-1', sdp: { type: 'offer', sdp: 'early-offer' } });
  server.receive({ type: 'incomingCall', callId: 'call-5', fromNumber: 'alice', toNumber: 'bob', isVideoCall: false, iceServers: [] });
  server.receive({ type: 'candidate', callId: 'call-5', deviceId: 'alice-1', candidate: { candidate: 'c-alice' } });
  return { client, server, call, events: record(call) };
}

test('makeCall sends call.make, then captures media and sends the offer', async () => {
  const { server, call, events, made } = await outgoing();
  assert.deepEqual(server.last('call.make').body, { fromNumber: 'alice', toNumber: 'bob', isVideoCall: true, requestId: server.last('call.make').body.requestId });
  assert.equal(made.r, 0);
  assert.equal(call.callId, 'call-9');
  assert.equal(call.customDataFromYourServer, 'cd');
  assert.deepEqual(media.requests, [{ audio: true, video: true }]);
  assert.equal(events[0][0], 'addlocalstream');
  assert.equal(call.localVideoEnabled, true);
  assert.deepEqual(server.last('call.sdp').body.sdp, { type: 'offer', sdp: 'offer-2' });
  await settle();
  assert.equal(server.last('call.candidate').body.callId, 'call-9');
  // the reply had no ICE servers: those of authen are used
  assert.deepEqual(FakePeer.all[0].config.iceServers, [{ urls: ['stun:authen'] }]);
});

test('custom goes with call.make as a string', async () => {
  const { client, server } = signedIn('alice');
  const call = new OnCallerCall(client, 'alice', 'bob', false);
  call.custom = { order: 42 };
  call.makeCall();
  assert.equal(server.last('call.make').body.custom, '{"order":42}');
});

test('a failed makeCall calls back with its code and ends the call', async () => {
  const { client, server } = signedIn('alice');
  const call = new OnCallerCall(client, 'alice', 'bob', false);
  let made;
  call.makeCall((r) => { made = r; });
  server.reply('call.make', { r: 1, message: 'Make call failed. Answer url is empty' });
  assert.equal(made.r, 1);
  assert.equal(call.ended, true);
  assert.deepEqual(server.sent.map((s) => s.verb), ['call.make']);
});

test('the callee\'s candidates that overtake its answer are applied after it', async () => {
  const { server, call, events } = await outgoing();
  server.receive({ type: 'candidate', callId: 'call-9', deviceId: 'bob-1', candidate: { candidate: 'c-bob' } });
  server.receive({ type: 'signalingState', callId: 'call-9', code: 2, reason: 'Ringing' });
  server.receive({ type: 'signalingState', callId: 'call-9', code: 3, reason: 'Answered' });
  server.receive({ type: 'sdp', callId: 'call-9', deviceId: 'bob-1', sdp: { type: 'answer', sdp: 'bob-answer' } });
  await settle();
  const pc = FakePeer.all[0];
  assert.equal(pc.remoteDescription.sdp, 'bob-answer');
  assert.deepEqual(pc.applied, ['c-bob']);
  assert.deepEqual(events.filter((e) => e[0] === 'signalingstate').map((e) => e[1].code), [2, 3]);
  assert.equal(call.state, 'answered');
  assert.equal(call.isAnswered, true);
});

test('media state is reported to the app and to the server once per change', async () => {
  const { server, events } = await outgoing();
  const pc = FakePeer.all[0];
  pc.connectionStateIs('connecting');
  pc.connectionStateIs('connected');
  pc.connectionStateIs('connected');
  assert.deepEqual(events.filter((e) => e[0] === 'mediastate').map((e) => e[1]), [{ code: 1, reason: 'Connected' }]);
  assert.equal(server.sent.filter((s) => s.verb === 'call.mediastate').length, 1);
  pc.connectionStateIs('failed');
  assert.deepEqual(events.filter((e) => e[0] === 'error').map((e) => e[1].code), [1001]);
});

test('hangup ends the call once, whatever the server says after', async () => {
  const { server, call, events } = await outgoing();
  let result;
  call.hangup((r) => { result = r; });
  server.reply('call.hangup', { r: 0, message: 'Success' });
  server.receive({ type: 'signalingState', callId: 'call-9', code: 6, reason: 'Canceled' });
  assert.equal(result.r, 0);
  assert.deepEqual(events.filter((e) => e[0] === 'signalingstate').map((e) => e[1]), [{ code: 6, reason: 'Ended' }]);
  assert.equal(call.ended, true);
  assert.equal(FakePeer.all[0].closed, true);
});

test('hangup before the makeCall reply is sent once the call has an id', async () => {
  const { client, server } = signedIn('alice');
  const call = new OnCallerCall(client, 'alice', 'bob', false);
  let hungUp;
  call.makeCall();
  call.hangup((r) => { hungUp = r; });
  assert.deepEqual(server.sent.map((s) => s.verb), ['call.make']);
  server.reply('call.make', { r: 0, message: 'Success', callId: 'call-3' });
  assert.equal(server.last('call.hangup').body.callId, 'call-3');
  server.reply('call.hangup', { r: 0, message: 'Success' });
  assert.equal(hungUp.r, 0);
  assert.equal(call.ended, true);
});

test('getUserMedia refused: error 1000, and the call is hung up', async () => {
  media.refuse = 'Permission denied';
  const { server, call, events } = await outgoing();
  assert.deepEqual(events[0], ['error', { code: 1000, name: 'GET_USER_MEDIA_ERROR', reason: 'Could not get the microphone or camera', moreInfo: 'NotAllowedError: Permission denied' }]);
  server.reply('call.hangup', { r: 0, message: 'Success' });
  assert.deepEqual(events.at(-1), ['signalingstate', { code: 6, reason: 'Media error' }]);
  assert.equal(call.ended, true);
});

test('RTCPeerConnection refused: error 1001, and the call is hung up', async () => {
  const Peer = globalThis.RTCPeerConnection;
  globalThis.RTCPeerConnection = function () { throw new Error('no WebRTC'); };
  try {
    const { server, events } = await outgoing(false);
    assert.equal(events.find((e) => e[0] === 'error')[1].code, 1001);
    assert.equal(server.last('call.hangup').body.callId, 'call-9');
  }
  finally {
    globalThis.RTCPeerConnection = Peer;
  }
});

test('an incoming call answers the offer that arrived before it, with its candidates', async () => {
  const { server, call } = await incoming();
  call.ringing();
  assert.equal(server.last('call.ringing').body.callId, 'call-5');
  let answered;
  call.answer((r) => { answered = r; });
  await settle();
  assert.deepEqual(media.requests, [{ audio: true, video: false }]);
  server.reply('call.answer', { r: 0, message: 'Success' });
  await settle();
  assert.equal(answered.r, 0);
  assert.equal(call.isAnswered, true);
  const pc = FakePeer.all[0];
  assert.equal(pc.remoteDescription.sdp, 'early-offer');
  assert.deepEqual(pc.applied, ['c-alice']);
  assert.deepEqual(server.last('call.sdp').body.sdp, { type: 'answer', sdp: 'answer-sdp' });
});

test('answer with the microphone refused keeps ringing and calls back with r=-4', async () => {
  media.refuse = 'Permission denied';
  const { server, call, events } = await incoming();
  let answered;
  call.answer((r) => { answered = r; });
  await settle();
  assert.equal(answered.r, -4);
  assert.equal(call.state, 'incoming');
  assert.equal(events[0][1].code, 1000);
  assert.equal(server.sent.filter((s) => s.verb === 'call.answer').length, 0);
});

test('answer lost to another device ends the call here', async () => {
  const { server, call } = await incoming();
  let answered;
  call.answer((r) => { answered = r; });
  await settle();
  server.reply('call.answer', { r: 2, message: 'Answer call failed. The call was controlled from other device' });
  assert.equal(answered.r, 2);
  assert.equal(call.answeredOnAnotherDevice, true);
  assert.equal(call.ended, true);
});

test('otherdevice 200 ends the ringing call and says where it went', async () => {
  const { server, call, events } = await incoming();
  server.receive({ type: 'otherDevice', callId: 'call-5', code: 200, data: { type: 'CALL_STATE', code: 200, callId: 'call-5' } });
  assert.deepEqual(events, [['otherdevice', { type: 'CALL_STATE', code: 200, callId: 'call-5' }]]);
  assert.equal(call.answeredOnAnotherDevice, true);
  assert.equal(call.ended, true);
});

test('reject ends the call here with one final signalingstate', async () => {
  const { server, call, events } = await incoming();
  call.reject();
  server.reply('call.reject', { r: 0, message: 'Success' });
  assert.deepEqual(events, [['signalingstate', { code: 6, reason: 'Rejected' }]]);
  assert.equal(call.ended, true);
});

test('info, dtmf, hold and transferred from the other side fire their events', async () => {
  const { server, events } = await outgoing(false);
  server.receive({ type: 'info', callId: 'call-9', deviceId: 'b', info: { a: 1 } });
  server.receive({ type: 'dtmf', callId: 'call-9', deviceId: 'b', digits: '12#' });
  server.receive({ type: 'hold', callId: 'call-9', deviceId: 'b', hold: true });
  server.receive({ type: 'transferred', callId: 'call-9', toUserId: 'carol' });
  assert.deepEqual(events.slice(1), [['info', { a: 1 }], ['dtmf', { digits: '12#' }], ['hold', { hold: true }],
    ['transferred', { toUserId: 'carol' }]]);
});

test('verbs outside their state are not sent and call back with r=-1', async () => {
  const { client, server } = signedIn('alice');
  const call = new OnCallerCall(client, 'alice', 'bob', false);
  const results = [];
  call.answer((r) => results.push(['answer', r.r, r.state]));
  call.sendDtmf('1', (r) => results.push(['sendDtmf', r.r]));
  assert.equal(call.hold((r) => results.push(['hold', r.r])), false);
  assert.equal(call.upgradeToVideoCall(), false);
  assert.deepEqual(results, []);
  await settle();
  assert.deepEqual(results, [['answer', -1, 'new'], ['sendDtmf', -1], ['hold', -1]]);
  assert.equal(server.sent.length, 0);
});

test('answered: sendInfo, sendDtmf, hold, unhold, sendTransfer send their requests', async () => {
  const { server, call } = await outgoing(false);
  server.receive({ type: 'signalingState', callId: 'call-9', code: 3, reason: 'Answered' });
  call.sendInfo({ infoA: '1' });
  call.sendDtmf('5');
  assert.equal(call.hold(), true);
  assert.equal(call.isOnHold, true);
  const results = [];
  assert.equal(call.hold((r) => results.push(r.message)), false);
  assert.equal(call.unhold(), true);
  call.sendTransfer('carol');
  await settle();
  assert.deepEqual(results, ['Already on hold']);
  const sent = server.sent.filter((s) => ['call.info', 'call.dtmf', 'call.hold', 'call.transfer'].includes(s.verb))
    .map((s) => [s.verb, s.body.info || s.body.digits || (s.body.hold ?? s.body.userId)]);
  assert.deepEqual(sent, [['call.info', { infoA: '1' }], ['call.dtmf', '5'], ['call.hold', true], ['call.hold', false],
    ['call.transfer', 'carol']]);
});

test('mute, camera and hold switch the local tracks; hold also the remote ones', async () => {
  const { server, call } = await outgoing(true);
  server.receive({ type: 'signalingState', callId: 'call-9', code: 3, reason: 'Answered' });
  const [audio, video] = call.localStream.getTracks();
  call.mute(true);
  assert.deepEqual([audio.enabled, video.enabled, call.muted], [false, true, true]);
  assert.equal(call.enableLocalVideo(false), true);
  assert.deepEqual([video.enabled, call.localVideoEnabled], [false, false]);
  call.mute(false);
  call.enableLocalVideo(true);
  call.hold();
  assert.deepEqual([audio.enabled, video.enabled], [false, false]);
  call.unhold();
  assert.deepEqual([audio.enabled, video.enabled], [true, true]);
});

test('upgradeToVideoCall adds the camera and sends a new offer', async () => {
  const { server, call, events } = await outgoing(false);
  server.receive({ type: 'signalingState', callId: 'call-9', code: 3, reason: 'Answered' });
  assert.equal(call.enableLocalVideo(true), false);
  assert.equal(call.upgradeToVideoCall(), true);
  await settle();
  assert.equal(call.isVideoCall, true);
  assert.equal(call.localVideoEnabled, true);
  assert.deepEqual(media.requests.at(-1), { video: true });
  assert.deepEqual(server.last('call.sdp').body.sdp, { type: 'offer', sdp: 'offer-2' });
  assert.equal(events.filter((e) => e[0] === 'addlocalstream').length, 2);
});

test('video from the other side (its upgrade) makes isVideoCall true here, before addremotestream', async () => {
  const { server, call, events } = await incoming();
  call.answer();
  await settle();
  server.reply('call.answer', { r: 0, message: 'Success' });
  await settle();
  const pc = FakePeer.all[0];
  pc.remoteTrack('audio');
  await settle();
  assert.equal(call.isVideoCall, false);
  let seenByHandler;
  call.on('addremotestream', () => { seenByHandler = call.isVideoCall; });
  server.receive({ type: 'sdp', callId: 'call-5', deviceId: 'alice-1', sdp: { type: 'offer', sdp: 'video-offer' } });
  await settle();
  pc.remoteTrack('video');
  await settle();
  assert.equal(call.isVideoCall, true);
  assert.equal(seenByHandler, true);
  assert.equal(events.filter((e) => e[0] === 'addremotestream').length, 2);
  // this side still sends no video until it upgrades too
  assert.equal(call.localVideoEnabled, false);
  assert.equal(call.enableLocalVideo(true), false);
  assert.equal(call.upgradeToVideoCall(), true);
  await settle();
  assert.deepEqual([call.isVideoCall, call.localVideoEnabled], [true, true]);
});

test('a failed upgrade keeps isVideoCall when the other side sends video', async () => {
  const { server, call } = await incoming();
  call.answer();
  await settle();
  server.reply('call.answer', { r: 0, message: 'Success' });
  await settle();
  FakePeer.all[0].remoteTrack('video');
  await settle();
  media.refuse = 'camera refused';
  assert.equal(call.upgradeToVideoCall(), true);
  await settle();
  assert.deepEqual([call.isVideoCall, call.localVideoEnabled], [true, false]);
});

test('a renegotiation offer from the other side is answered', async () => {
  const { server } = await outgoing(false);
  server.receive({ type: 'sdp', callId: 'call-9', deviceId: 'bob-1', sdp: { type: 'answer', sdp: 'a1' } });
  server.receive({ type: 'signalingState', callId: 'call-9', code: 3, reason: 'Answered' });
  server.receive({ type: 'sdp', callId: 'call-9', deviceId: 'bob-1', sdp: { type: 'offer', sdp: 'video-offer' } });
  await settle();
  assert.equal(FakePeer.all[0].remoteDescription.sdp, 'video-offer');
  assert.deepEqual(server.last('call.sdp').body.sdp, { type: 'answer', sdp: 'answer-sdp' });
});

test('iceTransportPolicy relay reaches the peer connection, with the call\'s ICE servers', async () => {
  let transport;
  const client = new OnCallerClient('ws://127.0.0.1:1/ws', {
    iceTransportPolicy: 'relay',
    transportFactory: (o) => { transport = new FakeTransport(o); return transport; },
  });
  client.connect('tok');
  transport.receive({ type: 'authen', r: 0, userId: 'alice', iceServers: [] });
  const turn = { urls: ['turn:turn.example.org:3478'], username: '1764950400:alice', credential: 'x' };
  const call = new OnCallerCall(client, 'alice', 'bob', false);
  call.makeCall(() => {});
  transport.reply('call.make', { r: 0, message: 'Success', callId: 'call-7', iceServers: [turn] });
  await settle();
  assert.equal(FakePeer.all[0].config.iceTransportPolicy, 'relay');
  assert.deepEqual(FakePeer.all[0].config.iceServers, [turn]);
});

test('iceTransportPolicy is all by default and refuses anything but all and relay', () => {
  const client = new OnCallerClient('ws://127.0.0.1:1/ws', { transportFactory: (o) => new FakeTransport(o) });
  assert.equal(client.iceTransportPolicy, 'all');
  assert.throws(() => { client.iceTransportPolicy = 'none'; }, TypeError);
  assert.throws(() => new OnCallerClient('ws://127.0.0.1:1/ws', { iceTransportPolicy: 'RELAY' }), TypeError);
});
