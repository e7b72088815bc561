/**
 * The WebRTC side of one call: local capture, the RTCPeerConnection with the ICE servers the
 * server handed out, offer/answer, remote candidates kept until the SDP they belong to is
 * applied, track switches for mute, camera and hold, and a summary of getStats(). It knows
 * nothing of signaling: what it produces goes out through the callbacks.
 */
export class MediaSession {
  localStream = null;

  remoteStream = null;

  #pc = null;

  #pendingCandidates = [];

  #o;

  #remoteEmitPending = false;

  /**
   * @param {object} o
   * @param {RTCIceServer[]} o.iceServers
   * @param {'all'|'relay'} [o.iceTransportPolicy] default 'all'
   * @param {(candidate: object) => void} o.onCandidate a local ICE candidate to send
   * @param {(stream: MediaStream) => void} o.onRemoteStream
   * @param {(state: string) => void} o.onConnectionState RTCPeerConnection.connectionState
   * @param {object} [o.env] where getUserMedia, RTCPeerConnection and MediaStream come from
   */
  constructor(o) {
    this.#o = o;
  }

  get #env() {
    return this.#o.env || globalThis;
  }

  get hasPeer() {
    return this.#pc !== null;
  }

  /** RTCPeerConnection.iceConnectionState, or null before the peer connection. */
  get iceConnectionState() {
    return this.#pc ? this.#pc.iceConnectionState : null;
  }

  /** Captures the microphone, and the camera when `video` is set (true or constraints). */
  async acquire(video) {
    const media = this.#env.navigator && this.#env.navigator.mediaDevices;
    if (!media || !media.getUserMedia) {
      throw new Error('getUserMedia is not available (the page must be https or localhost)');
    }
    this.localStream = await media.getUserMedia({ audio: true, video: video || false });
    return this.localStream;
  }

  /** Creates the peer connection and adds the local tracks; throws when WebRTC refuses. */
  createPeer() {
    const pc = new this.#env.RTCPeerConnection({
      iceServers: this.#o.iceServers || [],
      iceTransportPolicy: this.#o.iceTransportPolicy || 'all',
    });
    pc.onicecandidate = (e) => {
      if (e.candidate) {
        const { candidate, sdpMid, sdpMLineIndex } = e.candidate;
        this.#o.onCandidate({ candidate, sdpMid, sdpMLineIndex });
      }
    };
    pc.ontrack = (e) => this.#addRemoteTrack(e);
    pc.onconnectionstatechange = () => this.#o.onConnectionState(pc.connectionState);
    if (this.localStream) {
      this.localStream.getTracks().forEach((t) => pc.addTrack(t, this.localStream));
    }
    this.#pc = pc;
  }

  /** A new offer, set as the local description: `{type, sdp}` to send. `options`: RTCOfferOptions. */
  async createOffer(options) {
    const offer = await this.#pc.createOffer(options);
    await this.#pc.setLocalDescription(offer);
    return { type: offer.type, sdp: offer.sdp };
  }

  /** Applies the remote offer and answers it: `{type, sdp}` to send. */
  async acceptOffer(offer) {
    await this.#pc.setRemoteDescription(offer);
    await this.#flushCandidates();
    const answer = await this.#pc.createAnswer();
    await this.#pc.setLocalDescription(answer);
    return { type: answer.type, sdp: answer.sdp };
  }

  /** Applies the remote answer to our offer. */
  async acceptAnswer(answer) {
    await this.#pc.setRemoteDescription(answer);
    await this.#flushCandidates();
  }

  /** Adds a remote candidate now, or once the remote SDP is applied. */
  async addRemoteCandidate(candidate) {
    if (this.#pc && this.#pc.remoteDescription) {
      await this.#pc.addIceCandidate(candidate);
    }
    else {
      this.#pendingCandidates.push(candidate);
    }
  }

  /** Captures the camera and adds it to the call; the caller sends the returned offer. */
  async addVideo(video) {
    const media = this.#env.navigator.mediaDevices;
    const camera = await media.getUserMedia({ video: video || true });
    const track = camera.getVideoTracks()[0];
    if (!this.localStream) {
      this.localStream = new this.#env.MediaStream();
    }
    this.localStream.addTrack(track);
    this.#pc.addTrack(track, this.localStream);
    return this.createOffer();
  }

  /** Whether there is a local video track. */
  get hasVideo() {
    return Boolean(this.localStream && this.localStream.getVideoTracks().length > 0);
  }

  /** Whether the other side sends video (a remote video track arrived). */
  get hasRemoteVideo() {
    return Boolean(this.remoteStream && this.remoteStream.getVideoTracks().length > 0);
  }

  /** Turns local tracks of one kind on or off (no renegotiation: the track sends silence/black). */
  setSending(kind, enabled) {
    if (this.localStream) {
      this.localStream.getTracks().filter((t) => t.kind === kind).forEach((t) => { t.enabled = enabled; });
    }
  }

  /** Turns playback of the remote tracks on or off (hold). */
  setReceiving(enabled) {
    if (this.remoteStream) {
      this.remoteStream.getTracks().forEach((t) => { t.enabled = enabled; });
    }
  }

  /**
   * A summary of RTCPeerConnection.getStats(): per kind the inbound and outbound RTP counters,
   * and the round-trip time of the active candidate pair.
   */
  async stats() {
    const summary = { audio: { inbound: {}, outbound: {} }, video: { inbound: {}, outbound: {} }, roundTripTime: null };
    if (!this.#pc) {
      return summary;
    }
    const report = await this.#pc.getStats();
    report.forEach((s) => {
      if ((s.type === 'inbound-rtp' || s.type === 'outbound-rtp') && summary[s.kind]) {
        summary[s.kind][s.type === 'inbound-rtp' ? 'inbound' : 'outbound'] = pick(s);
      }
      else if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated) {
        summary.roundTripTime = s.currentRoundTripTime ?? null;
      }
    });
    return summary;
  }

  /** Stops capture and closes the peer connection. Safe to call twice. */
  close() {
    if (this.localStream) {
      this.localStream.getTracks().forEach((t) => t.stop());
    }
    if (this.#pc) {
      this.#pc.onicecandidate = null;
      this.#pc.ontrack = null;
      this.#pc.onconnectionstatechange = null;
      this.#pc.close();
      this.#pc = null;
    }
    this.#pendingCandidates = [];
  }

  async #flushCandidates() {
    const pending = this.#pendingCandidates;
    this.#pendingCandidates = [];
    for (const candidate of pending) {
      await this.#pc.addIceCandidate(candidate);
    }
  }

  #addRemoteTrack(e) {
    const stream = e.streams && e.streams[0] ? e.streams[0] : (this.remoteStream || new this.#env.MediaStream());
    if (!stream.getTracks().includes(e.track)) {
      stream.addTrack(e.track);
    }
    this.remoteStream = stream;
    // Tracks of one negotiation arrive together: tell the app once per batch.
    if (!this.#remoteEmitPending) {
      this.#remoteEmitPending = true;
      queueMicrotask(() => {
        this.#remoteEmitPending = false;
        this.#o.onRemoteStream(this.remoteStream);
      });
    }
  }
}

const STAT_FIELDS = ['bytesReceived', 'bytesSent', 'packetsReceived', 'packetsSent', 'packetsLost', 'jitter',
  'framesDecoded', 'framesEncoded', 'frameWidth', 'frameHeight', 'framesPerSecond', 'audioLevel'];

function pick(stat) {
  const out = {};
  STAT_FIELDS.filter((f) => stat[f] !== undefined).forEach((f) => { out[f] = stat[f]; });
  return out;
}
