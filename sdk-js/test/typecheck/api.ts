// Compiles against the shipped index.d.ts the way an app uses the SDK (`npm test` runs tsc on
// it): every seed property, method and event, and the PROTOCOL §6 client. A declaration that
// drifts from the API makes this fail to compile.
import {
  CALL_EVENTS, CATALOG, CLIENT_EVENTS, CallState, OnCallerCall, OnCallerClient, OnCallerUtil, SDK_VERSION, VERB_STATES,
  describe,
} from '../../index.js';
import type { AuthenResult, CallResult, CallStats, MakeCallResult, SignalingState } from '../../index.js';

const client = new OnCallerClient('wss://calls.example.com/ws');
const defaultClient: OnCallerClient = new OnCallerClient();
const relayClient = new OnCallerClient(['wss://calls.example.com/ws'], { iceTransportPolicy: 'relay' });
const policy: RTCIceTransportPolicy = relayClient.iceTransportPolicy;
relayClient.iceTransportPolicy = 'all';
client.on('connect', () => {});
client.on('authen', (res: AuthenResult) => console.log(res.r, res.userId, res.clients?.length, res.iceServers));
client.on('disconnect', () => {});
client.on('requestnewtoken', () => client.connect('new-token'));
client.on('otherdeviceauthen', (d) => console.log(d.status, d.deviceId, d.platform, d.connectionId));
client.on('custommessage', (m) => console.log(m.fromUserId, m.message));
client.on('reconnecting', () => {});
client.on('reconnected', () => {});
client.on('incomingcall', (incoming: OnCallerCall) => {
  incoming.ringing((r: CallResult) => console.log(r.r));
  incoming.answer((r) => console.log(r.message));
  incoming.reject();
});
client.connect('token');
client.sendCustomMessage('bob', { hello: 1 }, (r) => console.log(r.r));
client.disconnect();
const who: string | null = client.userId;
const up: boolean = client.hasConnected && defaultClient.hasConnected;

const call = new OnCallerCall(client, 'alice', 'bob', true);
const seedProperties: [OnCallerClient, string, string, string | null, string | null, string | null, boolean, boolean,
  boolean, boolean, boolean, boolean, string | null, boolean, { width: number; height: number } | null] = [
  call.client, call.fromNumber, call.toNumber, call.customDataFromYourServer, call.fromAlias, call.toAlias,
  call.fromInternal, call.answeredOnAnotherDevice, call.isVideoCall, call.isIncomingCall, call.isAnswered, call.ended,
  call.callId, call.localVideoEnabled, call.videoResolution];
call.videoResolution = { width: 1280, height: 720 };
call.custom = { order: 42 };
call.makeCall((r: MakeCallResult) => console.log(r.callId, r.customDataFromYourServer));
call.answer();
call.reject();
call.ringing();
call.hangup((r) => console.log(r.r));
call.sendInfo({ infoA: '1', infoB: 2, test: true }, (r) => console.log(r.r));
call.sendDtmf('1', (r) => console.log(r.r));
const held: boolean = call.hold();
const resumed: boolean = call.unhold();
call.sendTransfer('userid1', (r) => console.log(r.r));
const muted: boolean = call.mute(true) && call.muted && call.isOnHold;
const hasVideo: boolean = call.enableLocalVideo(false);
const upgraded: boolean = call.upgradeToVideoCall();
call.getStats().then((s: CallStats | null) => console.log(s?.video.inbound.bytesReceived, s?.roundTripTime));
const stream: MediaStream | null = call.localStream ?? call.remoteStream;

call.on('addlocalstream', (s: MediaStream) => console.log(s.id))
  .on('addremotestream', (s: MediaStream) => console.log(s.id))
  .on('signalingstate', (s: SignalingState) => console.log(s.code, s.reason, s.sipCode))
  .on('mediastate', (m) => console.log(m.code, m.reason))
  .on('info', (info) => console.log(info))
  .on('otherdevice', (d) => console.log(d.type, d.code))
  .on('error', (e) => console.log(e.code, e.reason, e.moreInfo))
  .on('dtmf', (d) => console.log(d.digits))
  .on('hold', (h) => console.log(h.hold))
  .on('transferred', (t) => console.log(t.toUserId))
  .on('peerconnection', (p) => console.log(p.state === 'lost' || p.state === 'restored'));

const message: string = describe('makeCall', 8).message + CATALOG.length + SDK_VERSION + CallState.ANSWERED;
const docs: string = CALL_EVENTS.addlocalstream.example + CLIENT_EVENTS.authen.description + VERB_STATES.hold.join();
const supported: boolean = OnCallerUtil.isWebRTCSupported();
const sdkVersion: string = OnCallerUtil.version();
console.log(who, up, seedProperties, held, resumed, muted, hasVideo, upgraded, stream, message, docs, supported, sdkVersion);
