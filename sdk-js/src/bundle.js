/**
 * Entry of the script-tag bundle: the globals OnCallerClient, OnCallerCall and OnCallerUtil, as
 * the product this API follows has them, and OnCaller with everything else (describe, CATALOG, events).
 */
import * as OnCaller from './index.js';

globalThis.OnCaller = OnCaller;
globalThis.OnCallerClient = OnCaller.OnCallerClient;
globalThis.OnCallerCall = OnCaller.OnCallerCall;
globalThis.OnCallerUtil = OnCaller.OnCallerUtil;
