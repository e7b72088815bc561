/**
 * Just enough of getUserMedia, RTCPeerConnection and MediaStream, on globalThis, for the
 * call's signaling flows to run in node. Real media is tested in Chromium (e2e-web).
 */
export class FakeTrack {
  enabled = true;

  stopped = false;

  constructor(kind) {
    this.kind = kind;
  }

  stop() {
    this.stopped = true;
  }
}

export class FakeStream {
  constructor(tracks = []) {
    this.tracks = [...tracks];
  }

  getTracks() {
    return [...this.tracks];
  }

  getVideoTracks() {
    return this.tracks.filter((t) => t.kind === 'video');
  }

  addTrack(track) {
    this.tracks.push(track);
  }
}

export class FakePeer {
  static all = [];

  remoteDescription = null;

  localDescription = null;

  applied = [];

  added = [];

  closed = false;

  constructor(config) {
    this.config = config;
    FakePeer.all.push(this);
  }

  addTrack(track) {
    this.added.push(track);
  }

  offerOptions = [];

  async createOffer(options) {
    this.offerOptions.push(options);
    return { type: 'offer', sdp: `offer-${this.added.length}` };
  }

  async createAnswer() {
    return { type: 'answer', sdp: 'answer-sdp' };
  }

  async setLocalDescription(description) {
    this.localDescription = description;
    setTimeout(() => this.onicecandidate && this.onicecandidate({
      candidate: { candidate: 'candidate:local', sdpMid: '0', sdpMLineIndex: 0 },
    }), 0);
  }

  async setRemoteDescription(description) {
    this.remoteDescription = description;
  }

  async addIceCandidate(candidate) {
    if (!this.remoteDescription) {
      throw new Error('InvalidStateError: no remote description');
    }
    this.applied.push(candidate.candidate);
  }

  /** The test plays the other side: one of its tracks arrives (as setRemoteDescription does). */
  remoteTrack(kind) {
    const track = new FakeTrack(kind);
    this.ontrack({ track, streams: [] });
    return track;
  }

  /** The test plays the ICE agent. */
  connectionStateIs(state) {
    this.connectionState = state;
    this.onconnectionstatechange();
  }

  close() {
    this.closed = true;
  }
}

export const media = { refuse: null, requests: [] };

export function installFakeWebRtc() {
  globalThis.RTCPeerConnection = FakePeer;
  globalThis.MediaStream = FakeStream;
  Object.defineProperty(globalThis, 'navigator', {
    configurable: true,
    value: {
      mediaDevices: {
        async getUserMedia(constraints) {
          media.requests.push(constraints);
          if (media.refuse) {
            const e = new Error(media.refuse);
            e.name = 'NotAllowedError';
            throw e;
          }
          const tracks = [];
          if (constraints.audio) {
            tracks.push(new FakeTrack('audio'));
          }
          if (constraints.video) {
            tracks.push(new FakeTrack('video'));
          }
          return new FakeStream(tracks);
        },
      },
    },
  });
}
