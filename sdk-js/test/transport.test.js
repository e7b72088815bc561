// StompTransport on a fake @stomp/stompjs Client: a refused CONNECT stops the reconnecting for
// good, except ERROR code 13 (server error, try again), after which the backoff goes on.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { StompTransport } from '../src/transport.js';

class FakeStompClient {
  constructor() {
    this.active = false;
    this.deactivated = false;
  }

  activate() {
    this.active = true;
  }

  deactivate() {
    this.active = false;
    this.deactivated = true;
  }
}

function started() {
  let client;
  const refusals = [];
  const transport = new StompTransport({
    urls: ['ws://127.0.0.1:1/ws'],
    headers: () => ({}),
    onConnected: () => {},
    onMessage: () => {},
    onRefused: (code, message) => refusals.push([code, message]),
    onClosed: () => {},
    ClientClass: class extends FakeStompClient {
      constructor(config) {
        super(config);
        client = this;
      }
    },
  });
  transport.start();
  return { client: () => client, refusals };
}

test('a refused token stops the reconnecting for good', () => {
  const { client, refusals } = started();
  client().onStompError({ headers: { code: '6', message: 'Token expired or signature invalid' } });
  assert.equal(client().deactivated, true);
  assert.deepEqual(refusals, [[6, 'Token expired or signature invalid']]);
});

test('code 13 is reported and the client keeps reconnecting', () => {
  const { client, refusals } = started();
  client().onStompError({ headers: { code: '13', message: 'Server error, try again' } });
  assert.equal(client().deactivated, false);
  assert.equal(client().active, true);
  assert.deepEqual(refusals, [[13, 'Server error, try again']]);
});
