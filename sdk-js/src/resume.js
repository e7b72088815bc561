import { localResult } from './errors.js';
import { CALL_CONNECTION_LOST, CALL_RESUME } from './internal.js';

/** How far below the highest `seq` seen an event may still arrive late (and be handled). */
const SEQ_WINDOW = 64;

/**
 * The `seq` numbers one call has seen, to ignore an event that comes twice (a replay overlapping
 * the live events after a resume). Exact numbers, not just the highest: the server numbers and
 * sends events on concurrent threads, so `seq` 6 may arrive just after 7 and must still count.
 * Like a replay window: numbers more than SEQ_WINDOW below the highest count as seen.
 */
export class SeenSeqs {
  #highest = 0;

  #seen = new Set();

  /** The highest `seq` seen: `lastSeq` of call.resume. */
  get highest() {
    return this.#highest;
  }

  /** Records `seq`; false when it was seen already (or is too old to tell). */
  firstTime(seq) {
    if (seq <= this.#highest - SEQ_WINDOW || this.#seen.has(seq)) {
      return false;
    }
    this.#seen.add(seq);
    if (seq > this.#highest) {
      this.#highest = seq;
      this.#seen.forEach((s) => s <= seq - SEQ_WINDOW && this.#seen.delete(s));
    }
    return true;
  }
}

/**
 * Keeps a client's live calls across a dropped connection (docs/protocol.md §2.1). A signed-in
 * connection that drops (not `disconnect()`) leaves its calls waiting for the resume window of the
 * last authen, and the client fires `reconnecting`; the reconnect carries that authen's
 * `resumeToken` in CONNECT, and on the next authen every waiting call sends `call.resume` and the
 * client fires `reconnected` once all have their answer. Past the window, or with none
 * (`resumeWindowSeconds` 0, or a server without resume), calls end locally as `Connection lost`.
 */
export class CallResumer {
  #o;

  #token = null;

  #windowMs = 0;

  /** 'idle' (not signed in), 'up' (signed in) or 'away' (dropped while signed in, reconnecting). */
  #state = 'idle';

  #deadline = null;

  /** Calls ended here while reconnecting, which the server still keeps: {callId, lastSeq, verb, callback}. */
  #endsWhenBack = [];

  /**
   * @param {object} o
   * @param {() => object[]} o.calls the client's calls
   * @param {(event: string) => void} o.emit fires a client event
   * @param {(verb: string, body: object, callback: Function) => void} o.request sends a request
   * @param {object} o.timers setTimeout/clearTimeout
   */
  constructor(o) {
    this.#o = o;
  }

  /** Whether the client is reconnecting after a drop. */
  get away() {
    return this.#state === 'away';
  }

  /** The CONNECT headers that resume: the dropped connection's token, while reconnecting. */
  headers() {
    return this.away && this.#token ? { 'resume-token': this.#token } : {};
  }

  /** A signed-in connection (authen r=0): resumes the calls that waited for it. */
  signedIn(authen) {
    const wasAway = this.away;
    this.#token = typeof authen.resumeToken === 'string' ? authen.resumeToken : null;
    this.#windowMs = Math.max(0, Number(authen.resumeWindowSeconds) || 0) * 1000;
    this.#state = 'up';
    if (!wasAway) {
      return;
    }
    this.#clearDeadline();
    this.#sendEnds();
    const waiting = this.#o.calls().filter((call) => !call.ended && call.callId);
    let left = waiting.length;
    if (left === 0) {
      this.#o.emit('reconnected');
      return;
    }
    waiting.forEach((call) => call[CALL_RESUME](() => {
      left -= 1;
      if (left === 0) {
        this.#o.emit('reconnected');
      }
    }));
  }

  /** The connection dropped: calls wait for the window (or end now without one); `reconnecting` once. */
  dropped() {
    if (this.#state !== 'up') {
      return;
    }
    this.#state = 'away';
    if (this.#windowMs > 0 && this.#token) {
      this.#deadline = this.#o.timers.setTimeout(() => {
        this.#deadline = null;
        this.endCalls();
      }, this.#windowMs);
    }
    else {
      this.endCalls();
    }
    this.#o.emit('reconnecting');
  }

  /** `disconnect()`: nothing waits any more. */
  stop() {
    this.#clearDeadline();
    this.#state = 'idle';
    this.#giveUpEnds();
  }

  /** Ends every live call on this device as `Connection lost`. */
  endCalls() {
    this.#o.calls().forEach((call) => call[CALL_CONNECTION_LOST]());
    this.#giveUpEnds();
  }

  /**
   * A hangup or reject of a call while reconnecting: the call has ended here, but the server
   * keeps it for the window, so the other party would wait that long. Once back, the call is
   * resumed and ended there too; the callback gets that reply (r=-2 if the client never gets back).
   */
  endWhenBack(callId, lastSeq, verb, callback) {
    this.#endsWhenBack.push({ callId, lastSeq, verb, callback });
  }

  #sendEnds() {
    const ends = this.#endsWhenBack;
    this.#endsWhenBack = [];
    ends.forEach(({ callId, lastSeq, verb, callback }) => this.#o.request('call.resume', { callId, lastSeq }, (res) => {
      if (res.r === 0) {
        this.#o.request(verb, { callId }, callback);
      }
      else {
        callback(res); // ended meanwhile (r=1), or not this device's any more
      }
    }));
  }

  /** The window passed or disconnect(): the server ends those calls itself. */
  #giveUpEnds() {
    const ends = this.#endsWhenBack;
    this.#endsWhenBack = [];
    ends.forEach(({ callback }) => callback(localResult(-2)));
  }

  #clearDeadline() {
    if (this.#deadline !== null) {
      this.#o.timers.clearTimeout(this.#deadline);
      this.#deadline = null;
    }
  }
}
