/*
 * Drives the SDK for the browser tests: one client per tab, the calls it makes or receives
 * (`h.calls.outgoing`, `h.calls.incoming`), and a log of every client and call event with a
 * JSON-safe copy of its payload, which the tests read and wait on.
 */
window.h = (() => {
  const log = [];
  const calls = {};
  const peers = [];
  let client = null;

  // Every peer connection the SDK makes, so that tests can read what the SDK's stats leave out
  // (the transport's SRTP cipher).
  window.RTCPeerConnection = class extends window.RTCPeerConnection {
    constructor(...args) {
      super(...args);
      peers.push(this);
    }
  };

  const safe = (value) => {
    if (value === undefined) {
      return null;
    }
    if (value instanceof MediaStream) {
      return { audio: value.getAudioTracks().length, video: value.getVideoTracks().length };
    }
    if (value instanceof OnCallerCall) {
      const { callId, fromNumber, toNumber, fromAlias, toAlias, isVideoCall, isIncomingCall, fromInternal,
        customDataFromYourServer } = value;
      return { callId, fromNumber, toNumber, fromAlias, toAlias, isVideoCall, isIncomingCall, fromInternal,
        customDataFromYourServer };
    }
    return JSON.parse(JSON.stringify(value));
  };

  const record = (source, emitter, names) => names.forEach((name) => emitter.on(name, (payload) => {
    log.push({ source, event: name, data: safe(payload) });
  }));

  const watch = (label, call) => {
    calls[label] = call;
    record(label, call, Object.keys(OnCaller.CALL_EVENTS));
    call.on('addremotestream', (stream) => {
      const video = document.getElementById('remote');
      video.srcObject = stream;
      video.play().catch(() => {});
    });
    return call;
  };

  const until = (condition, what) => new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (condition()) {
        resolve(true);
      }
      else if (Date.now() - started > 15000) {
        reject(new Error(`timed out waiting for ${what}`));
      }
      else {
        setTimeout(tick, 50);
      }
    };
    tick();
  });

  const callback = (fn) => new Promise((resolve) => fn((result) => resolve(safe(result))));

  return {
    log,
    calls,
    get client() {
      return client;
    },

    async token(userId) {
      const response = await fetch(`/demo/token?userId=${encodeURIComponent(userId)}`);
      return (await response.json()).accessToken;
    },

    /** Connects with `token` and resolves once authen has come, with its r. */
    connectWith(token) {
      client = new OnCallerClient();
      record('client', client, Object.keys(OnCaller.CLIENT_EVENTS));
      client.on('incomingcall', (call) => watch('incoming', call));
      client.connect(token);
      return until(() => log.some((e) => e.source === 'client' && e.event === 'authen'), 'authen')
        .then(() => log.find((e) => e.event === 'authen').data.r);
    },

    async connect(userId) {
      return this.connectWith(await this.token(userId));
    },

    /** Makes a call and resolves with makeCall's callback result. */
    makeCall(to, video) {
      const call = watch('outgoing', new OnCallerCall(client, client.userId, to, video));
      return callback((cb) => call.makeCall(cb));
    },

    /** Calls a verb of a call with its arguments and resolves with the callback's result. */
    verb(label, name, ...args) {
      return callback((cb) => calls[label][name](...args, cb));
    },

    /** The recorded events of a source (client, outgoing, incoming), optionally of one name. */
    events(source, name) {
      return log.filter((e) => e.source === source && (!name || e.event === name)).map((e) => e.data);
    },

    /** The call's media counters, from the SDK's getStats(). */
    stats(label) {
      return calls[label].getStats();
    },

    /** Width of the remote video as played by the page. */
    remoteVideoWidth() {
      return document.getElementById('remote').videoWidth;
    },

    /**
     * From now on the "microphone" is a sine of `hz` at 0.3 full scale (WebAudio) instead of
     * Chromium's fake beeps, so that the far end can measure a tone; the fake camera stays.
     */
    toneAsMicrophone(hz) {
      const mediaDevices = navigator.mediaDevices;
      const capture = mediaDevices.getUserMedia.bind(mediaDevices);
      mediaDevices.getUserMedia = async (constraints) => {
        const stream = await capture(constraints);
        if (constraints.audio) {
          const context = new AudioContext({ sampleRate: 48000 });
          const oscillator = new OscillatorNode(context, { frequency: hz });
          const destination = context.createMediaStreamDestination();
          oscillator.connect(new GainNode(context, { gain: 0.3 })).connect(destination);
          oscillator.start();
          stream.getAudioTracks().forEach((t) => { t.stop(); stream.removeTrack(t); });
          stream.addTrack(destination.stream.getAudioTracks()[0]);
        }
        return stream;
      };
      return true;
    },

    /**
     * The remote audio of a call as heard by WebAudio over `millis`: the strongest frequency
     * (FFT of 32768 samples, 1.5 Hz bins at 48 kHz) and the peak level (full scale 1.0).
     */
    async remoteTone(label, millis = 1000) {
      const context = new AudioContext({ sampleRate: 48000 });
      const analyser = new AnalyserNode(context, { fftSize: 32768 });
      context.createMediaStreamSource(new MediaStream(calls[label].remoteStream.getAudioTracks())).connect(analyser);
      await new Promise((resolve) => setTimeout(resolve, millis));
      const spectrum = new Float32Array(analyser.frequencyBinCount);
      analyser.getFloatFrequencyData(spectrum);
      let strongest = 1;
      spectrum.forEach((level, i) => { if (i > 0 && level > spectrum[strongest]) strongest = i; });
      const samples = new Float32Array(analyser.fftSize);
      analyser.getFloatTimeDomainData(samples);
      const peak = samples.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
      await context.close();
      return { frequency: strongest * context.sampleRate / analyser.fftSize, peak };
    },

    /** The SRTP cipher (getStats' transport.srtpCipher) of the page's latest peer connection. */
    async srtpCipher() {
      const report = await peers[peers.length - 1].getStats();
      return [...report.values()].filter((s) => s.type === 'transport').map((s) => s.srtpCipher)[0] ?? null;
    },
  };
})();
