/**
 * OnCaller JavaScript SDK: OnCallerClient and OnCallerCall (the seed's call API and
 * PROTOCOL §6), OnCallerUtil, and the event lists and result catalog they use.
 */
export { OnCallerClient } from './client.js';
export { OnCallerCall } from './call.js';
export { CallState, VERB_STATES } from './call-state.js';
export { CALL_EVENTS, CLIENT_EVENTS } from './events.js';
export { CATALOG, describe } from './errors.js';
export { SDK_VERSION } from './version.js';
export { OnCallerUtil } from './util.js';
