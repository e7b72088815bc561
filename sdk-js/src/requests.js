import { localResult } from './errors.js';

/** How long a request waits for its reply: past the server's 5 s answer_url limit, with room. */
export const REPLY_TIMEOUT_MS = 20000;

/**
 * Matches replies to requests by `requestId`. The server may answer two requests of one
 * connection in either order (docs/protocol.md §2), so nothing here relies on order. Each
 * request is settled exactly once: by its reply, by the timeout (r=-3) or by the connection
 * dropping (r=-2).
 */
export class RequestTracker {
  #pending = new Map();

  #counter = 0;

  #prefix;

  #timeoutMs;

  #timers;

  constructor({ timeoutMs = REPLY_TIMEOUT_MS, timers = globalThis, prefix } = {}) {
    this.#timeoutMs = timeoutMs;
    this.#timers = timers;
    this.#prefix = prefix || Math.random().toString(36).slice(2, 8);
  }

  /** A new request id, unique within this client. */
  nextId() {
    this.#counter += 1;
    return `${this.#prefix}-${this.#counter}`;
  }

  /** Waits for the reply to `requestId`; `callback` gets the reply without its envelope. */
  track(requestId, callback) {
    const timer = this.#timers.setTimeout(() => this.#settle(requestId, localResult(-3)), this.#timeoutMs);
    // In node (tests, server-side rendering) a pending request must not keep the process alive.
    if (timer && typeof timer.unref === 'function') {
      timer.unref();
    }
    this.#pending.set(requestId, { callback, timer });
  }

  /**
   * Settles the request a reply belongs to. Returns false for a reply nobody waits for: a
   * failure of a request sent without tracking (sdp, candidate, mediastate) or a late one.
   */
  resolve(reply) {
    if (!this.#pending.has(reply.requestId)) {
      return false;
    }
    const { type, requestId, ...result } = reply;
    this.#settle(requestId, result);
    return true;
  }

  /** Settles every waiting request with the same result, e.g. when the connection dropped. */
  failAll(result) {
    for (const requestId of [...this.#pending.keys()]) {
      this.#settle(requestId, result);
    }
  }

  get size() {
    return this.#pending.size;
  }

  #settle(requestId, result) {
    const entry = this.#pending.get(requestId);
    if (!entry) {
      return;
    }
    this.#pending.delete(requestId);
    this.#timers.clearTimeout(entry.timer);
    try {
      entry.callback(result);
    }
    catch (e) {
      console.error('OnCaller: a callback threw', e);
    }
  }
}
