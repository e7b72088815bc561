import { errorEvent } from './errors.js';
import { MediaSession } from './media.js';

/**
 * The media half of a call: drives a MediaSession from the call's signaling (offer, answer,
 * candidates, renegotiation), one operation at a time, and reports what the app sees
 * (addlocalstream, addremotestream, mediastate, error) through `emit`. Failures never throw to
 * the caller: they become `error` events (1000 getUserMedia, 1001 peer connection) and a
 * false result, and the call decides what to do.
 */
export class CallMedia {
  #session;

  #call;

  #send;

  #emit;

  #ops = Promise.resolve();

  #remoteOffer = null;

  #answeringDevice = null;

  #mediaCode = 0;

  /**
   * @param {object} call the OnCallerCall (read: ended, isVideoCall, videoResolution; set: isVideoCall
   *   when the other side's video arrives)
   * @param {object} o
   * @param {RTCIceServer[]} o.iceServers
   * @param {'all'|'relay'} o.iceTransportPolicy
   * @param {(verb: string, body: object) => void} o.send notify the server (sdp, candidate, mediastate)
   * @param {(event: string, payload: any) => void} o.emit fire a call event
   */
  constructor(call, o) {
    this.#call = call;
    this.#send = o.send;
    this.#emit = o.emit;
    this.#session = new MediaSession({
      iceServers: o.iceServers,
      iceTransportPolicy: o.iceTransportPolicy,
      env: o.env,
      onCandidate: (candidate) => this.#send('call.candidate', { candidate }),
      onRemoteStream: (stream) => this.#remoteStream(stream),
      onConnectionState: (state) => this.#onConnectionState(state),
    });
  }

  get session() {
    return this.#session;
  }

  /** Captures microphone (and camera for a video call); false after an `error` 1000. */
  async acquire() {
    try {
      const stream = await this.#session.acquire(this.#call.isVideoCall ? this.#videoConstraints() : false);
      if (this.#call.ended) {
        this.#session.close();
        return false;
      }
      this.#emit('addlocalstream', stream);
      return true;
    }
    catch (e) {
      this.#emit('error', errorEvent(1000, describeError(e)));
      return false;
    }
  }

  /** Creates the peer connection; false after an `error` 1001. */
  createPeer() {
    try {
      this.#session.createPeer();
      return true;
    }
    catch (e) {
      this.#emit('error', errorEvent(1001, describeError(e)));
      return false;
    }
  }

  /** Caller: sends the first offer (or, with `{iceRestart: true}`, one that restarts ICE). */
  offer(options) {
    return this.#run(async () => this.#send('call.sdp', { sdp: await this.#session.createOffer(options) }));
  }

  /** After a resume: re-offers with an ICE restart when the media path was lost meanwhile. */
  restartIceIfLost() {
    const ice = this.#session.iceConnectionState;
    return ice === 'disconnected' || ice === 'failed' ? this.offer({ iceRestart: true }) : Promise.resolve(false);
  }

  /** Callee, after the answer: answers the caller's offer, now or when it arrives. */
  answerOffer() {
    return this.#run(async () => {
      if (this.#remoteOffer) {
        const offer = this.#remoteOffer;
        this.#remoteOffer = null;
        this.#send('call.sdp', { sdp: await this.#session.acceptOffer(offer) });
      }
    });
  }

  /** An `sdp` event: the caller's offer (kept until answered), an answer, or a renegotiation. */
  remoteSdp(sdp, deviceId) {
    if (sdp.type === 'offer' && !this.#session.hasPeer) {
      this.#remoteOffer = sdp;
      return Promise.resolve(true);
    }
    if (sdp.type === 'answer') {
      // Only the answering device sends an answer; a second one would be a stray: ignore it.
      if (this.#answeringDevice !== null && this.#answeringDevice !== deviceId) {
        return Promise.resolve(true);
      }
      this.#answeringDevice = deviceId;
      return this.#run(() => this.#session.acceptAnswer(sdp));
    }
    return this.#run(async () => this.#send('call.sdp', { sdp: await this.#session.acceptOffer(sdp) }));
  }

  /** A `candidate` event: applied once the SDP it belongs to is. */
  remoteCandidate(candidate, deviceId) {
    if (this.#answeringDevice !== null && deviceId && this.#answeringDevice !== deviceId) {
      return Promise.resolve(true);
    }
    return this.#run(() => this.#session.addRemoteCandidate(candidate));
  }

  /** Adds the camera and renegotiates; false after an `error`. */
  upgradeToVideo() {
    return this.#run(async () => {
      const offer = await this.#session.addVideo(this.#videoConstraints());
      this.#emit('addlocalstream', this.#session.localStream);
      this.#send('call.sdp', { sdp: offer });
    }, 1000);
  }

  /** Applies mute, camera and hold to the tracks. */
  applySwitches({ muted, localVideoEnabled, isOnHold }) {
    this.#session.setSending('audio', !muted && !isOnHold);
    this.#session.setSending('video', localVideoEnabled && !isOnHold);
    this.#session.setReceiving(!isOnHold);
  }

  close() {
    this.#session.close();
  }

  /** Runs one media step after the previous ones; a failure becomes `error` (1001 by default). */
  #run(step, code = 1001) {
    this.#ops = this.#ops.then(async () => {
      if (this.#call.ended) {
        return false;
      }
      try {
        await step();
        return true;
      }
      catch (e) {
        if (!this.#call.ended) {
          this.#emit('error', errorEvent(code, describeError(e)));
        }
        return false;
      }
    });
    return this.#ops;
  }

  /**
   * The other side's stream gained tracks. Video in it makes this a video call here too (the
   * other side started one, or upgraded an audio call), before the app hears of the stream.
   */
  #remoteStream(stream) {
    if (this.#session.hasRemoteVideo) {
      this.#call.isVideoCall = true;
    }
    this.#emit('addremotestream', stream);
  }

  #onConnectionState(state) {
    const code = state === 'connected' ? 1 : (state === 'disconnected' || state === 'failed') ? 2 : 0;
    if (code !== 0 && code !== this.#mediaCode) {
      this.#mediaCode = code;
      this.#send('call.mediastate', { code });
      this.#emit('mediastate', { code, reason: code === 1 ? 'Connected' : 'Disconnected' });
    }
    if (state === 'failed') {
      this.#emit('error', errorEvent(1001, 'ICE or DTLS failed: no media path to the other side'));
    }
  }

  #videoConstraints() {
    const r = this.#call.videoResolution;
    return r && r.width && r.height ? { width: { ideal: r.width }, height: { ideal: r.height } } : true;
  }
}

function describeError(e) {
  return e && e.name ? `${e.name}: ${e.message}` : String(e);
}
