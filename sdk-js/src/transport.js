import { Client, ReconnectionTimeMode } from '@stomp/stompjs';

/** ERROR code 13: the server could not check the token now (its database is away). */
const SERVER_ERROR = 13;

/**
 * STOMP 1.2 over WebSocket (docs/protocol.md §2), through @stomp/stompjs: CONNECT with the
 * token, SUBSCRIBE to /user/queue/events then to /app/session, reconnect with backoff, and
 * stop for good on a refused token (reconnecting with it would be refused again), except on
 * code 13, which says nothing about the token: the backoff goes on until the server is back.
 */
export class StompTransport {
  #client;

  #options;

  #urlIndex = 0;

  /**
   * @param {object} options
   * @param {string[]} options.urls WebSocket URLs, tried in turn
   * @param {() => object} options.headers the CONNECT headers, asked for before every attempt
   * @param {() => void} options.onConnected STOMP CONNECTED, before the subscriptions
   * @param {(message: object) => void} options.onMessage every JSON message, in arrival order
   * @param {(code: number, message: string) => void} options.onRefused an ERROR frame with a code
   * @param {() => void} options.onClosed the WebSocket closed (a reconnect may follow)
   * @param {typeof Client} [options.ClientClass] for tests
   */
  constructor(options) {
    this.#options = options;
  }

  get active() {
    return Boolean(this.#client && this.#client.active);
  }

  get connected() {
    return Boolean(this.#client && this.#client.connected);
  }

  start() {
    const o = this.#options;
    const ClientClass = o.ClientClass || Client;
    const client = new ClientClass({
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      reconnectDelay: 1000,
      maxReconnectDelay: 30000,
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      connectionTimeout: 10000,
      debug: () => {},
    });
    client.beforeConnect = () => {
      client.brokerURL = o.urls[this.#urlIndex % o.urls.length];
      this.#urlIndex += 1;
      client.connectHeaders = o.headers();
    };
    client.onConnect = () => {
      // Events first: every reply and event of this connection arrives on it, so it must be
      // in place before anything (the authen answer of /app/session included) is sent.
      client.subscribe('/user/queue/events', (frame) => this.#deliver(frame));
      client.subscribe('/app/session', (frame) => this.#deliver(frame));
      o.onConnected();
    };
    client.onStompError = (frame) => {
      const code = Number(frame.headers.code);
      if (Number.isInteger(code) && code > 0) {
        if (code !== SERVER_ERROR) {
          client.deactivate();
        }
        o.onRefused(code, frame.headers.message || frame.body);
      }
    };
    client.onWebSocketClose = () => o.onClosed();
    this.#client = client;
    client.activate();
  }

  /** Sends a JSON body to `/app/<verb>`; false when not connected. */
  send(verb, body) {
    if (!this.connected) {
      return false;
    }
    this.#client.publish({ destination: `/app/${verb}`, body: JSON.stringify(body) });
    return true;
  }

  /** Closes the connection for good (no reconnect). */
  stop() {
    const client = this.#client;
    this.#client = null;
    return client ? client.deactivate() : Promise.resolve();
  }

  #deliver(frame) {
    let message;
    try {
      message = JSON.parse(frame.body);
    }
    catch (e) {
      console.warn('OnCaller: a message that is not JSON was ignored', frame.body);
      return;
    }
    this.#options.onMessage(message);
  }
}
