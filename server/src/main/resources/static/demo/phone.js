/*
 * OnCaller web phone: the demo page at `/`, written against the SDK exactly as an app would be
 * (globals OnCallerClient, OnCallerCall and OnCaller from the script bundle). Every result and
 * event ends up as a line in Messages, worded from the SDK's catalog (OnCaller.describe).
 * `window.phone` holds the client and the current call, for the browser console and tests.
 */
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const phone = { client: null, call: null, stats: null };
  window.phone = phone;

  const SIGNALING_TEXT = {
    1: 'Calling…',
    2: 'Ringing at the other side…',
    3: 'Answered: in call',
    5: 'Busy: the other side rejected the call',
    6: 'Ended',
  };

  // ---- messages ----------------------------------------------------------------------------

  function log(kind, text, why) {
    const li = document.createElement('li');
    li.className = kind;
    li.textContent = `${new Date().toLocaleTimeString()}  ${text}`;
    if (why) {
      const span = document.createElement('span');
      span.className = 'why';
      span.textContent = ` (${why})`;
      li.appendChild(span);
    }
    $('messages').prepend(li);
  }

  /** A callback that reports a verb's result in words: the catalog's message and explanation. */
  function report(scope, label, then) {
    return (res) => {
      const entry = OnCaller.describe(scope, res.r);
      if (res.r === 0) {
        log('ok', `${label}: done`);
      }
      else {
        log('error', `${label} failed: r=${res.r} ${entry.name}: ${res.message || entry.message}`, entry.explanation);
      }
      if (then) {
        then(res);
      }
    };
  }

  // ---- signing in ----------------------------------------------------------------------------

  async function demoSignIn(userId) {
    let response;
    try {
      response = await fetch(`/demo/token?userId=${encodeURIComponent(userId)}`);
    }
    catch (e) {
      log('error', `Could not reach the server: ${e.message}`);
      return;
    }
    if (response.status === 404) {
      log('error', 'Demo mode is off on this server', 'paste a client token signed by your own server instead');
      return;
    }
    if (!response.ok) {
      log('error', `The demo token was refused: HTTP ${response.status}`, 'user ids are 1 to 128 characters');
      return;
    }
    connect((await response.json()).accessToken);
  }

  function connect(token) {
    if (phone.client) {
      phone.client.disconnect();
    }
    const client = new OnCallerClient();
    phone.client = client;
    client.on('connect', () => log('info', 'Connected to the server, signing in…'));
    client.on('authen', (res) => {
      if (res.r === 0) {
        log('ok', `Signed in as ${res.userId}`, `${res.clients.length} device(s) of this user online`);
        $('from-input').value = $('from-input').value || res.userId;
      }
      else {
        const entry = OnCaller.describe('authen', res.r);
        log('error', `Sign-in refused: r=${res.r} ${entry.name}: ${entry.message}`, entry.explanation);
      }
      render();
    });
    client.on('requestnewtoken', () => log('error', 'The token expired: sign in again'));
    client.on('disconnect', () => {
      log('info', 'Disconnected from the server', 'the SDK reconnects by itself');
      render();
    });
    client.on('otherdeviceauthen', (d) => log('info', `Another device of yours ${d.status}: ${d.deviceId} (${d.platform})`));
    client.on('custommessage', (m) => log('info', `Message from ${m.fromUserId}: ${JSON.stringify(m.message)}`));
    client.on('incomingcall', onIncomingCall);
    client.connect(token);
    render();
  }

  function signOut() {
    if (phone.call && !phone.call.ended) {
      phone.call.hangup();
    }
    if (phone.client) {
      phone.client.disconnect();
    }
    phone.client = null;
    log('info', 'Signed out');
    render();
  }

  // ---- calls -----------------------------------------------------------------------------------

  function startCall(video) {
    const to = $('to-input').value.trim();
    const from = $('from-input').value.trim() || phone.client.userId;
    const call = new OnCallerCall(phone.client, from, to, video);
    track(call);
    log('info', `${video ? 'Video' : 'Audio'} call to ${to}…`);
    call.makeCall(report('makeCall', 'Make call', (res) => {
      if (res.r === 0 && res.toType === 'external') {
        log('info', 'This is a call to a phone number, through a SIP trunk');
      }
      render();
    }));
    render();
  }

  function onIncomingCall(call) {
    if (phone.call && !phone.call.ended) {
      log('info', `Incoming call from ${call.fromNumber} while busy: rejected`);
      call.reject();
      return;
    }
    track(call);
    log('info', `Incoming ${call.isVideoCall ? 'video' : 'audio'} call from ${call.fromAlias || call.fromNumber}`);
    call.ringing(report('ringing', 'Ringing'));
    render();
  }

  /** Wires a call's events to the page. */
  function track(call) {
    phone.call = call;
    call.on('addlocalstream', (stream) => { $('local-video').srcObject = stream; });
    call.on('addremotestream', (stream) => {
      const video = $('remote-video');
      video.srcObject = stream;
      video.play().catch(() => {});
    });
    call.on('signalingstate', (s) => {
      const text = SIGNALING_TEXT[s.code] || `State ${s.code}`;
      const why = s.sipCode ? `${s.reason}, SIP ${s.sipCode}` : s.reason;
      log(s.code === 5 ? 'error' : 'info', text, s.code >= 5 ? why : undefined);
      render();
    });
    call.on('mediastate', (m) => {
      log(m.code === 1 ? 'ok' : 'error', `Media ${m.reason.toLowerCase()}`);
      $('media-state').textContent = m.code === 1 ? 'media connected' : 'media disconnected';
      $('media-state').className = m.code === 1 ? 'badge' : 'badge off';
    });
    call.on('info', (info) => log('info', `Info from the other side: ${JSON.stringify(info)}`));
    call.on('dtmf', (d) => log('info', `The other side pressed ${d.digits}`));
    call.on('hold', (h) => {
      log('info', h.hold ? 'The other side put the call on hold' : 'The other side resumed the call');
      $('remote-hold').hidden = !h.hold;
    });
    call.on('transferred', (t) => log('info', `The call was transferred to ${t.toUserId}`));
    call.on('otherdevice', (d) => {
      const what = d.type === 'CALL_END' ? 'ended' : d.code === 200 ? 'answered' : 'rejected';
      log('info', `The call was ${what} on another of your devices`, `${d.type}${d.code ? ` ${d.code}` : ''}`);
      render();
    });
    call.on('error', (e) => {
      log('error', `Media error ${e.code} ${e.name}: ${e.reason}`, e.moreInfo);
      render();
    });
  }

  // ---- in-call controls ------------------------------------------------------------------------

  const controls = {
    answer: () => phone.call.answer(report('answer', 'Answer', render)),
    reject: () => phone.call.reject(report('reject', 'Reject', render)),
    hangup: () => phone.call.hangup(report('hangup', 'Hang up', render)),
    hold: () => {
      const call = phone.call;
      const verb = call.isOnHold ? 'unhold' : 'hold';
      call[verb](report(verb, verb === 'hold' ? 'Hold' : 'Resume'));
      render();
    },
    mute: () => {
      phone.call.mute(!phone.call.muted);
      log('info', phone.call.muted ? 'Microphone muted' : 'Microphone on');
      render();
    },
    camera: () => {
      if (!phone.call.enableLocalVideo(!phone.call.localVideoEnabled)) {
        log('error', 'No camera in this call', 'use Add video to turn an audio call into a video call');
      }
      render();
    },
    upgrade: () => {
      if (phone.call.upgradeToVideoCall()) {
        log('info', 'Adding the camera to the call…');
      }
      render();
    },
  };

  function sendDigit(digit) {
    phone.call.sendDtmf(digit, report('sendDtmf', `DTMF ${digit}`));
  }

  // ---- statistics ------------------------------------------------------------------------------

  const kbps = (now, before, field, seconds) => (before && now[field] != null && before[field] != null
    ? `${Math.round(((now[field] - before[field]) * 8) / 1000 / seconds)} kbps` : '–');
  const size = (s) => (s && s.frameWidth ? `${s.frameWidth}×${s.frameHeight}` : '–');

  async function refreshStats() {
    const call = phone.call;
    if (!call || call.ended || !call.isAnswered) {
      return;
    }
    const now = await call.getStats();
    const before = phone.stats;
    const seconds = before ? (Date.now() - before.at) / 1000 : 1;
    $('stat-audio-in').textContent = kbps(now.audio.inbound, before && before.audio.inbound, 'bytesReceived', seconds);
    $('stat-audio-out').textContent = kbps(now.audio.outbound, before && before.audio.outbound, 'bytesSent', seconds);
    $('stat-video-in').textContent = kbps(now.video.inbound, before && before.video.inbound, 'bytesReceived', seconds);
    $('stat-video-out').textContent = kbps(now.video.outbound, before && before.video.outbound, 'bytesSent', seconds);
    $('stat-size-in').textContent = size(now.video.inbound);
    $('stat-size-out').textContent = size(now.video.outbound);
    $('stat-lost').textContent = String((now.audio.inbound.packetsLost || 0) + (now.video.inbound.packetsLost || 0));
    $('stat-rtt').textContent = now.roundTripTime != null ? `${Math.round(now.roundTripTime * 1000)} ms` : '–';
    phone.stats = { ...now, at: Date.now() };
  }

  // ---- rendering -------------------------------------------------------------------------------

  function render() {
    const client = phone.client;
    const call = phone.call && !phone.call.ended ? phone.call : null;
    const signedIn = Boolean(client && client.hasConnected);
    $('connection').textContent = signedIn ? `Signed in as ${client.userId}` : client ? 'Connecting…' : 'Signed out';
    $('connection').className = signedIn ? 'badge' : 'badge off';
    $('signin-panel').hidden = Boolean(client);
    $('dial-panel').hidden = !client || Boolean(call);
    $('call-audio').disabled = !signedIn;
    $('call-video').disabled = !signedIn;
    const ringingHere = Boolean(call && call.isIncomingCall && !call.isAnswered);
    $('incoming-panel').hidden = !ringingHere;
    if (ringingHere) {
      $('incoming-from').textContent = call.fromAlias || call.fromNumber;
      $('incoming-kind').textContent = call.isVideoCall ? 'video call' : 'audio call';
    }
    $('call-panel').hidden = !call || ringingHere;
    if (!call) {
      phone.stats = null;
      $('remote-hold').hidden = true;
      $('media-state').textContent = 'no media';
      $('media-state').className = 'badge off';
      return;
    }
    $('call-peer').textContent = call.isIncomingCall ? (call.fromAlias || call.fromNumber) : call.toNumber;
    $('call-state').textContent = call.state;
    const answered = call.state === 'answered';
    ['hold', 'mute', 'camera', 'upgrade'].forEach((id) => { $(id).disabled = !answered; });
    $('keypad').querySelectorAll('button').forEach((b) => { b.disabled = !answered; });
    $('hold').textContent = call.isOnHold ? 'Resume' : 'Hold';
    $('hold').classList.toggle('active', call.isOnHold);
    $('mute').textContent = call.muted ? 'Unmute' : 'Mute';
    $('mute').classList.toggle('active', call.muted);
    $('camera').textContent = call.localVideoEnabled ? 'Camera off' : 'Camera on';
    $('camera').hidden = !call.isVideoCall;
    $('upgrade').hidden = call.isVideoCall;
  }

  // ---- wiring ----------------------------------------------------------------------------------

  $('demo-signin').addEventListener('submit', (e) => {
    e.preventDefault();
    demoSignIn($('signin-user').value.trim());
  });
  $('token-signin').addEventListener('submit', (e) => {
    e.preventDefault();
    connect($('token-input').value.trim());
  });
  $('dial').addEventListener('submit', (e) => {
    e.preventDefault();
    startCall(e.submitter && e.submitter.value === 'video');
  });
  $('signout').addEventListener('click', signOut);
  Object.entries(controls).forEach(([id, action]) => $(id).addEventListener('click', () => phone.call && action()));
  $('keypad').addEventListener('click', (e) => {
    if (e.target.dataset.digit && phone.call) {
      sendDigit(e.target.dataset.digit);
    }
  });
  setInterval(refreshStats, 1000);
  render();
})();
