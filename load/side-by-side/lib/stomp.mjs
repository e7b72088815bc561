// Minimal STOMP 1.2 framing (docs/protocol.md §2): only what one benchmark client needs, so that the client spends
// its CPU on the messages and not on a framework. Frames are written and read as strings (every body here is JSON).

const ESCAPES = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', ':': '\\c' };
const UNESCAPES = { '\\\\': '\\', '\\n': '\n', '\\r': '\r', '\\c': ':' };

/** One frame as text: command, headers (escaped as STOMP 1.2 says), blank line, body, NUL. */
export function encodeFrame(command, headers = {}, body = '') {
  let out = command + '\n';
  for (const [k, v] of Object.entries(headers)) out += `${escape(k)}:${escape(String(v))}\n`;
  if (body) out += `content-length:${Buffer.byteLength(body)}\n`;
  return out + '\n' + body + '\0';
}

/** A SEND of a JSON body to a destination, as the SDKs send requests. */
export function encodeSend(destination, json) {
  return encodeFrame('SEND', { destination, 'content-type': 'application/json' }, JSON.stringify(json));
}

/**
 * The frames in one WebSocket message: [{command, headers, body}], with heart-beats (bare EOLs) skipped.
 * A message normally holds one frame; several, or only heart-beats, are accepted too.
 */
export function parseFrames(text) {
  const frames = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (text[i] === '\n' || text[i] === '\r')) i++; // heart-beats between frames
    if (i >= text.length) break;
    const headEnd = text.indexOf('\n\n', i);
    if (headEnd < 0) throw new Error(`STOMP frame without a blank line: ${JSON.stringify(text.slice(i, i + 80))}`);
    const lines = text.slice(i, headEnd).split('\n');
    const command = lines[0].replace(/\r$/, '');
    const headers = {};
    for (let k = 1; k < lines.length; k++) {
      const line = lines[k].replace(/\r$/, '');
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = unescape(line.slice(0, colon));
      if (!(name in headers)) headers[name] = unescape(line.slice(colon + 1)); // STOMP 1.2: the first one wins
    }
    const bodyStart = headEnd + 2;
    // content-length counts bytes; every body here is ASCII JSON, but fall back to the NUL when they differ.
    let bodyEnd = text.indexOf('\0', bodyStart);
    if (bodyEnd < 0) throw new Error(`STOMP frame without NUL: ${JSON.stringify(text.slice(i, i + 80))}`);
    frames.push({ command, headers, body: text.slice(bodyStart, bodyEnd) });
    i = bodyEnd + 1;
  }
  return frames;
}

/**
 * How often, in ms, this side sends heart-beats and expects them, from the two heart-beat headers (STOMP 1.2 §
 * "Heart-beating"): the larger of the two wishes, or 0 (none) when either side says 0.
 */
export function negotiateHeartbeat(clientHeader, serverHeader) {
  const [cx, cy] = String(clientHeader ?? '0,0').split(',').map(Number);
  const [sx, sy] = String(serverHeader ?? '0,0').split(',').map(Number);
  return { sendEveryMs: cx && sy ? Math.max(cx, sy) : 0, expectEveryMs: cy && sx ? Math.max(cy, sx) : 0 };
}

function escape(s) {
  return s.replace(/[\\\n\r:]/g, (c) => ESCAPES[c]);
}

function unescape(s) {
  return s.includes('\\') ? s.replace(/\\[\\nrc]/g, (c) => UNESCAPES[c]) : s;
}
