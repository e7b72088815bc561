// Who is signed in, kept in this page's memory only: never localStorage, sessionStorage or a
// cookie, so closing or reloading the tab signs out and nothing outlives it on the machine.
import { accountToken } from './jwt.js';

/** How long a token signed from the account's secret lasts; the secret itself is not kept. */
export const ACCOUNT_TOKEN_SECONDS = 3600;

/** Renew an operator-minted token this long before it expires. */
const RENEW_MARGIN_MS = 60_000;

/**
 * The sign-in state.
 * @param {(method: string, path: string, bearer: string) => Promise<any>} call a bare API call
 */
export function createSession(call) {
  let state = null;
  let listener = () => {};

  async function useToken(token, expiresAt, mode, operatorToken) {
    const account = await call('GET', '/v1/account', token);
    state = { mode, token, expiresAt, operatorToken, account };
    listener();
    return account;
  }

  return {
    /** Called on every sign-in and sign-out. */
    onChange(callback) { listener = callback; },
    get signedIn() { return state !== null && state.token !== null; },
    get isOperator() { return state !== null && state.mode === 'operator'; },
    get account() { return state && state.account; },
    get operatorToken() { return state && state.operatorToken; },

    /** Signs in with the account's SID and secret; the secret is used once, here, and dropped. */
    signInAccount(accountSid, secret) {
      const now = Math.floor(Date.now() / 1000);
      const token = accountToken(accountSid.trim(), secret.trim(), ACCOUNT_TOKEN_SECONDS, now);
      return useToken(token, (now + ACCOUNT_TOKEN_SECONDS) * 1000, 'account', null);
    },

    /** Checks the operator token by listing accounts; answers the first page of them. */
    async signInOperator(operatorToken) {
      const page = await call('GET', '/v1/accounts?limit=100', operatorToken.trim());
      state = { mode: 'operator', token: null, operatorToken: operatorToken.trim(), account: null };
      return page;
    },

    /** The operator acts as `accountId` with a short-lived token the server signs. */
    async pick(accountId) {
      const minted = await call('POST', `/v1/accounts/${encodeURIComponent(accountId)}/tokens`, state.operatorToken);
      return useToken(minted.token, Date.parse(minted.expiresAt), 'operator', state.operatorToken);
    },

    /** The account token, renewed first when the operator's is about to expire. */
    async token() {
      if (!state || !state.token) throw new Error('Signed out');
      if (state.mode === 'operator' && Date.now() > state.expiresAt - RENEW_MARGIN_MS) {
        const minted = await call('POST', `/v1/accounts/${encodeURIComponent(state.account.id)}/tokens`,
          state.operatorToken);
        state.token = minted.token;
        state.expiresAt = Date.parse(minted.expiresAt);
      }
      return state.token;
    },

    /** Refreshes the account (balance) as the API shows it now. */
    async reload() {
      state.account = await call('GET', '/v1/account', await this.token());
      return state.account;
    },

    signOut() {
      state = null;
      listener();
    },
  };
}
