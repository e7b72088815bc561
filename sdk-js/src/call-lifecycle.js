import { CallMedia } from './call-media.js';
import { CallState, StateHolder, allows, stateForSignaling } from './call-state.js';
import { localResult } from './errors.js';
import { CALL_EVENTS, Emitter } from './events.js';
import { CLIENT_INTERNALS } from './internal.js';
import { SeenSeqs } from './resume.js';

export const noop = () => {};

/**
 * The inside of one OnCallerCall: its state, its event handlers, its media, what each server
 * event does to it (docs/protocol.md §3.2), how it resumes after a dropped connection (§2.1),
 * and how it ends. OnCallerCall keeps the public properties and the verbs; this class updates
 * those properties as the call moves on.
 */
export class CallLifecycle {
  state = new StateHolder(CallState.NEW);

  events = new Emitter(CALL_EVENTS);

  /** @type {CallMedia|null} the call's media, from the moment it has an id */
  media = null;

  #call;

  /** The `seq` of this call's events handled here (a replay may repeat some). */
  #seqs = new SeenSeqs();

  /** The `seq` of incomingCall: kept apart, as events that overtook it may carry lower ones. */
  #introSeq = 0;

  constructor(call) {
    this.#call = call;
  }

  get #internals() {
    return this.#call.client[CLIENT_INTERNALS];
  }

  /** The call has an id: its media, with the call's ICE servers (else those of authen). */
  start(iceServers) {
    const call = this.#call;
    this.media = new CallMedia(call, {
      iceServers: iceServers && iceServers.length > 0 ? iceServers : this.#internals.iceServers(),
      iceTransportPolicy: this.#internals.iceTransportPolicy(),
      send: (verb, body) => this.#internals.signaling.notify(verb, { callId: call.callId, ...body }),
      emit: (event, payload) => this.events.emit(event, payload),
    });
  }

  /** A call handed over by incomingCall: it starts ringing here, with its id. */
  startIncoming(iceServers, seq) {
    this.#introSeq = Number.isInteger(seq) ? seq : 0;
    this.state = new StateHolder(CallState.INCOMING);
    this.start(iceServers);
  }

  /** Routes this call's events here (the client does it for incoming calls). */
  track() {
    this.#internals.track(this.#call);
  }

  /** Sends a verb of this call (with its id once it has one); the callback gets the reply. */
  request(verb, body, callback) {
    const { callId } = this.#call;
    this.#internals.signaling.request(verb, callId ? { callId, ...body } : body, callback || noop);
  }

  /**
   * Whether `verb` applies in the current state; if not, the callback gets r=-1 (with the
   * state, and `message` when given) after the verb has returned.
   */
  allowed(verb, callback, refusal) {
    if (!refusal && allows(this.state.value, verb)) {
      return true;
    }
    const result = localResult(-1, { state: this.state.value, ...(refusal ? { message: refusal } : {}) });
    queueMicrotask(() => (callback || noop)(result));
    return false;
  }

  /** Applies mute, camera and hold to the tracks. */
  applySwitches() {
    if (this.media) {
      this.media.applySwitches(this.#call);
    }
  }

  /**
   * Hangup or reject: whatever the reply, the call is over on this device. While the client
   * reconnects it ends here at once and on the server once back (the server keeps it meanwhile).
   */
  sendEnding(verb, reason, callback) {
    const { callId } = this.#call;
    if (callId && this.#internals.reconnecting()) {
      this.endHere({ code: 6, reason });
      this.#internals.endWhenBack(callId, this.#lastSeq, verb, callback || noop);
      return;
    }
    this.request(verb, {}, (res) => {
      this.endHere({ code: 6, reason });
      (callback || noop)(res);
    });
  }

  /**
   * Back on a new connection: `call.resume` with the last `seq` seen. r=0 keeps the call (the
   * missed events follow) and, on the side that placed it, restarts ICE if the network changed;
   * r=1 ends it with the server's final state; anything else (r=11, no answer) as Connection lost.
   */
  resume(done) {
    this.request('call.resume', { lastSeq: this.#lastSeq }, (res) => {
      if (res.r === 0) {
        if (!this.#call.isIncomingCall && this.media) {
          this.media.restartIceIfLost();
        }
      }
      else if (res.r === 1) {
        this.endHere({ code: res.state ?? 6, reason: res.reason ?? res.message });
      }
      else {
        this.endHere({ code: 6, reason: 'Connection lost' });
      }
      done();
    });
  }

  /** The highest `seq` of this call seen here: `lastSeq` of call.resume. */
  get #lastSeq() {
    return Math.max(this.#seqs.highest, this.#introSeq);
  }

  /** What a server event of this call does; one whose `seq` was seen already is ignored. */
  handle(m) {
    if (Number.isInteger(m.seq) && !this.#seqs.firstTime(m.seq)) {
      return;
    }
    switch (m.type) {
      case 'signalingState': this.#onSignalingState(m); break;
      case 'sdp': this.media.remoteSdp(m.sdp, m.deviceId); break;
      case 'candidate': this.media.remoteCandidate(m.candidate, m.deviceId); break;
      case 'info': this.events.emit('info', m.info); break;
      case 'dtmf': this.events.emit('dtmf', { digits: m.digits }); break;
      case 'hold': this.events.emit('hold', { hold: m.hold }); break;
      case 'transferred': this.events.emit('transferred', { toUserId: m.toUserId }); break;
      case 'otherDevice': this.#onOtherDevice(m); break;
      case 'peerConnection': this.events.emit('peerconnection', { state: m.state }); break;
      default: break;
    }
  }

  /** Ends the call on this device and fires its final signalingstate, once. */
  endHere(payload) {
    if (this.finish()) {
      this.events.emit('signalingstate', payload);
    }
  }

  /** Marks the call ended and releases media and routing; false when it already was. */
  finish() {
    const call = this.#call;
    if (call.ended) {
      return false;
    }
    call.ended = true;
    this.state.moveTo(CallState.ENDED);
    if (this.media) {
      this.media.close();
    }
    if (call.callId) {
      this.#internals.untrack(call);
    }
    return true;
  }

  #onSignalingState(m) {
    const payload = { code: m.code, reason: m.reason };
    if (m.sipCode != null) {
      payload.sipCode = m.sipCode;
      payload.sipReason = m.sipReason;
    }
    const next = stateForSignaling(m.code);
    if (next === CallState.ENDED) {
      this.endHere(payload);
      return;
    }
    if (next === CallState.ANSWERED) {
      this.#call.isAnswered = true;
    }
    if (next) {
      this.state.moveTo(next);
    }
    this.events.emit('signalingstate', payload);
  }

  /** Another device of this user answered, rejected or ended the call: it ends here, quietly. */
  #onOtherDevice(m) {
    const data = m.data || { type: 'CALL_STATE', code: m.code, callId: m.callId };
    if (data.type === 'CALL_STATE' && data.code === 200) {
      this.#call.answeredOnAnotherDevice = true;
    }
    this.finish();
    this.events.emit('otherdevice', data);
  }
}
