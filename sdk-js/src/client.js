import { serverUrls } from './address.js';
import { OnCallerCall } from './call.js';
import { CLIENT_EVENTS, Emitter } from './events.js';
import { CALL_INCOMING, CALL_MESSAGE, CLIENT_INTERNALS } from './internal.js';
import { CallResumer } from './resume.js';
import { Signaling } from './signaling.js';
import { StompTransport } from './transport.js';
import { SDK_VERSION } from './version.js';

const DEVICE_ID_KEY = 'oncaller_device_id';

/**
 * A connection of one user to the OnCaller server (PROTOCOL §6): `connect(token)` signs in,
 * `incomingcall` hands over calls, `sendCustomMessage` talks to other users. It reconnects by
 * itself, with backoff, after a dropped connection, until `disconnect()`, and resumes its calls
 * (`reconnecting`, then `reconnected`; see resume.js).
 */
export class OnCallerClient {
  /** The signed-in user's id (from authen), else null. */
  userId = null;

  /** Whether the client is connected and signed in. */
  hasConnected = false;

  #urls;
  #events = new Emitter(CLIENT_EVENTS);
  #signaling;
  #transport = null;
  #token = null;
  #authen = null;
  #calls = new Map();
  #deviceId = stableDeviceId();
  #transportFactory;
  #iceTransportPolicy = 'all';
  #up = false;

  #resumer;

