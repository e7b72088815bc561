/**
 * The frozen lists of event names, each with what it means and a one-line example. `on()`
 * accepts only these names (an unknown one is reported with console.warn, since it would never
 * fire); the README's event tables say the same things.
 */

const event = (description, example) => Object.freeze({ description, example });

/** Events of OnCallerClient. */
export const CLIENT_EVENTS = Object.freeze({
  connect: event('The connection to the server is up (STOMP CONNECTED); authen follows.',
    "client.on('connect', () => console.log('connected'))"),
  authen: event('The result of signing in: {r, message, userId, projectId, connectionId, deviceId, clients, iceServers}; r=0 is success.',
    "client.on('authen', (res) => console.log(res.r === 0 ? 'signed in as ' + res.userId : res.message))"),
  disconnect: event('The connection dropped or disconnect() was called; the client reconnects by itself unless disconnect() was called.',
    "client.on('disconnect', () => console.log('offline'))"),
  incomingcall: event('A call for this user rings on this device: an OnCallerCall with isIncomingCall = true.',
    "client.on('incomingcall', (call) => call.ringing(() => {}))"),
  requestnewtoken: event('The token expired or its signature is wrong (authen r=6): get a new token and call connect(token) again.',
    "client.on('requestnewtoken', async () => client.connect(await fetchToken()))"),
  otherdeviceauthen: event('Another device of the same user connected or disconnected: {status, connectionId, deviceId, platform}.',
    "client.on('otherdeviceauthen', (d) => console.log(d.deviceId, d.status))"),
  custommessage: event('A message another user sent with sendCustomMessage: {fromUserId, message}.',
    "client.on('custommessage', (m) => console.log(m.fromUserId, m.message))"),
  reconnecting: event('The connection dropped (not disconnect()): the client reconnects by itself; live calls wait for it.',
    "client.on('reconnecting', () => banner.show('Reconnecting...'))"),
  reconnected: event('Signed in again after a drop, and every waiting call has resumed or ended.',
    "client.on('reconnected', () => banner.hide())"),
});

/** Events of OnCallerCall: the seed's seven first, then the ones this SDK adds. */
export const CALL_EVENTS = Object.freeze({
  addlocalstream: event('The local MediaStream (microphone, and camera for video) is ready; fires again after upgradeToVideoCall().',
    "call.on('addlocalstream', (stream) => { localVideo.srcObject = stream })"),
  addremotestream: event("The other side's MediaStream arrived; fires again when it gains a track (video upgrade).",
    "call.on('addremotestream', (stream) => { remoteVideo.srcObject = stream })"),
  signalingstate: event('The call moved on: {code, reason, sipCode?, sipReason?}; 1 Calling, 2 Ringing, 3 Answered, 5 Busy, 6 Ended (5 and 6 are final).',
    "call.on('signalingstate', (s) => s.code >= 5 && console.log('ended:', s.reason))"),
  mediastate: event('The media path changed: {code, reason}; 1 Connected, 2 Disconnected.',
    "call.on('mediastate', (m) => console.log(m.reason))"),
  info: event('The other side sent info with sendInfo(): the JSON object it sent.',
    "call.on('info', (info) => console.log(info))"),
  otherdevice: event("Another device of this user acted on the call: {type: 'CALL_STATE', code: 200|486|603} or {type: 'CALL_END'}; the call ends here.",
    "call.on('otherdevice', (d) => d.code === 200 && console.log('answered elsewhere'))"),
  error: event('A local media failure: {code, name, reason, moreInfo}; 1000 getUserMedia failed, 1001 peer connection failed.',
    "call.on('error', (e) => console.error(e.code, e.reason))"),
  dtmf: event('The other side sent DTMF with sendDtmf(): {digits}.',
    "call.on('dtmf', (d) => console.log('pressed', d.digits))"),
  hold: event('The other side put the call on hold or took it off: {hold: true|false}.',
    "call.on('hold', (h) => console.log(h.hold ? 'held' : 'resumed'))"),
  transferred: event('The call was transferred to another user: {toUserId}.',
    "call.on('transferred', (t) => console.log('now with', t.toUserId))"),
  peerconnection: event("The other side's connection to the server dropped or came back: {state: 'lost'|'restored'}; the call goes on.",
    "call.on('peerconnection', (p) => console.log('other side', p.state))"),
});

/** The events of the seed API, in its order (the API-surface test checks these). */
export const SEED_CALL_EVENTS = Object.freeze(['addlocalstream', 'addremotestream', 'signalingstate', 'mediastate',
  'info', 'otherdevice', 'error']);

/**
 * A small event emitter restricted to one frozen list of names. A handler that throws is
 * reported and does not stop the others, nor the SDK.
 */
export class Emitter {
  #names;

  #handlers = new Map();

  constructor(names) {
    this.#names = names;
  }

  /** Registers a handler; returns this, so calls can be chained. */
  on(name, handler) {
    if (typeof handler !== 'function') {
      throw new TypeError(`on('${name}'): the handler must be a function`);
    }
    if (!Object.hasOwn(this.#names, name)) {
      console.warn(`OnCaller: '${name}' is not an event; known events: ${Object.keys(this.#names).join(', ')}`);
    }
    if (!this.#handlers.has(name)) {
      this.#handlers.set(name, []);
    }
    this.#handlers.get(name).push(handler);
    return this;
  }

  /** Removes a handler, or every handler of the event when none is given. */
  off(name, handler) {
    const list = this.#handlers.get(name) || [];
    this.#handlers.set(name, handler ? list.filter((h) => h !== handler) : []);
    return this;
  }

  emit(name, ...args) {
    for (const handler of [...(this.#handlers.get(name) || [])]) {
      try {
        handler(...args);
      }
      catch (e) {
        console.error(`OnCaller: a '${name}' handler threw`, e);
      }
    }
  }
}
