/**
 * The one catalog of every result the SDK hands to an app: the `r` of each verb's callback, the
 * `r` of `authen`, and the `code` of the call's `error` event. It feeds the SDK's own local
 * results, the demo page's messages and `docs/errors.md` (`npm run errors-doc`; a unit test
 * keeps that file in step). Codes and wording follow docs/protocol.md and the seed API.
 *
 * A scope is the verb (or event) the code belongs to, because the same number means different
 * things for different verbs: `answer` r=2 is "controlled from other device", `sendTransfer`
 * r=2 does not exist. Codes every request may get live in the scopes `request` (from the
 * server) and `local` (from the SDK, negative, never sent by the server).
 */

/** @typedef {{scope: string, code: number, name: string, message: string, explanation: string}} CatalogEntry */

const entries = [];

function scope(name, list) {
  for (const [code, id, message, explanation] of list) {
    entries.push(Object.freeze({ scope: name, code, name: id, message, explanation }));
  }
}

const OK = [0, 'SUCCESS', 'Success', 'The request was carried out.'];
const NOT_EXIST = [1, 'CALL_NOT_EXIST', 'The call is not exist', 'No live call has this id: it has ended, or never existed.'];
const ELSEWHERE = [2, 'ANSWERED_ON_ANOTHER_DEVICE', 'The call answered on another device',
  'Another device of the same user answered the call; only that device may act on it now.'];

scope('authen', [
  [0, 'SUCCESS', 'Success', 'The token was accepted; the client is signed in as its userId.'],
  [1, 'TOKEN_EMPTY', 'Token is empty', 'connect() was given no token, or a blank one.'],
  [2, 'CANNOT_DECODE', 'Cannot decode the token', 'The token is not three base64url parts of JSON.'],
  [3, 'INVALID_FORMAT', 'Invalid token format', 'typ or cty is wrong, or iss or exp is missing or of the wrong type.'],
  [4, 'NOT_HS256', 'Token is not HS256', 'Only HS256-signed tokens are accepted.'],
  [5, 'ISSUER_NOT_FOUND', 'API key SID or account SID not found', 'The iss claim names no API key of any project.'],
  [6, 'EXPIRED_OR_BAD_SIGNATURE', 'Token expired or signature invalid',
    'The token has expired or was not signed with the API key secret; the client fires requestnewtoken.'],
  [7, 'INVALID_PAYLOAD', 'Invalid token payload',
    'userId is missing or too long, exp is in milliseconds or too far ahead, or iat is in the future.'],
  [8, 'PROJECT_NOT_FOUND', 'Project not found or disabled', 'The API key belongs to a disabled project or an inactive account.'],
  [9, 'DESTINATION_NOT_ALLOWED', 'Destination not allowed',
    'The connection subscribed or sent outside /user/queue/events, /app/session and /app/<verb>; the server closed it.'],
  [10, 'INVALID_FRAME', 'Invalid STOMP frame',
    'The server got something that is not a STOMP frame, or a frame before CONNECT; it closed the connection.'],
  [12, 'TOO_MANY_CONNECTIONS', 'Too many connections',
    'The user has as many devices connected as the server allows, or the address as many connections.'],
  [13, 'SERVER_ERROR', 'Server error, try again',
    'The server could not check the token now (for example its database is unreachable); the SDKs keep reconnecting with backoff.'],
]);

scope('makeCall', [
  OK,
  [1, 'ANSWER_URL_EMPTY', 'Make call failed. Answer url is empty',
    'The project has no answer_url, or it failed, timed out or answered too much.'],
  [2, 'SCCO_INCORRECT_FORMAT', 'Make call failed. Answer url scco incorrect format',
    'The answer_url did not answer a JSON array of valid SCCO actions.'],
  [3, 'TO_TYPE_INVALID', 'Make call failed. To type is not internal or external',
    'The SCCO connect action has a to.type other than internal or external.'],
  [4, 'FROM_NUMBER_NOT_FOUND', 'Make call failed. From number not found',
    'A call to a phone number needs a from.number that is a number of the system.'],
  [5, 'FROM_NUMBER_NOT_YOURS', 'Make call failed. From number not belong your account',
    'The from.number belongs to another account.'],
  [6, 'TRUNK_NOT_FOUND', 'Make call failed. Sip trunk not found', 'No SIP trunk routes calls to this number.'],
  [7, 'TRUNK_NOT_YOURS', 'Make call failed. Sip trunk not belong your account',
    'The SIP trunk that would carry the call belongs to another account.'],
  [8, 'NOT_ENOUGH_MONEY', 'Make call failed. Not enough money',
    "The account's balance does not cover the first billing increment at this destination's rate."],
]);

