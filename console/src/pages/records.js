// Call records: the REST listing's filters, keyset pages (next, and back to the first), a
// record's detail with its events, and the CSV of the current filter.
import { query } from '../api.js';
import { duration, fill, h, party, table, time, toast } from '../dom.js';

const STATUSES = ['', 'CALLING', 'RINGING', 'ANSWERED', 'BUSY', 'ENDED'];
const DIRECTIONS = ['', 'APP_TO_APP', 'APP_TO_PHONE', 'PHONE_TO_APP'];

/** The filter survives a visit to a record's detail and back. */
let filter = {};

/** `datetime-local` values are local times; the API takes ISO-8601 with an offset. */
function iso(local) {
  return local ? new Date(local).toISOString() : '';
}

export function recordsPage(main, { api }) {
  const form = h('form', { id: 'records-filter', class: 'filters' },
    field('startedAfter', 'Started after', 'datetime-local'),
    field('startedBefore', 'Started before', 'datetime-local'),
    field('from', 'From'), field('to', 'To'), field('userId', 'User'),
    select('status', 'Status', STATUSES), select('direction', 'Direction', DIRECTIONS),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Filter'),
      h('button', { type: 'button', id: 'records-csv', class: 'secondary', onclick: download }, 'Download CSV')));
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const results = h('div', { id: 'records' });
  const pager = h('div', { class: 'pager' });
  fill(main, h('h1', {}, 'Call records'), form, error, results, pager);

  function field(name, label, type = 'text') {
    return h('div', { class: 'field' }, h('label', { for: `filter-${name}` }, label),
      h('input', { id: `filter-${name}`, name, type, value: filter[name] || '', autocomplete: 'off' }));
  }

  function select(name, label, values) {
    return h('div', { class: 'field' }, h('label', { for: `filter-${name}` }, label),
      h('select', { id: `filter-${name}`, name },
        values.map((value) => h('option', { value, selected: (filter[name] || '') === value }, value || 'Any'))));
  }

  function params() {
    return {
      from: filter.from, to: filter.to, userId: filter.userId, status: filter.status, direction: filter.direction,
      startedAfter: iso(filter.startedAfter), startedBefore: iso(filter.startedBefore),
    };
  }

  async function load(cursor) {
    error.hidden = true;
    try {
      const page = await api.get(`/v1/calls${query({ ...params(), limit: 25, cursor })}`);
      fill(results, page.data.length ? table([
        ['Started', (r) => h('a', { href: `#/records/${encodeURIComponent(r.callId)}` }, time(r.createdAt))],
        ['From', (r) => party(r.fromNumber, r.fromAlias)],
        ['To', (r) => party(r.toNumber, r.toAlias)],
        ['Direction', 'direction'],
        ['Status', 'status'],
        ['Reason', (r) => r.endReason || ''],
        ['Talk', (r) => duration(r.durationSeconds)],
        ['Cost', (r) => (r.cost !== null ? `${r.cost} ${r.currency || ''}` : '')],
      ], page.data, { rowProps: (r) => ({ dataset: { callId: r.callId } }) }) : h('p', { class: 'empty' }, 'No call matches.'));
      fill(pager,
        cursor ? h('button', { type: 'button', class: 'secondary', onclick: () => load() }, 'First page') : null,
        page.nextCursor ? h('button', { type: 'button', id: 'records-next', onclick: () => load(page.nextCursor) }, 'Next page') : null);
    } catch (ex) {
      error.textContent = ex.message;
      error.hidden = false;
    }
  }

  async function download() {
    try {
      const response = await api.raw(`/v1/calls${query(params())}`, 'text/csv');
      const url = URL.createObjectURL(await response.blob());
      const link = h('a', { href: url, download: 'calls.csv', hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (ex) {
      toast(`No CSV: ${ex.message}`);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    filter = Object.fromEntries(new FormData(form).entries());
    load();
  });
  load();
}

export async function recordPage(main, { api, params }) {
  const callId = params[0];
  fill(main, h('p', {}, 'Loading…'));
  try {
    const [record, events] = await Promise.all([
      api.get(`/v1/calls/${encodeURIComponent(callId)}`),
      api.get(`/v1/calls/${encodeURIComponent(callId)}/events`),
    ]);
    const facts = [
      ['Call', record.callId], ['Status', record.status], ['End reason', record.endReason], ['SIP code', record.sipCode],
      ['From', party(record.fromNumber, record.fromAlias)], ['To', party(record.toNumber, record.toAlias)],
      ['Direction', record.direction], ['Users', [record.fromUserId, record.toUserId].filter(Boolean).join(' → ')],
      ['Device', record.answeredDeviceId], ['Created', time(record.createdAt)], ['Ringing', time(record.ringingAt)],
      ['Answered', time(record.answeredAt)], ['Ended', time(record.endedAt)], ['Talk time', duration(record.durationSeconds)],
      ['Billed seconds', record.billedSeconds], ['Cost', record.cost !== null ? `${record.cost} ${record.currency || ''}` : ''],
      ['Trunk', record.trunkId], ['SIP Call-ID', record.sipCallId], ['Video', record.isVideoCall ? 'yes' : 'no'],
    ];
    fill(main,
      h('p', {}, h('a', { href: '#/records' }, '← Call records')),
      h('h1', {}, 'Call detail'),
      h('dl', { class: 'facts', id: 'record-facts' },
        facts.filter(([, value]) => value !== null && value !== undefined && value !== '')
          .map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
      h('h2', {}, 'Timeline'),
      h('ol', { class: 'timeline', id: 'record-timeline' }, timeline(record).map(([at, what]) =>
        h('li', {}, h('time', { datetime: at }, time(at)), ' ', what))),
      h('h2', {}, 'Events sent to event_url'),
      events.length ? table([
        ['#', 'sequence'], ['Event', 'type'], ['At', (e) => time(e.createdAt)], ['Delivery', 'status'],
        ['Attempts', 'attempts'], ['Last HTTP status', (e) => e.lastStatusCode ?? ''], ['Last error', (e) => e.lastError || ''],
      ], events) : h('p', { class: 'empty' }, 'No events: the call’s project and number have no event_url.'));
  } catch (ex) {
    fill(main, h('p', {}, h('a', { href: '#/records' }, '← Call records')), h('p', { class: 'form-error', role: 'alert' }, ex.message));
  }
}

/** What happened to the call, in order, from the times its record keeps. */
function timeline(record) {
  const steps = [
    [record.createdAt, `Placed by ${party(record.fromNumber, record.fromAlias)} to ${party(record.toNumber, record.toAlias)}`],
    [record.ringingAt, 'Ringing'],
    [record.answeredAt, `Answered${record.answeredDeviceId ? ` on ${record.answeredDeviceId}` : ''}`],
    [record.transferredAt, `Transferred from ${record.transferredFromUserId || 'a user'}`],
    [record.endedAt, `Ended: ${record.endReason || record.status}${record.sipCode ? ` (SIP ${record.sipCode})` : ''}`],
  ];
  return steps.filter(([at]) => at).sort(([a], [b]) => Date.parse(a) - Date.parse(b));
}
