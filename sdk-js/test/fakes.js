/**
 * Test doubles: a transport that records what the SDK sends and lets a test play the server,
 * and manual timers.
 */
export class FakeTransport {
  sent = [];

  connected = false;

  constructor(options) {
    this.options = options;
  }

  start() {
    this.headers = this.options.headers();
    this.connected = true;
    this.options.onConnected();
  }

  stop() {
    this.connected = false;
    return Promise.resolve();
  }

  send(verb, body) {
    this.sent.push({ verb, body });
    return true;
  }

  /** The server sends `message` on /user/queue/events (or /app/session for authen). */
  receive(message) {
    this.options.onMessage(message);
  }

  /** The server answers the last request to `verb`. */
  reply(verb, result) {
    const request = this.last(verb);
    this.receive({ type: 'reply', requestId: request.body.requestId, ...result });
  }

  last(verb) {
    const found = this.sent.filter((s) => s.verb === verb);
    if (found.length === 0) {
      throw new Error(`nothing was sent to ${verb}; sent: ${this.sent.map((s) => s.verb).join(', ')}`);
    }
    return found[found.length - 1];
  }

  drop() {
    this.connected = false;
    this.options.onClosed();
  }

  /** The client's own reconnect (stompjs's backoff) reached a server: CONNECT again. */
  reconnect() {
    this.headers = this.options.headers();
    this.connected = true;
    this.options.onConnected();
  }
}

/** setTimeout/clearTimeout that run only when the test says so. */
export class ManualTimers {
  #next = 1;

  #timers = new Map();

  setTimeout(fn, ms) {
    const id = this.#next++;
    this.#timers.set(id, { fn, ms });
    return id;
  }

  clearTimeout(id) {
    this.#timers.delete(id);
  }

  runAll() {
    const due = [...this.#timers.values()];
    this.#timers.clear();
    due.forEach((t) => t.fn());
  }

  get pending() {
    return this.#timers.size;
  }
}

/** Waits for queued microtasks and promise chains to settle. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
