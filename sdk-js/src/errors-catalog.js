// Generated from docs/errors.json by `npm run errors-doc`; do not edit by hand. The entries the JavaScript
// SDK hands to apps (every scope but the Java SDK's), read by errors.js.
export default [
  {
    "scope": "authen",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The token was accepted; the client is signed in as its userId."
  },
  {
    "scope": "authen",
    "code": 1,
    "name": "TOKEN_EMPTY",
    "message": "Token is empty",
    "explanation": "connect() was given no token, or a blank one."
  },
  {
    "scope": "authen",
    "code": 2,
    "name": "CANNOT_DECODE",
    "message": "Cannot decode the token",
    "explanation": "The token is not three base64url parts of JSON."
  },
  {
    "scope": "authen",
    "code": 3,
    "name": "INVALID_FORMAT",
    "message": "Invalid token format",
    "explanation": "typ or cty is wrong, or iss or exp is missing or of the wrong type."
  },
  {
    "scope": "authen",
    "code": 4,
    "name": "NOT_HS256",
    "message": "Token is not HS256",
    "explanation": "Only HS256-signed tokens are accepted."
  },
  {
    "scope": "authen",
    "code": 5,
    "name": "ISSUER_NOT_FOUND",
    "message": "API key SID or account SID not found",
    "explanation": "The iss claim names no API key of any project."
  },
  {
    "scope": "authen",
    "code": 6,
    "name": "EXPIRED_OR_BAD_SIGNATURE",
    "message": "Token expired or signature invalid",
    "explanation": "The token has expired or was not signed with the API key secret; the client fires requestnewtoken."
  },
  {
    "scope": "authen",
    "code": 7,
    "name": "INVALID_PAYLOAD",
    "message": "Invalid token payload",
    "explanation": "userId is missing or too long, exp is in milliseconds or too far ahead, or iat is in the future."
  },
  {
    "scope": "authen",
    "code": 8,
    "name": "PROJECT_NOT_FOUND",
    "message": "Project not found or disabled",
    "explanation": "The API key belongs to a disabled project or an inactive account."
  },
  {
    "scope": "authen",
    "code": 9,
    "name": "DESTINATION_NOT_ALLOWED",
    "message": "Destination not allowed",
    "explanation": "The connection subscribed or sent outside /user/queue/events, /app/session and /app/<verb>; the server closed it."
  },
  {
    "scope": "authen",
    "code": 10,
    "name": "INVALID_FRAME",
    "message": "Invalid STOMP frame",
    "explanation": "The server got something that is not a STOMP frame, or a frame before CONNECT; it closed the connection."
  },
  {
    "scope": "authen",
    "code": 12,
    "name": "TOO_MANY_CONNECTIONS",
    "message": "Too many connections",
    "explanation": "The user has as many devices connected as the server allows, or the address as many connections."
  },
  {
    "scope": "authen",
    "code": 13,
    "name": "SERVER_ERROR",
    "message": "Server error, try again",
    "explanation": "The server could not check the token now (for example its database is unreachable); the SDKs keep reconnecting with backoff."
  },
  {
    "scope": "makeCall",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The request was carried out."
  },
  {
    "scope": "makeCall",
    "code": 1,
    "name": "ANSWER_URL_EMPTY",
    "message": "Make call failed. Answer url is empty",
    "explanation": "The project has no answer_url, or it failed, timed out or answered too much."
  },
  {
    "scope": "makeCall",
    "code": 2,
    "name": "SCCO_INCORRECT_FORMAT",
    "message": "Make call failed. Answer url scco incorrect format",
    "explanation": "The answer_url did not answer a JSON array of valid SCCO actions."
  },
  {
    "scope": "makeCall",
    "code": 3,
    "name": "TO_TYPE_INVALID",
    "message": "Make call failed. To type is not internal or external",
    "explanation": "The SCCO connect action has a to.type other than internal or external."
  },
  {
    "scope": "makeCall",
    "code": 4,
    "name": "FROM_NUMBER_NOT_FOUND",
    "message": "Make call failed. From number not found",
    "explanation": "A call to a phone number needs a from.number that is a number of the system."
  },
  {
    "scope": "makeCall",
    "code": 5,
    "name": "FROM_NUMBER_NOT_YOURS",
    "message": "Make call failed. From number not belong your account",
    "explanation": "The from.number belongs to another account."
  },
  {
    "scope": "makeCall",
    "code": 6,
    "name": "TRUNK_NOT_FOUND",
    "message": "Make call failed. Sip trunk not found",
    "explanation": "No SIP trunk routes calls to this number."
  },
  {
    "scope": "makeCall",
    "code": 7,
    "name": "TRUNK_NOT_YOURS",
    "message": "Make call failed. Sip trunk not belong your account",
    "explanation": "The SIP trunk that would carry the call belongs to another account."
  },
  {
    "scope": "makeCall",
    "code": 8,
    "name": "NOT_ENOUGH_MONEY",
    "message": "Make call failed. Not enough money",
    "explanation": "The account's balance does not cover the first billing increment at this destination's rate."
  },
  {
    "scope": "answer",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The request was carried out."
  },
  {
    "scope": "answer",
    "code": 1,
    "name": "CALL_NOT_EXIST",
    "message": "The call is not exist",
    "explanation": "No live call has this id: it has ended, or never existed."
  },
  {
    "scope": "answer",
    "code": 2,
    "name": "CONTROLLED_FROM_OTHER_DEVICE",
    "message": "Answer call failed. The call was controlled from other device",
    "explanation": "Another device of the same user answered the call first."
  },
  {
    "scope": "answer",
    "code": 3,
    "name": "CALL_DATA_NOT_EXIST",
    "message": "Answer call failed. Call data is not exist",
    "explanation": "The call ended before the answer arrived."
  },
  {
    "scope": "reject",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The request was carried out."
  },
  {
    "scope": "reject",
    "code": 1,
    "name": "CALL_NOT_EXIST",
    "message": "The call is not exist",
    "explanation": "No live call has this id: it has ended, or never existed."
  },
  {
    "scope": "reject",
    "code": 2,
    "name": "ANSWERED_ON_ANOTHER_DEVICE",
    "message": "The call answered on another device",
    "explanation": "Another device of the same user answered the call; only that device may act on it now."
  },
  {
    "scope": "ringing",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The request was carried out."
  },
  {
    "scope": "ringing",
    "code": 1,
    "name": "CALL_NOT_EXIST",
    "message": "The call is not exist",
    "explanation": "No live call has this id: it has ended, or never existed."
  },
  {
    "scope": "ringing",
    "code": 2,
    "name": "ANSWERED_ON_ANOTHER_DEVICE",
    "message": "The call answered on another device",
    "explanation": "Another device of the same user answered the call; only that device may act on it now."
  },
  {
    "scope": "hangup",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The request was carried out."
  },
  {
    "scope": "hangup",
    "code": 1,
    "name": "CALL_NOT_EXIST",
    "message": "The call is not exist",
    "explanation": "No live call has this id: it has ended, or never existed."
  },
  {
    "scope": "hangup",
    "code": 2,
    "name": "ANSWERED_ON_ANOTHER_DEVICE",
    "message": "The call answered on another device",
    "explanation": "Another device of the same user answered the call; only that device may act on it now."
  },
  {
    "scope": "sendInfo",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The request was carried out."
  },
  {
    "scope": "sendInfo",
    "code": 1,
    "name": "CALL_NOT_EXIST",
    "message": "The call is not exist",
    "explanation": "No live call has this id: it has ended, or never existed."
  },
  {
    "scope": "sendDtmf",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The request was carried out."
  },
  {
    "scope": "sendDtmf",
    "code": 1,
    "name": "CALL_NOT_EXIST",
    "message": "The call is not exist",
    "explanation": "No live call has this id: it has ended, or never existed."
  },
  {
    "scope": "sendDtmf",
    "code": 10,
    "name": "INVALID_DIGITS",
    "message": "Invalid request: digits",
    "explanation": "DTMF digits are 1 to 32 of 0-9, *, #, A-D."
  },
  {
    "scope": "hold",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The request was carried out."
  },
  {
    "scope": "hold",
    "code": 1,
    "name": "CALL_NOT_EXIST",
    "message": "The call is not exist",
    "explanation": "No live call has this id: it has ended, or never existed."
  },
  {
    "scope": "unhold",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The request was carried out."
  },
  {
    "scope": "unhold",
    "code": 1,
    "name": "CALL_NOT_EXIST",
    "message": "The call is not exist",
    "explanation": "No live call has this id: it has ended, or never existed."
  },
  {
    "scope": "sendTransfer",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The request was carried out."
  },
  {
    "scope": "sendTransfer",
    "code": 1,
    "name": "CALL_NOT_EXIST",
    "message": "The call is not exist",
    "explanation": "No live call has this id: it has ended, or never existed."
  },
  {
    "scope": "sendTransfer",
    "code": 4,
    "name": "TRANSFER_NOT_ALLOWED",
    "message": "Transfer not allowed: only app-to-phone and phone-to-app calls can be transferred",
    "explanation": "App-to-app calls cannot be transferred."
  },
  {
    "scope": "sendTransfer",
    "code": 5,
    "name": "TARGET_NOT_ONLINE",
    "message": "The target user is not online",
    "explanation": "The user to transfer to has no connected device."
  },
  {
    "scope": "sendCustomMessage",
    "code": 0,
    "name": "SUCCESS",
    "message": "Success",
    "explanation": "The request was carried out."
  },
  {
    "scope": "sendCustomMessage",
    "code": 5,
    "name": "TARGET_NOT_ONLINE",
    "message": "The target user is not online",
    "explanation": "The user the message is for has no connected device."
  },
  {
    "scope": "request",
    "code": 10,
    "name": "INVALID_REQUEST",
    "message": "Invalid request",
    "explanation": "A field is missing, of the wrong type or out of range; the message names it."
  },
  {
    "scope": "request",
    "code": 11,
    "name": "NOT_ALLOWED",
    "message": "Not allowed: the call belongs to another user or project",
    "explanation": "This connection may not act on the call (it is another user's, or another device answered it)."
  },
  {
    "scope": "request",
    "code": 12,
    "name": "RATE_LIMITED",
    "message": "Rate limited: too many requests",
    "explanation": "Too many requests in one second from this connection, this user or this account; or, for makeCall, the account is past its call attempts per second or calls at once. Nothing was done; retry after a second."
  },
  {
    "scope": "request",
    "code": 13,
    "name": "SERVER_ERROR",
    "message": "Server error: nothing was changed",
    "explanation": "The server failed; the request had no effect and may be retried."
  },
  {
    "scope": "local",
    "code": -1,
    "name": "INVALID_STATE",
    "message": "Not allowed in the current call state",
    "explanation": "The SDK did not send the request: the call is not in a state where this verb applies (see the state table)."
  },
  {
    "scope": "local",
    "code": -2,
    "name": "NOT_CONNECTED",
    "message": "Not connected",
    "explanation": "The client is not connected and signed in, or the connection dropped before the reply."
  },
  {
    "scope": "local",
    "code": -3,
    "name": "TIMEOUT",
    "message": "No reply from the server in time",
    "explanation": "The server did not answer within 20 seconds."
  },
  {
    "scope": "local",
    "code": -4,
    "name": "MEDIA_ERROR",
    "message": "Could not get the microphone or camera",
    "explanation": "getUserMedia failed (permission denied or no device); the call's error event has code 1000."
  },
  {
    "scope": "error",
    "code": 1000,
    "name": "GET_USER_MEDIA_ERROR",
    "message": "Could not get the microphone or camera",
    "explanation": "getUserMedia failed: permission denied, no device, or the page is not a secure context."
  },
  {
    "scope": "error",
    "code": 1001,
    "name": "CREATE_PEER_CONNECTION_ERROR",
    "message": "The peer connection failed",
    "explanation": "RTCPeerConnection could not be created or negotiated, or ICE/DTLS failed (no media path)."
  }
];
