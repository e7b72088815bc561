import { localResult } from './errors.js';
import { RequestTracker } from './requests.js';

/** Events of one call that arrived before the call was known here, kept this long. */
const ORPHAN_TTL_MS = 15000;
const ORPHAN_LIMIT = 200;
const ENDED_MEMORY = 200;

/** Server messages that concern the client as a whole rather than one call. */
const CLIENT_MESSAGES = new Set(['incomingCall', 'customMessage', 'otherDeviceAuthen']);

/**
 * The signaling layer between the public API and the transport: sends requests and matches
 * their replies by requestId, routes events to the call they name, and holds back events of a
 * call that is not known yet. The caller's SDP can overtake the callee's `incomingCall`, and
 * frames from one connection are handled concurrently by the server, so an event may arrive
 * before the one that introduces its call (docs/protocol.md §2).
 */
export class Signaling {
  #transport = null;

  #tracker;

  #handlers;

  #timers;

  #calls = new Map();

  #orphans = new Map();

  #ended = [];

  /**
   * @param {object} handlers
   * @param {(message: object) => void} handlers.onAuthen the authen message
   * @param {(message: object) => void} handlers.onClientEvent incomingCall, customMessage, otherDeviceAuthen
   * @param {object} [options] `timers` (setTimeout/clearTimeout) and `timeoutMs`, for tests
   */
  constructor(handlers, options = {}) {
    this.#handlers = handlers;
    this.#timers = options.timers || globalThis;
    this.#tracker = new RequestTracker(options);
  }

  /** Uses `transport` (anything with send(verb, body) and connected) from now on. */
  attach(transport) {
    this.#transport = transport;
  }

  get connected() {
    return Boolean(this.#transport && this.#transport.connected);
  }

  /**
   * Sends `/app/<verb>` and calls back once with its reply `{r, message, ...}`, or with a local
   * result: r=-2 when not connected, r=-3 when no reply came in time.
   */
  request(verb, body, callback) {
    const cb = typeof callback === 'function' ? callback : () => {};
    if (!this.connected) {
      queueMicrotask(() => cb(localResult(-2)));
      return;
    }
    const requestId = this.#tracker.nextId();
    this.#tracker.track(requestId, cb);
    this.#transport.send(verb, { ...body, requestId });
  }

  /** Sends a message that is answered only when it fails (sdp, candidate, mediastate). */
  notify(verb, body) {
    if (this.connected) {
      this.#transport.send(verb, { ...body, requestId: this.#tracker.nextId() });
    }
  }

  /** The connection dropped: every waiting request fails with r=-2. */
  connectionLost() {
    this.#tracker.failAll(localResult(-2));
  }

  /** Routes the events of `callId` to `handler`, first those that arrived early. */
  register(callId, handler) {
    this.#calls.set(callId, handler);
    const early = this.#orphans.get(callId);
    if (early) {
      this.#orphans.delete(callId);
      this.#timers.clearTimeout(early.timer);
      early.events.forEach((e) => handler(e));
    }
  }

  /** The call ended here: its late events are dropped, not kept. */
  unregister(callId) {
    this.#calls.delete(callId);
    this.#ended.push(callId);
    if (this.#ended.length > ENDED_MEMORY) {
      this.#ended.shift();
    }
  }

  /** Handles one message from the server, in the order they arrive. */
  handle(message) {
    if (!message || typeof message.type !== 'string') {
      return;
    }
    if (message.type === 'reply') {
      if (!this.#tracker.resolve(message) && message.r !== 0) {
        console.warn(`OnCaller: request ${message.requestId} failed: r=${message.r} ${message.message}`);
      }
    }
    else if (message.type === 'authen') {
      this.#handlers.onAuthen(message);
    }
    else if (CLIENT_MESSAGES.has(message.type)) {
      this.#handlers.onClientEvent(message);
    }
    else if (message.callId) {
      this.#route(message);
    }
  }

  #route(message) {
    const handler = this.#calls.get(message.callId);
    if (handler) {
      handler(message);
      return;
    }
    if (this.#ended.includes(message.callId)) {
      return;
    }
    let early = this.#orphans.get(message.callId);
    if (!early) {
      if (this.#orphans.size >= ORPHAN_LIMIT) {
        return;
      }
      const timer = this.#timers.setTimeout(() => this.#orphans.delete(message.callId), ORPHAN_TTL_MS);
      if (timer && typeof timer.unref === 'function') {
        timer.unref();
      }
      early = { events: [], timer };
      this.#orphans.set(message.callId, early);
    }
    if (early.events.length < ORPHAN_LIMIT) {
      early.events.push(message);
    }
  }
}
