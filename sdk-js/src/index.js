/**
 * OnCaller JavaScript SDK: OnCallerClient and OnCallerCall (shared/seed/oncaller-call-sdk.txt
 * and PROTOCOL §6), with the event lists and the result catalog they use.
 */
export { OnCallerClient } from './client.js';
export { OnCallerCall } from './call.js';
export { CallState, VERB_STATES } from './call-state.js';
export { CALL_EVENTS, CLIENT_EVENTS } from './events.js';
export { CATALOG, describe } from './errors.js';
export { SDK_VERSION } from './version.js';
