import { CallMedia } from './call-media.js';
import { CallState, StateHolder, allows, stateForSignaling } from './call-state.js';
import { describe, localResult } from './errors.js';
import { CALL_EVENTS, Emitter } from './events.js';
import { CALL_CONNECTION_LOST, CALL_INCOMING, CALL_MESSAGE, CLIENT_INTERNALS } from './internal.js';

const noop = () => {};

/**
 * A call: made with `new OnCallerCall(client, fromNumber, toNumber, isVideoCall)` and
 * `makeCall()`, or handed to the `incomingcall` event. The API is the seed's
 * (shared/seed/oncaller-call-sdk.txt) plus PROTOCOL §6: mute, enableLocalVideo,
 * upgradeToVideoCall, isOnHold, custom. Verbs call back with `{r, message, ...}`; a verb used
 * outside its call states (see call-state.js) is not sent and calls back with r=-1.
 */
export class OnCallerCall {
  /** @type {import('./client.js').OnCallerClient} */ client;
  fromNumber;
  toNumber;
  customDataFromYourServer = null;
  fromAlias = null;
  toAlias = null;
  fromInternal = true;
  answeredOnAnotherDevice = false;
  isVideoCall;
  isIncomingCall = false;
  isAnswered = false;
  ended = false;
  callId = null;
  localVideoEnabled = false;
  videoResolution = null;
  muted = false;
  isOnHold = false;
  custom = null;

  #state = new StateHolder(CallState.NEW);
  #events = new Emitter(CALL_EVENTS);
  #media = null;
  #hangupWhenMade = null;

  /**
   * @param {import('./client.js').OnCallerClient} client the client that makes the call
   * @param {string} fromNumber the caller's alias (app-to-app) or a number of the account (app-to-phone)
   * @param {string} toNumber the callee's user id, or a phone number
   * @param {boolean} [isVideoCall] true for a video call
   */
  constructor(client, fromNumber, toNumber, isVideoCall) {
    this.client = client;
    this.fromNumber = fromNumber;
    this.toNumber = toNumber;
    this.isVideoCall = Boolean(isVideoCall);
  }

  /** The call's state: new, making, calling, ringing, incoming, answering, answered or ended. */
  get state() {
    return this.#state.value;
  }

  /** The local MediaStream once captured, else null. */
  get localStream() {
    return this.#media ? this.#media.session.localStream : null;
  }

  /** The remote MediaStream once it arrived, else null. */
  get remoteStream() {
    return this.#media ? this.#media.session.remoteStream : null;
  }

  on(event, handler) {
    this.#events.on(event, handler);
    return this;
  }

  off(event, handler) {
    this.#events.off(event, handler);
    return this;
  }

