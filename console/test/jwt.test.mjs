// The token the console signs from an account's secret is the account REST token of PROTOCOL §1:
// HS256 over header.claims, the header and claims as the server reads them. Checked against
// Node's own HMAC, a second implementation.
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountToken } from '../src/jwt.js';

const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

test('signs an account REST token that HMAC-SHA256 verifies', () => {
  const secret = 'a'.repeat(43);
  const token = accountToken('AC0123456789abcdef0123456789abcdef', secret, 3600, 1_800_000_000);
  const [header, claims, signature] = token.split('.');

  assert.deepEqual(decode(header), { typ: 'JWT', alg: 'HS256', cty: 'oncaller-api;v=1' });
  const body = decode(claims);
  assert.equal(body.iss, 'AC0123456789abcdef0123456789abcdef');
  assert.equal(body.iat, 1_800_000_000);
  assert.equal(body.exp, 1_800_003_600);
  assert.equal(body.rest_api, true);
  assert.match(body.jti, /^[0-9a-f]{32}$/);
  const expected = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  assert.equal(signature, expected);
});

test('a wrong secret gives another signature, and every token its own jti', () => {
  const one = accountToken('AC0', 'right-secret', 60, 1);
  const other = accountToken('AC0', 'wrong-secret', 60, 1);
  assert.notEqual(one.split('.')[2], other.split('.')[2]);
  assert.notEqual(decode(one.split('.')[1]).jti, decode(other.split('.')[1]).jti);
});
