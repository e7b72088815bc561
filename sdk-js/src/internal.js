/**
 * Keys of what the SDK's own modules share and an app should not use: a client's signaling and
 * ICE servers, a call's message handler and resume. Symbols keep them off the public surface.
 */
export const CLIENT_INTERNALS = Symbol('oncaller.client');
export const CALL_MESSAGE = Symbol('oncaller.call.message');
export const CALL_CONNECTION_LOST = Symbol('oncaller.call.connectionLost');
export const CALL_INCOMING = Symbol('oncaller.call.incoming');
export const CALL_RESUME = Symbol('oncaller.call.resume');
