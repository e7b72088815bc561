// What one connection is waiting for: replies by requestId, and the call events a cycle waits on by key. Events may
// arrive before anyone waits (the callee's incomingCall can beat the caller's make reply), so they are kept until
// taken, a bounded number of them.

const INBOX_LIMIT = 64; // events nobody takes (another call's leftovers) are dropped past this

let nextRequest = 0;

/** The key a cycle waits on for an event, or null for events it never waits for (presence, ringing, …). */
export function eventKey(event) {
  if (event.type === 'incomingCall') return `incomingCall:${event.callId}`;
  if (event.type === 'signalingState') return `state:${event.callId}:${event.code}`;
  return null;
}

export class Mailbox {
  constructor(timeoutMs) {
    this.timeoutMs = timeoutMs;
    this.replies = new Map();
    this.waiters = new Map();
    this.inbox = new Map();
  }

  /**
   * A new requestId and the promise of its reply: {m, t} when r=0; rejected on another code or after the timeout.
   */
  expectReply(verb) {
    const requestId = `q${++nextRequest}`;
    const reply = new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.replies.delete(requestId); reject(new Error(`timeout: ${verb} reply`)); },
        this.timeoutMs);
      this.replies.set(requestId, (m, t) => {
        clearTimeout(timer);
        this.replies.delete(requestId);
        if (m.r === 0) resolve({ m, t });
        else reject(new Error(`${verb} r=${m.r}`));
      });
    });
    return { requestId, reply };
  }

  /** Hands a message from /user/queue/events, received at time t, to whoever waits for it (or keeps it). */
  deliver(m, t) {
    if (m.type === 'reply') {
      this.replies.get(m.requestId)?.(m, t);
      return;
    }
    const key = eventKey(m);
    if (!key) return;
    const ev = { m, t };
    const w = this.waiters.get(key);
    if (w) { this.waiters.delete(key); w(ev); }
    else if (this.inbox.size < INBOX_LIMIT) this.inbox.set(key, ev);
  }

  /** Resolves with {m, t} of the event with this key (see eventKey), already arrived or still to come. */
  waitFor(key) {
    const ev = this.inbox.get(key);
    if (ev) { this.inbox.delete(key); return Promise.resolve(ev); }
    const p = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        reject(new Error(`timeout waiting for ${key.replace(/:call-.*?(:|$)/, ':*$1')}`));
      }, this.timeoutMs);
      this.waiters.set(key, (e) => { clearTimeout(timer); resolve(e); });
    });
    p.catch(() => {}); // a cycle that fails early may never await it
    return p;
  }

  /** Forgets events of earlier calls (a cycle starts from a clean slate). */
  clear() {
    this.inbox.clear();
  }
}
