/*
 * Drives the SDK for the browser tests: one client per tab, the calls it makes or receives
 * (`h.calls.outgoing`, `h.calls.incoming`), and a log of every client and call event with a
 * JSON-safe copy of its payload, which the tests read and wait on.
 */
window.h = (() => {
  const log = [];
  const calls = {};
  let client = null;

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
  };
})();
