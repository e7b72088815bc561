import { CallLifecycle, noop } from './call-lifecycle.js';
import { CallState, allows } from './call-state.js';
import { describe, localResult } from './errors.js';
import { CALL_CONNECTION_LOST, CALL_INCOMING, CALL_MESSAGE, CALL_RESUME } from './internal.js';

/**
 * A call: made with `new OnCallerCall(client, fromNumber, toNumber, isVideoCall)` and
 * `makeCall()`, or handed to the `incomingcall` event. The API is the seed's
 * (the seed's call API) plus PROTOCOL §6: mute, enableLocalVideo,
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

  #life = new CallLifecycle(this);
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
    return this.#life.state.value;
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
    this.#life.events.on(event, handler);
    return this;
  }

  off(event, handler) {
    this.#life.events.off(event, handler);
    return this;
  }

  /** Places the call; then captures media and sends the offer. Callback r: 0-8 (see docs/errors.md). */
  makeCall(callback) {
    if (!this.#life.allowed('makeCall', callback)) {
      return;
    }
    this.#life.state.moveTo(CallState.MAKING);
    const custom = this.custom == null || typeof this.custom === 'string' ? this.custom : JSON.stringify(this.custom);
    const body = { fromNumber: String(this.fromNumber), toNumber: String(this.toNumber), isVideoCall: this.isVideoCall };
    this.#life.request('call.make', custom == null ? body : { ...body, custom }, (res) => {
      if (res.r !== 0) {
        this.#life.finish();
        this.#settleDeferredHangup(describe('hangup', 1));
        (callback || noop)(res);
        return;
      }
      this.callId = res.callId;
      this.customDataFromYourServer = res.customDataFromYourServer ?? null;
      this.#life.start(res.iceServers);
      this.#life.track();
      this.#life.state.moveTo(CallState.CALLING);
      (callback || noop)(res);
      if (this.#hangupWhenMade) {
        const cb = this.#hangupWhenMade;
        this.#hangupWhenMade = null;
        this.#life.sendEnding('call.hangup', 'Ended', cb);
        return;
      }
      this.#startCallerMedia();
    });
  }

  /** Tells the caller that this device rings (signalingstate 2 there). */
  ringing(callback) {
    if (this.#life.allowed('ringing', callback)) {
      this.#life.request('call.ringing', {}, callback);
    }
  }

  /** Answers: captures media, answers on the server, then answers the caller's offer. */
  answer(callback) {
    if (this.#life.allowed('answer', callback)) {
      this.#life.state.moveTo(CallState.ANSWERING);
      this.#answer(callback || noop);
    }
  }

  /** Declines an incoming call (the caller hears Busy); ends it on this device. */
  reject(callback) {
    if (this.#life.allowed('reject', callback)) {
      this.#life.sendEnding('call.reject', 'Rejected', callback);
    }
  }

  /** Ends the call on both sides and releases the media. Always call it when done with a call. */
  hangup(callback) {
    if (!this.#life.allowed('hangup', callback)) {
      return;
    }
    if (this.state === CallState.MAKING) {
      this.#hangupWhenMade = callback || noop;
      return;
    }
    this.#life.sendEnding('call.hangup', 'Ended', callback);
  }

  /** Sends any JSON object to the other side (its `info` event). */
  sendInfo(info, callback) {
    if (this.#life.allowed('sendInfo', callback)) {
      this.#life.request('call.info', { info }, callback);
    }
  }

  /** Sends DTMF digits (1-32 of 0-9 * # A-D) to the other side (its `dtmf` event). */
  sendDtmf(digits, callback) {
    if (this.#life.allowed('sendDtmf', callback)) {
      this.#life.request('call.dtmf', { digits: String(digits) }, callback);
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
    if (this.#life.allowed('sendTransfer', callback)) {
      this.#life.request('call.transfer', { userId: String(userId) }, callback);
    }
  }

  /** Mutes (true) or unmutes (false) the microphone; local only. */
  mute(muted) {
    this.muted = muted === undefined ? true : Boolean(muted);
    this.#life.applySwitches();
    return true;
  }

  /** Turns the camera on or off; local only. Returns whether there is a camera track to switch. */
  enableLocalVideo(enabled) {
    if (!this.#media || !this.#media.session.hasVideo) {
      return false;
    }
    this.localVideoEnabled = Boolean(enabled);
    this.#life.applySwitches();
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
        const { session } = this.#media;
        this.localVideoEnabled = session.hasVideo;
        this.isVideoCall = session.hasVideo || session.hasRemoteVideo;
      }
      this.#life.applySwitches();
    });
    return true;
  }

  /** A summary of the media statistics: `{audio: {inbound, outbound}, video: {...}, roundTripTime}`. */
  getStats() {
    return this.#media ? this.#media.session.stats() : Promise.resolve(null);
  }

  async #answer(cb) {
    if (!(await this.#media.acquire())) {
      if (this.#life.state.moveTo(CallState.INCOMING)) {
        cb(localResult(-4));
      }
      else {
        cb(localResult(-1, { state: this.state }));
      }
      return;
    }
    this.#life.request('call.answer', {}, (res) => {
      if (this.ended) {
        // hung up here while the answer was on its way: nothing to set up
        cb(res);
        return;
      }
      if (res.r !== 0) {
        this.answeredOnAnotherDevice = res.r === 2;
        this.#life.finish();
        cb(res);
        return;
      }
      this.#life.state.moveTo(CallState.ANSWERED);
      this.isAnswered = true;
      this.localVideoEnabled = this.#media.session.hasVideo;
      this.#life.applySwitches();
      cb(res);
      if (this.#media.createPeer()) {
        this.#media.answerOffer();
      }
      else {
        this.#life.sendEnding('call.hangup', 'Media error', noop);
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
    this.#life.startIncoming(message.iceServers, message.seq);
  }

  [CALL_MESSAGE](message) {
    this.#life.handle(message);
  }

  [CALL_CONNECTION_LOST]() {
    this.#life.endHere({ code: 6, reason: 'Connection lost' });
  }

  [CALL_RESUME](done) {
    this.#life.resume(done);
  }

  get #media() {
    return this.#life.media;
  }

  async #startCallerMedia() {
    if (!(await this.#media.acquire())) {
      this.#life.sendEnding('call.hangup', 'Media error', noop);
      return;
    }
    this.localVideoEnabled = this.#media.session.hasVideo;
    this.#life.applySwitches();
    if (!this.#media.createPeer()) {
      this.#life.sendEnding('call.hangup', 'Media error', noop);
      return;
    }
    this.#media.offer();
  }

  #setHold(hold, verb, callback) {
    const refusal = this.isOnHold === hold ? (hold ? 'Already on hold' : 'Not on hold') : null;
    if (!this.#life.allowed(verb, callback, refusal)) {
      return false;
    }
    this.isOnHold = hold;
    this.#life.applySwitches();
    this.#life.request('call.hold', { hold }, callback);
    return true;
  }

  #settleDeferredHangup(entry) {
    if (this.#hangupWhenMade) {
      const cb = this.#hangupWhenMade;
      this.#hangupWhenMade = null;
      cb({ r: entry.code, message: entry.message });
    }
  }
}
