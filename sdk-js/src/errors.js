/**
 * Every result the SDK hands to an app: the `r` of each verb's callback, the `r` of `authen`, and
 * the `code` of the call's `error` event, with their names and words. The entries come from the one
 * catalog of OnCaller's codes, docs/errors.json, through its generated copy errors-catalog.js
 * (`npm run errors-doc` writes it, and docs/errors.md; a unit test keeps both in step). Where the
 * server sends a code, the catalog has the server's exact words (a server test checks them).
 *
 * A scope is the verb (or event) the code belongs to, because the same number means different
 * things for different verbs: `answer` r=2 is "controlled from other device", `sendTransfer`
 * r=2 does not exist. Codes every request may get live in the scopes `request` (from the
 * server) and `local` (from the SDK, negative, never sent by the server).
 */

import GENERATED from './errors-catalog.js';

/** @typedef {{scope: string, code: number, name: string, message: string, explanation: string}} CatalogEntry */

const entries = GENERATED.map((entry) => Object.freeze({ ...entry }));

/** Every entry, frozen: scope, code, name, message, explanation. */
export const CATALOG = Object.freeze(entries);

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
