// Live calls: the server pushes the whole list on every change (server-sent events), and the
// durations tick here, once a second, from the answer time; nothing polls the server.
import { duration, fill, h, party, table, toast } from '../dom.js';

const RETRY_MS = [1000, 2000, 5000, 10000];

export function livePage(main, { api, session }) {
  const status = h('p', { class: 'hint', id: 'live-status' }, 'Connecting…');
  const body = h('div', { id: 'live-calls' });
  fill(main, h('h1', {}, 'Live calls'), status, body);
  let calls = [];
  const controller = new AbortController();
  let failures = 0;

  function render() {
    // A snapshot rebuilds the table: keep the keyboard focus on the same call's button.
    const focused = document.activeElement && document.activeElement.closest('tr[data-call-id]');
    const focusedCall = focused && focused.dataset.callId;
    const columns = [
      ['From', (c) => party(c.fromNumber, c.fromAlias)],
      ['To', (c) => party(c.toNumber, c.toAlias)],
      ['Direction', 'direction'],
      ['State', (c) => h('span', { class: `state ${c.status.toLowerCase()}` }, c.status)],
      ['Duration', (c) => h('span', { class: 'ticking', dataset: { since: Date.parse(c.answeredAt || c.createdAt) } },
        duration((Date.now() - Date.parse(c.answeredAt || c.createdAt)) / 1000))],
      ['Device', (c) => c.answeredDeviceId || ''],
      ['Trunk', (c) => c.trunkId || ''],
    ];
    if (session.isOperator) {
      columns.push(['', (c) => h('button', {
        class: 'danger', 'aria-label': `Hang up call ${c.callId}`, onclick: () => hangUp(c.callId),
      }, 'Hang up')]);
    }
    fill(body, calls.length
      ? table(columns, calls, { caption: `${calls.length} call${calls.length === 1 ? '' : 's'} in progress`,
        rowProps: (c) => ({ dataset: { callId: c.callId } }) })
      : h('p', { class: 'empty' }, 'No calls in progress.'));
    if (focusedCall) {
      const row = [...body.querySelectorAll('tr[data-call-id]')].find((tr) => tr.dataset.callId === focusedCall);
      row?.querySelector('button')?.focus();
    }
  }

  function tick() {
    for (const span of body.querySelectorAll('.ticking')) {
      span.textContent = duration((Date.now() - Number(span.dataset.since)) / 1000);
    }
  }

  async function hangUp(callId) {
    try {
      await api.post(`/v1/accounts/${encodeURIComponent(session.account.id)}/calls/${encodeURIComponent(callId)}/hangup`,
        undefined, { bearer: session.operatorToken });
      toast('Call ended');
    } catch (ex) {
      toast(`Not ended: ${ex.message}`);
    }
  }

  async function listen() {
    while (!controller.signal.aborted) {
      try {
        await api.stream('/v1/live-calls', (name, data) => {
          if (name !== 'calls') return;
          failures = 0;
          calls = data;
          status.textContent = 'Live: updated as calls change.';
          render();
        }, controller.signal);
      } catch (ex) {
        if (controller.signal.aborted) return;
        status.textContent = `Reconnecting (${ex.message})…`;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]));
    }
  }

  listen();
  const ticker = setInterval(tick, 1000);
  return () => {
    controller.abort();
    clearInterval(ticker);
  };
}