  /**
   * @param {string|string[]} [serverAddrs] WebSocket URLs such as `wss://calls.example.com/ws`;
   * by default the server that served the SDK bundle
   * @param {object} [options] `iceTransportPolicy`: `'relay'` for media only through the TURN
   * server the server hands out, `'all'` (default) for any path; `transportFactory` (tests)
   */
  constructor(serverAddrs, options = {}) {
    this.#urls = serverUrls(serverAddrs);
    if (options.iceTransportPolicy !== undefined) {
      this.iceTransportPolicy = options.iceTransportPolicy;
    }
    this.#transportFactory = options.transportFactory || ((o) => new StompTransport(o));
    this.#signaling = new Signaling({
      onAuthen: (m) => this.#onAuthen(m),
      onClientEvent: (m) => this.#onClientEvent(m),
    }, options);
    this.#resumer = new CallResumer({
      calls: () => [...this.#calls.values()],
      emit: (event) => this.#events.emit(event),
      request: (verb, body, callback) => this.#signaling.request(verb, body, callback),
      timers: options.timers || globalThis,
    });
    Object.defineProperty(this, CLIENT_INTERNALS, {
      value: Object.freeze({
        signaling: this.#signaling,
        iceServers: () => (this.#authen && this.#authen.iceServers) || [],
        iceTransportPolicy: () => this.#iceTransportPolicy,
        track: (call) => this.#track(call),
        reconnecting: () => this.#resumer.away,
        endWhenBack: (callId, lastSeq, verb, callback) => this.#resumer.endWhenBack(callId, lastSeq, verb, callback),
        untrack: (call) => this.#untrack(call),
      }),
    });
  }

  /** The device id sent on CONNECT: kept in localStorage, so stable for this browser. */
  get deviceId() {
    return this.#deviceId;
  }

  /**
   * Which ICE candidates new calls may use, as RTCConfiguration's: `'all'` (default) or
   * `'relay'`, media only through the TURN server that the server hands out with each call.
   */
  get iceTransportPolicy() {
    return this.#iceTransportPolicy;
  }

  set iceTransportPolicy(policy) {
    if (policy !== 'all' && policy !== 'relay') {
      throw new TypeError(`iceTransportPolicy must be 'all' or 'relay', not ${policy}`);
    }
    this.#iceTransportPolicy = policy;
  }

  /** The last authen message (r=0), with `clients` and `iceServers`, else null. */
  get authen() {
    return this.#authen;
  }

  on(event, handler) {
    this.#events.on(event, handler);
    return this;
  }

  off(event, handler) {
    this.#events.off(event, handler);
    return this;
  }

  /** Connects and signs in with a client token; again with a new token after `requestnewtoken`. */
  connect(accessToken) {
    this.#token = accessToken;
    if (this.#transport) {
      // While reconnecting (a new token during the resume window), the calls go on waiting.
      this.#closed(this.#transport, this.#resumer.away);
      this.#transport.stop();
    }
    const transport = this.#transportFactory({
      urls: this.#urls,
      headers: () => ({ 'access-token': this.#token || '', 'device-id': this.#deviceId, platform: 'web', 'sdk-version': SDK_VERSION,
        ...this.#resumer.headers() }),
      onConnected: () => {
        this.#up = true;
        this.#events.emit('connect');
      },
      onMessage: (m) => this.#signaling.handle(m),
      onRefused: (code, message) => this.#onRefused(code, message),
      onClosed: () => this.#closed(transport, true),
    });
    this.#transport = transport;
    this.#signaling.attach(transport);
    transport.start();
  }

  /** Disconnects for good (STOMP DISCONNECT): no reconnect, no resume. Live calls end at once. */
  disconnect() {
    const transport = this.#transport;
    if (transport) {
      this.#closed(transport);
      this.#transport = null;
      transport.stop();
    }
  }

  /** Sends a JSON object to every device of another user (their `custommessage` event). */
  sendCustomMessage(toUserId, message, callback) {
    this.#signaling.request('message.custom', { toUserId: String(toUserId), message }, callback);
  }

  #onAuthen(m) {
    if (m.r === 0) {
      this.#authen = m;
      this.userId = m.userId;
      this.hasConnected = true;
    }
    this.#events.emit('authen', m);
    if (m.r === 0) {
      this.#resumer.signedIn(m);
    }
  }

  #onRefused(code, message) {
    this.hasConnected = false;
    this.#events.emit('authen', { r: code, message });
    if (code === 6) {
      this.#events.emit('requestnewtoken');
    }
  }

  #onClientEvent(m) {
    if (m.type === 'incomingCall') {
      if (this.#calls.has(m.callId)) {
        return; // replayed after a resume
      }
      const call = new OnCallerCall(this, m.fromNumber, m.toNumber, m.isVideoCall);
      call[CALL_INCOMING](m);
      // The app attaches its handlers in incomingcall; early events of the call follow.
      this.#events.emit('incomingcall', call);
      if (!call.ended) {
        this.#track(call);
      }
    }
    else if (m.type === 'customMessage') {
      this.#events.emit('custommessage', { fromUserId: m.fromUserId, message: m.message });
    }
    else if (m.type === 'otherDeviceAuthen') {
      const { type, ...device } = m;
      this.#events.emit('otherdeviceauthen', device);
    }
  }

  #track(call) {
    this.#calls.set(call.callId, call);
    this.#signaling.register(call.callId, (m) => call[CALL_MESSAGE](m));
  }

  #untrack(call) {
    this.#calls.delete(call.callId);
    this.#signaling.unregister(call.callId);
  }

  /**
   * The connection of `transport` is gone: requests fail, `disconnect` fires once. Calls end,
   * unless it `dropped` (not `disconnect()`): then they wait for the resume window.
   */
  #closed(transport, dropped) {
    if (transport !== this.#transport) {
      return;
    }
    this.#signaling.connectionLost();
    if (!dropped) {
      this.#resumer.stop();
      this.#resumer.endCalls();
    }
    const wasUp = this.#up;
    this.#up = false;
    this.hasConnected = false;
    if (wasUp) {
      this.#events.emit('disconnect');
    }
    if (dropped) {
      this.#resumer.dropped();
    }
  }
}

function stableDeviceId() {
  const random = () => `web-${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
  try {
    const storage = globalThis.localStorage;
    let id = storage.getItem(DEVICE_ID_KEY);
    if (!id) {
      id = random();
      storage.setItem(DEVICE_ID_KEY, id);
    }
    return id;
  }
  catch (e) {
    return random();
  }
}
