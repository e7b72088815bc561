/**
 * Where the client connects when the app names no server: the server that served the bundle
 * (PROTOCOL §6), `wss://<that host>/ws` (`ws://` when the page came over plain http). The
 * script's own address is read once, while the bundle loads; `document.currentScript` is gone
 * afterwards.
 */
const loadedFrom = typeof document !== 'undefined' && document.currentScript && document.currentScript.src
  ? document.currentScript.src : null;

/** The WebSocket URL of the server at `base` (a page or script URL). */
export function webSocketUrl(base) {
  const url = new URL(base);
  const scheme = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  const explicitPath = (url.protocol === 'ws:' || url.protocol === 'wss:') && url.pathname !== '/';
  return `${scheme}//${url.host}${explicitPath ? url.pathname : '/ws'}`;
}

/**
 * The server addresses as WebSocket URLs: `serverAddrs` (one or a list; ws(s) URLs are taken as
 * they are, http(s) ones get `/ws`), else the bundle's own server, else the page's.
 */
export function serverUrls(serverAddrs, scriptSrc = loadedFrom, location = globalThis.location) {
  const given = [].concat(serverAddrs || []).filter(Boolean);
  if (given.length > 0) {
    return given.map(webSocketUrl);
  }
  const base = scriptSrc || (location && location.href);
  if (!base) {
    throw new Error('OnCallerClient: give the server address, e.g. new OnCallerClient("wss://calls.example.com/ws")');
  }
  return [webSocketUrl(base)];
}
