// The console's one way to the REST API: the token in a header on every request, JSON in and
// out, problem details turned into ApiError, and the live-calls stream read with fetch (which,
// unlike EventSource, can send the token in a header).

/** A problem detail the API answered (RFC 9457), with the fields it blamed. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    /** @type {{field: string, message: string}[]} */
    this.errors = (problem && Array.isArray(problem.errors)) ? problem.errors : [];
  }
}

/**
 * A client of the REST API.
 * @param {() => Promise<string>} token the current account REST token (renewed by the session)
 * @param {() => void} onUnauthorized called when the API refuses the token
 */
export function createApi(token, onUnauthorized) {
  async function request(method, path, { body, bearer, accept = 'application/json' } = {}) {
    const headers = { Accept: accept, Authorization: `Bearer ${bearer || await token()}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body !== undefined ? JSON.stringify(body) : undefined });
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      if (response.status === 401 && !bearer) onUnauthorized();
      throw new ApiError(response.status, problem);
    }
    if (accept !== 'application/json') return response;
    return response.status === 204 ? null : response.json();
  }

  return {
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    put: (path, body, options) => request('PUT', path, { ...options, body }),
    /** The response itself, for a download. */
    raw: (path, accept) => request('GET', path, { accept }),
    /**
     * Reads server-sent events until `signal` aborts; `onEvent(name, data)` for each.
     * Resolves when the server ends the stream (the caller opens a new one).
     */
    async stream(path, onEvent, signal) {
      const response = await fetch(path, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${await token()}` }, signal,
      });
      if (!response.ok) {
        if (response.status === 401) onUnauthorized();
        throw new ApiError(response.status, await response.json().catch(() => null));
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = 'message';
          const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5));
          }
          if (data.length) onEvent(name, JSON.parse(data.join('\n')));
        }
      }
    },
  };
}

/** A query string of the non-empty values of `params`. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