scope('answer', [
  OK, [1, 'CALL_NOT_EXIST', 'Answer call failed. The call is not exist', NOT_EXIST[3]],
  [2, 'CONTROLLED_FROM_OTHER_DEVICE', 'Answer call failed. The call was controlled from other device',
    'Another device of the same user answered the call first.'],
  [3, 'CALL_DATA_NOT_EXIST', 'Answer call failed. Call data is not exist', 'The call ended before the answer arrived.'],
]);
scope('reject', [OK, NOT_EXIST, ELSEWHERE]);
scope('ringing', [OK, NOT_EXIST, ELSEWHERE]);
scope('hangup', [OK, NOT_EXIST, ELSEWHERE]);
scope('sendInfo', [OK, NOT_EXIST]);
scope('sendDtmf', [OK, NOT_EXIST, [10, 'INVALID_DIGITS', 'Invalid request: digits',
  'DTMF digits are 1 to 32 of 0-9, *, #, A-D.']]);
scope('hold', [OK, NOT_EXIST]);
scope('unhold', [OK, NOT_EXIST]);
scope('sendTransfer', [OK, NOT_EXIST,
  [4, 'TRANSFER_NOT_ALLOWED', 'Transfer not allowed: only app-to-phone and phone-to-app calls can be transferred',
    'App-to-app calls cannot be transferred.'],
  [5, 'TARGET_NOT_ONLINE', 'The target user is not online', 'The user to transfer to has no connected device.']]);
scope('sendCustomMessage', [OK, [5, 'TARGET_NOT_ONLINE', 'The target user is not online',
  'The user the message is for has no connected device.']]);

scope('request', [
  [10, 'INVALID_REQUEST', 'Invalid request', 'A field is missing, of the wrong type or out of range; the message names it.'],
  [11, 'NOT_ALLOWED', 'Not allowed: the call belongs to another user or project',
    'This connection may not act on the call (it is another user\'s, or another device answered it).'],
  [12, 'RATE_LIMITED', 'Rate limited: too many requests',
    'Too many requests in one second from this connection, this user or this account; or, for makeCall, the account is past its call attempts per second or calls at once. Nothing was done; retry after a second.'],
  [13, 'SERVER_ERROR', 'Server error: nothing was changed', 'The server failed; the request had no effect and may be retried.'],
]);

scope('local', [
  [-1, 'INVALID_STATE', 'Not allowed in the current call state',
    'The SDK did not send the request: the call is not in a state where this verb applies (see the state table).'],
  [-2, 'NOT_CONNECTED', 'Not connected', 'The client is not connected and signed in, or the connection dropped before the reply.'],
  [-3, 'TIMEOUT', 'No reply from the server in time', 'The server did not answer within 20 seconds.'],
  [-4, 'MEDIA_ERROR', 'Could not get the microphone or camera',
    'getUserMedia failed (permission denied or no device); the call\'s error event has code 1000.'],
]);

scope('error', [
  [1000, 'GET_USER_MEDIA_ERROR', 'Could not get the microphone or camera',
    'getUserMedia failed: permission denied, no device, or the page is not a secure context.'],
  [1001, 'CREATE_PEER_CONNECTION_ERROR', 'The peer connection failed',
    'RTCPeerConnection could not be created or negotiated, or ICE/DTLS failed (no media path).'],
]);

/** Every entry, frozen: scope, code, name, message, explanation. */
export const CATALOG = Object.freeze(entries);

/** The scopes in catalog order. */
export const SCOPES = Object.freeze([...new Set(entries.map((e) => e.scope))]);

/**
 * The entry for a result: the verb's own code first, then the codes every request may get.
 * @param {string} scopeName a verb (`makeCall`, `answer`, ...), `authen` or `error`
 * @param {number} code
 * @returns {CatalogEntry}
 */
export function describe(scopeName, code) {
  const find = (s) => entries.find((e) => e.scope === s && e.code === code);
  return find(scopeName) || find('request') || find('local') || Object.freeze({
    scope: scopeName, code, name: 'UNKNOWN', message: `Unknown result ${code}`, explanation: 'Not in the catalog.',
  });
}

/** A callback result made by the SDK itself (negative codes of the `local` scope). */
export function localResult(code, extra) {
  return { r: code, message: describe('local', code).message, ...extra };
}

/** An `error` event payload: `{code, reason, moreInfo}` as the product this API follows. */
export function errorEvent(code, moreInfo) {
  const entry = describe('error', code);
  return { code, name: entry.name, reason: entry.message, moreInfo: moreInfo == null ? '' : String(moreInfo) };
}
