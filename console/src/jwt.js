// Signs account REST tokens in the browser (PROTOCOL §1: HS256, iss = account SID, rest_api),
// so the account's secret never crosses the network and is forgotten once the token is made.
// @noble/hashes rather than WebCrypto: crypto.subtle exists only on https or localhost, and a
// console reached over plain http inside a private network must sign in too.
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';

const encoder = new TextEncoder();

function base64url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * An account REST token.
 * @param {string} accountSid the account's SID (AC…)
 * @param {string} secret the account's secret
 * @param {number} ttlSeconds how long it lasts
 * @param {number} [nowSeconds] the issue time, epoch seconds
 * @returns {string} the compact JWT
 */
export function accountToken(accountSid, secret, ttlSeconds, nowSeconds = Math.floor(Date.now() / 1000)) {
  const header = { typ: 'JWT', alg: 'HS256', cty: 'oncaller-api;v=1' };
  const claims = { jti: randomId(), iss: accountSid, iat: nowSeconds, exp: nowSeconds + ttlSeconds, rest_api: true };
  const input = `${base64url(encoder.encode(JSON.stringify(header)))}.${base64url(encoder.encode(JSON.stringify(claims)))}`;
  return `${input}.${base64url(hmac(sha256, encoder.encode(secret), encoder.encode(input)))}`;
}
