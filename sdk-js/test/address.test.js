// Where the client connects: the given addresses, else the server that served the bundle.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { serverUrls, webSocketUrl } from '../src/address.js';

test('the bundle\'s own server, over wss for https and ws for http', () => {
  assert.deepEqual(serverUrls(undefined, 'https://calls.example.com/assets/js/sdk/v1.0/oncaller.latest.sdk.bundle.min.js'),
    ['wss://calls.example.com/ws']);
  assert.deepEqual(serverUrls(undefined, 'http://127.0.0.1:8080/assets/js/sdk/v1.0/x.js'), ['ws://127.0.0.1:8080/ws']);
});

test('the page\'s server when the script address is unknown (ES module use)', () => {
  assert.deepEqual(serverUrls(undefined, null, { href: 'https://app.example.com/phone' }), ['wss://app.example.com/ws']);
});

test('given addresses are kept, http ones get /ws', () => {
  assert.deepEqual(serverUrls(['wss://a.example.com/ws', 'https://b.example.com'], null, null),
    ['wss://a.example.com/ws', 'wss://b.example.com/ws']);
  assert.equal(webSocketUrl('ws://10.0.0.1:8080/custom'), 'ws://10.0.0.1:8080/custom');
});

test('outside a browser an address is required', () => {
  assert.throws(() => serverUrls(undefined, null, undefined), /give the server address/);
});
