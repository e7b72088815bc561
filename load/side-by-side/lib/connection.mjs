// One app user's STOMP-over-WebSocket connection, as the SDKs make it (docs/protocol.md §2): CONNECT with the
// user's token, SUBSCRIBE to /user/queue/events and then /app/session, which answers with `authen`. What arrives on
// /user/queue/events goes to the connection's Mailbox (replies by requestId, call events by key).
import WebSocket from 'ws';
import { performance } from 'node:perf_hooks';
import { encodeFrame, encodeSend, parseFrames, negotiateHeartbeat } from './stomp.mjs';
import { Mailbox } from './mailbox.mjs';

const EVENTS = 'sub-0', SESSION = 'sub-1';

/** Connections the server closed after they had signed in (each one a lost user in the run). */
export const counters = { unexpectedCloses: 0 };

export class Connection {
  /**
   * @param {object} o wsUrl, userId, token, deviceId, heartbeatMs (0: none; the SDKs ask for 10000 both ways),
   *   deflate (offer permessage-deflate as browsers do), timeoutMs (per step)
   */
  constructor(o) {
    this.o = o;
    this.userId = o.userId;
    this.mailbox = new Mailbox(o.timeoutMs);
    this.closed = false;
  }

  /** Connects, sends CONNECT, subscribes and resolves with the `authen` message once it says r=0. */
  open() {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('timeout: connect to authen')), this.o.timeoutMs);
      const fail = (e) => { clearTimeout(timer); this.close(); reject(e); };
      this.onAuthen = (m) => {
        clearTimeout(timer);
        this.onAuthen = null;
        if (m.r === 0) { this.onError = null; resolve(m); }
        else fail(new Error(`authen r=${m.r}`));
      };
      this.onError = fail;
      const ws = new WebSocket(this.o.wsUrl, 'v12.stomp', { perMessageDeflate: Boolean(this.o.deflate) });
      this.ws = ws;
      ws.on('open', () => ws.send(encodeFrame('CONNECT', {
        'accept-version': '1.2', host: '127.0.0.1', 'heart-beat': `${this.o.heartbeatMs},${this.o.heartbeatMs}`,
        'access-token': this.o.token, 'device-id': this.o.deviceId, platform: 'web', 'sdk-version': 'bench',
      })));
      ws.on('message', (data) => this.receive(data.toString(), performance.now()));
      ws.on('error', (e) => this.onError?.(e));
      ws.on('close', () => this.closedByPeer());
    });
  }

  receive(text, t) {
    for (const f of parseFrames(text)) {
      if (f.command === 'MESSAGE') {
        const m = JSON.parse(f.body);
        if (f.headers.subscription === SESSION) this.onAuthen?.(m);
        else this.mailbox.deliver(m, t);
      }
      else if (f.command === 'CONNECTED') {
        this.send(encodeFrame('SUBSCRIBE', { id: EVENTS, destination: '/user/queue/events' }));
        this.send(encodeFrame('SUBSCRIBE', { id: SESSION, destination: '/app/session' }));
        const hb = negotiateHeartbeat(`${this.o.heartbeatMs},${this.o.heartbeatMs}`, f.headers['heart-beat']);
        if (hb.sendEveryMs) this.heartbeat = setInterval(() => this.send('\n'), hb.sendEveryMs);
      }
      else if (f.command === 'ERROR') {
        this.onError?.(new Error(`STOMP ERROR code ${f.headers.code}: ${f.headers.message}`));
      }
    }
  }

  send(text) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(text);
  }

  /** Sends /app/<verb> and resolves with {m, t} of its reply when r=0; rejects on another code or a timeout. */
  request(verb, body) {
    const { requestId, reply } = this.mailbox.expectReply(verb);
    this.send(encodeSend(`/app/${verb}`, { ...body, requestId }));
    return reply;
  }

  /** Resolves with {m, t} of the event with this key (see eventKey), already arrived or still to come. */
  waitFor(key) {
    return this.mailbox.waitFor(key);
  }

  /** Forgets events of earlier calls (a cycle starts from a clean slate). */
  clear() {
    this.mailbox.clear();
  }

  closedByPeer() {
    clearInterval(this.heartbeat);
    if (!this.closed) {
      if (this.onError) this.onError(new Error('websocket closed'));
      else counters.unexpectedCloses++;
    }
    this.closed = true;
  }

  close() {
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.ws && this.ws.readyState <= WebSocket.OPEN) {
      this.send(encodeFrame('DISCONNECT'));
      this.ws.close();
    }
  }
}
