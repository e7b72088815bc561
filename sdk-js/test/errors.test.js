// The catalog: one entry per (scope, code), lookups fall back to the codes of any request, and the
// files made from docs/errors.json (docs/errors.md, src/errors-catalog.js, media-client's table) are up to date.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { generatedFiles, readCatalog } from '../scripts/catalog.mjs';
import { CATALOG, describe, errorEvent, localResult } from '../src/errors.js';

test('each scope has each code once', () => {
  const keys = CATALOG.map((e) => `${e.scope}:${e.code}`);
  assert.equal(new Set(keys).size, keys.length);
});

test('every entry has a name, a message and an explanation', () => {
  for (const e of CATALOG) {
    assert.match(e.name, /^[A-Z0-9_]+$/, `${e.scope}:${e.code}`);
    assert.ok(e.message.length > 0 && e.explanation.length > 0, `${e.scope}:${e.code}`);
  }
});

test('the seed\'s makeCall codes 0-8 and answer codes 0-3 are all there, with the seed\'s wording', () => {
  assert.deepEqual(CATALOG.filter((e) => e.scope === 'makeCall').map((e) => e.code), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(CATALOG.filter((e) => e.scope === 'answer').map((e) => e.code), [0, 1, 2, 3]);
  assert.equal(describe('makeCall', 8).message, 'Make call failed. Not enough money');
  assert.equal(describe('answer', 2).message, 'Answer call failed. The call was controlled from other device');
  assert.equal(describe('answer', 1).message, 'The call is not exist', 'the words the server sends');
});

test('authen codes 0-10, 12 and 13 as in docs/protocol.md', () => {
  assert.deepEqual(CATALOG.filter((e) => e.scope === 'authen').map((e) => e.code),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13]);
  assert.equal(describe('authen', 6).message, 'Token expired or signature invalid');
});

test('a verb\'s own code wins; then codes of any request; then local ones', () => {
  assert.equal(describe('sendDtmf', 10).name, 'INVALID_DIGITS');
  assert.equal(describe('hangup', 10).name, 'INVALID_REQUEST');
  assert.equal(describe('hangup', 12).name, 'RATE_LIMITED');
  assert.equal(describe('answer', -4).name, 'MEDIA_ERROR');
  assert.equal(describe('hold', 99).name, 'UNKNOWN');
});

test('local results and error events are built from the catalog', () => {
  assert.deepEqual(localResult(-2), { r: -2, message: 'Not connected' });
  assert.deepEqual(errorEvent(1001, 'ICE failed'), {
    code: 1001, name: 'CREATE_PEER_CONNECTION_ERROR', reason: 'The peer connection failed', moreInfo: 'ICE failed',
  });
});

test('every scope of docs/errors.json, the Java SDK\'s too, has each code once', () => {
  for (const { scope, entries } of readCatalog().scopes) {
    const codes = entries.map((e) => e.code);
    assert.equal(new Set(codes).size, codes.length, scope);
  }
});

for (const { file, text } of generatedFiles(readCatalog())) {
  test(`${file.pathname.replace(/.*\/(docs|sdk-js|media-client)\//, '$1/')} is made from docs/errors.json`, () => {
    assert.equal(readFileSync(file, 'utf8'), text, 'out of date: run `npm run errors-doc` in sdk-js');
  });
}