  /** Places the call; then captures media and sends the offer. Callback r: 0-8 (see docs/errors.md). */
  makeCall(callback) {
    if (!this.#allowed('makeCall', callback)) {
      return;
    }
    this.#state.moveTo(CallState.MAKING);
    const custom = this.custom == null || typeof this.custom === 'string' ? this.custom : JSON.stringify(this.custom);
    const body = { fromNumber: String(this.fromNumber), toNumber: String(this.toNumber), isVideoCall: this.isVideoCall };
    this.#internals.signaling.request('call.make', custom == null ? body : { ...body, custom }, (res) => {
      if (res.r !== 0) {
        this.#finish();
        this.#settleDeferredHangup(describe('hangup', 1));
        (callback || noop)(res);
        return;
      }
      this.callId = res.callId;
      this.customDataFromYourServer = res.customDataFromYourServer ?? null;
      this.#start(res.iceServers);
      this.#internals.track(this);
      this.#state.moveTo(CallState.CALLING);
      (callback || noop)(res);
      if (this.#hangupWhenMade) {
        const cb = this.#hangupWhenMade;
        this.#hangupWhenMade = null;
        this.#sendEnding('call.hangup', 'Ended', cb);
        return;
      }
      this.#startCallerMedia();
    });
  }

  /** Tells the caller that this device rings (signalingstate 2 there). */
  ringing(callback) {
    if (this.#allowed('ringing', callback)) {
      this.#request('call.ringing', {}, callback);
    }
  }

  /** Answers: captures media, answers on the server, then answers the caller's offer. */
  answer(callback) {
    if (this.#allowed('answer', callback)) {
      this.#state.moveTo(CallState.ANSWERING);
      this.#answer(callback || noop);
    }
  }

  /** Declines an incoming call (the caller hears Busy); ends it on this device. */
  reject(callback) {
    if (this.#allowed('reject', callback)) {
      this.#sendEnding('call.reject', 'Rejected', callback);
    }
  }

  /** Ends the call on both sides and releases the media. Always call it when done with a call. */
  hangup(callback) {
    if (!this.#allowed('hangup', callback)) {
      return;
    }
    if (this.state === CallState.MAKING) {
      this.#hangupWhenMade = callback || noop;
      return;
    }
    this.#sendEnding('call.hangup', 'Ended', callback);
  }

  /** Sends any JSON object to the other side (its `info` event). */
  sendInfo(info, callback) {
    if (this.#allowed('sendInfo', callback)) {
      this.#request('call.info', { info }, callback);
    }
  }

  /** Sends DTMF digits (1-32 of 0-9 * # A-D) to the other side (its `dtmf` event). */
  sendDtmf(digits, callback) {
    if (this.#allowed('sendDtmf', callback)) {
      this.#request('call.dtmf', { digits: String(digits) }, callback);
    }
  }

  /** Puts the call on hold: stops sending and playing media, tells the other side. Returns whether it did. */
  hold(callback) {
    return this.#setHold(true, 'hold', callback);
  }

  /** Takes the call off hold. Returns whether it did. */
  unhold(callback) {
    return this.#setHold(false, 'unhold', callback);
  }

  /** Transfers an app-to-phone or phone-to-app call to another user (r=4 for app-to-app calls). */
  sendTransfer(userId, callback) {
    if (this.#allowed('sendTransfer', callback)) {
      this.#request('call.transfer', { userId: String(userId) }, callback);
    }
  }

  /** Mutes (true) or unmutes (false) the microphone; local only. */
  mute(muted) {
    this.muted = muted === undefined ? true : Boolean(muted);
    this.#applySwitches();
    return true;
  }

  /** Turns the camera on or off; local only. Returns whether there is a camera track to switch. */
  enableLocalVideo(enabled) {
    if (!this.#media || !this.#media.session.hasVideo) {
      return false;
    }
    this.localVideoEnabled = Boolean(enabled);
    this.#applySwitches();
    return true;
  }

  /** Adds the camera to an answered audio call and renegotiates. Returns whether it started. */
  upgradeToVideoCall() {
    if (!allows(this.state, 'upgradeToVideoCall') || this.#media.session.hasVideo) {
      return false;
    }
    this.isVideoCall = true;
    this.localVideoEnabled = true;
    this.#media.upgradeToVideo().then((ok) => {
      if (!ok) {
        this.isVideoCall = this.#media.session.hasVideo;
        this.localVideoEnabled = this.isVideoCall;
      }
      this.#applySwitches();
    });
    return true;
  }

  /** A summary of the media statistics: `{audio: {inbound, outbound}, video: {...}, roundTripTime}`. */
  getStats() {
    return this.#media ? this.#media.session.stats() : Promise.resolve(null);
  }

  async #answer(cb) {
    if (!(await this.#media.acquire())) {
      if (this.#state.moveTo(CallState.INCOMING)) {
        cb(localResult(-4));
      }
      else {
        cb(localResult(-1, { state: this.state }));
      }
      return;
    }
    this.#request('call.answer', {}, (res) => {
      if (res.r !== 0) {
        this.answeredOnAnotherDevice = res.r === 2;
        this.#finish();
        cb(res);
        return;
      }
      this.#state.moveTo(CallState.ANSWERED);
      this.isAnswered = true;
      this.localVideoEnabled = this.#media.session.hasVideo;
      this.#applySwitches();
      cb(res);
      if (this.#media.createPeer()) {
        this.#media.answerOffer();
      }
      else {
        this.#sendEnding('call.hangup', 'Media error', noop);
      }
    });
  }

  [CALL_INCOMING](message) {
    this.callId = message.callId;
    this.fromAlias = message.fromAlias ?? null;
    this.toAlias = message.toAlias ?? null;
    this.fromInternal = message.fromInternal !== false;
    this.customDataFromYourServer = message.customDataFromYourServer ?? null;
    this.isIncomingCall = true;
    this.#state = new StateHolder(CallState.INCOMING);
    this.#start(message.iceServers);
  }

  [CALL_MESSAGE](m) {
    switch (m.type) {
      case 'signalingState': this.#onSignalingState(m); break;
      case 'sdp': this.#media.remoteSdp(m.sdp, m.deviceId); break;
      case 'candidate': this.#media.remoteCandidate(m.candidate, m.deviceId); break;
      case 'info': this.#events.emit('info', m.info); break;
      case 'dtmf': this.#events.emit('dtmf', { digits: m.digits }); break;
      case 'hold': this.#events.emit('hold', { hold: m.hold }); break;
      case 'transferred': this.#events.emit('transferred', { toUserId: m.toUserId }); break;
      case 'otherDevice': this.#onOtherDevice(m); break;
      default: break;
    }
  }

  [CALL_CONNECTION_LOST]() {
    this.#endHere({ code: 6, reason: 'Connection lost' });
  }

  get #internals() {
    return this.client[CLIENT_INTERNALS];
  }

  /** The call has an id: its media, with the call's ICE servers (else those of authen). */
  #start(iceServers) {
    this.#media = new CallMedia(this, {
      iceServers: iceServers && iceServers.length > 0 ? iceServers : this.#internals.iceServers(),
      send: (verb, body) => this.#internals.signaling.notify(verb, { callId: this.callId, ...body }),
      emit: (event, payload) => this.#events.emit(event, payload),
    });
  }

  async #startCallerMedia() {
    if (!(await this.#media.acquire())) {
      this.#sendEnding('call.hangup', 'Media error', noop);
      return;
    }
    this.localVideoEnabled = this.#media.session.hasVideo;
    this.#applySwitches();
    if (!this.#media.createPeer()) {
      this.#sendEnding('call.hangup', 'Media error', noop);
      return;
    }
    this.#media.offer();
  }

  #onSignalingState(m) {
    const payload = { code: m.code, reason: m.reason };
    if (m.sipCode != null) {
      payload.sipCode = m.sipCode;
      payload.sipReason = m.sipReason;
    }
    const next = stateForSignaling(m.code);
    if (next === CallState.ENDED) {
      this.#endHere(payload);
      return;
    }
    if (next === CallState.ANSWERED) {
      this.isAnswered = true;
    }
    if (next) {
      this.#state.moveTo(next);
    }
    this.#events.emit('signalingstate', payload);
  }

  #onOtherDevice(m) {
    const data = m.data || { type: 'CALL_STATE', code: m.code, callId: m.callId };
    if (data.type === 'CALL_STATE' && data.code === 200) {
      this.answeredOnAnotherDevice = true;
    }
    this.#finish();
    this.#events.emit('otherdevice', data);
  }

  /** Hangup or reject: whatever the reply, the call is over on this device. */
  #sendEnding(verb, reason, callback) {
    this.#request(verb, {}, (res) => {
      this.#endHere({ code: 6, reason });
      (callback || noop)(res);
    });
  }

  #setHold(hold, verb, callback) {
    if (!this.#allowed(verb, callback)) {
      return false;
    }
    if (this.isOnHold === hold) {
      const result = localResult(-1, { state: this.state, message: hold ? 'Already on hold' : 'Not on hold' });
      queueMicrotask(() => (callback || noop)(result));
      return false;
    }
    this.isOnHold = hold;
    this.#applySwitches();
    this.#request('call.hold', { hold }, callback);
    return true;
  }

  #applySwitches() {
    if (this.#media) {
      this.#media.applySwitches(this);
    }
  }

  #request(verb, body, callback) {
    this.#internals.signaling.request(verb, { callId: this.callId, ...body }, callback || noop);
  }

  #allowed(verb, callback) {
    if (allows(this.state, verb)) {
      return true;
    }
    const result = localResult(-1, { state: this.state });
    queueMicrotask(() => (callback || noop)(result));
    return false;
  }

  #settleDeferredHangup(entry) {
    if (this.#hangupWhenMade) {
      const cb = this.#hangupWhenMade;
      this.#hangupWhenMade = null;
      cb({ r: entry.code, message: entry.message });
    }
  }

  /** Ends the call on this device and fires its final signalingstate, once. */
  #endHere(payload) {
    if (this.#finish()) {
      this.#events.emit('signalingstate', payload);
    }
  }

  /** Marks the call ended and releases media and routing; false when it already was. */
  #finish() {
    if (this.ended) {
      return false;
    }
    this.ended = true;
    this.#state.moveTo(CallState.ENDED);
    if (this.#media) {
      this.#media.close();
    }
    if (this.callId) {
      this.#internals.untrack(this);
    }
    return true;
  }
}
