// Money: the balance, the ledger (newest first, a page at a time), the rates, and for the
// operator a top-up (once per idempotency key, so a double click credits once).
import { query } from '../api.js';
import { apiForm } from '../forms.js';
import { fill, h, table, time, toast } from '../dom.js';

export function moneyPage(main, { api, session }) {
  const balance = h('p', { class: 'balance', id: 'balance' });
  const ledger = h('div', { id: 'ledger' });
  const pager = h('div', { class: 'pager' });
  const rates = h('div', { id: 'rates' });
  const topUp = h('div');
  fill(main, h('h1', {}, 'Money'), balance, topUp, h('h2', {}, 'Ledger'), ledger, pager, h('h2', {}, 'Rates'), rates);

  async function showBalance() {
    const account = await session.reload();
    fill(balance, h('span', { class: 'label' }, 'Balance '), h('strong', {}, `${account.balance} ${account.currency}`));
  }

  async function showLedger(cursor) {
    const page = await api.get(`/v1/account/transactions${query({ limit: 20, cursor })}`);
    fill(ledger, page.data.length ? table([
      ['When', (t) => time(t.createdAt)], ['Kind', 'kind'], ['Amount', 'amount'], ['Balance after', 'balanceAfter'],
      ['Call', (t) => (t.callId ? h('a', { href: `#/records/${encodeURIComponent(t.callId)}` }, t.callId) : '')],
    ], page.data) : h('p', { class: 'empty' }, 'No transactions yet.'));
    fill(pager,
      cursor ? h('button', { type: 'button', class: 'secondary', onclick: () => showLedger() }, 'First page') : null,
      page.nextCursor ? h('button', { type: 'button', onclick: () => showLedger(page.nextCursor) }, 'Next page') : null);
  }

  async function showRates() {
    const rows = [];
    let cursor;
    do {
      const page = await api.get(`/v1/rates${query({ limit: 100, cursor })}`);
      rows.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor && rows.length < 1000);
    fill(rates, rows.length ? table([
      ['Type', 'callType'], ['Prefix', (r) => r.prefix || '(any)'], ['Per minute', (r) => `${r.pricePerMinute} ${r.currency}`],
      ['Increment (s)', 'billingIncrementSeconds'], ['Connection fee', 'connectionFee'],
    ], rows) : h('p', { class: 'empty' }, 'No rates: calls are free.'));
  }

  if (session.isOperator) {
    fill(topUp, h('section', { class: 'card' }, h('h2', {}, 'Top up (operator)'), apiForm({
      id: 'top-up',
      submit: 'Credit',
      fields: [
        { name: 'amount', label: `Amount (${session.account.currency})`, type: 'text', required: true },
        { name: 'idempotencyKey', label: 'Reference', value: `console-${crypto.randomUUID()}`, hint: 'Credited once per reference.' },
      ],
      onSubmit: async (values) => {
        await api.post(`/v1/accounts/${encodeURIComponent(session.account.id)}/top-ups`, values, { bearer: session.operatorToken });
        toast(`Credited ${values.amount}`);
        document.getElementById('top-up-idempotencyKey').value = `console-${crypto.randomUUID()}`;
        await Promise.all([showBalance(), showLedger()]);
      },
    })));
  }

  Promise.all([showBalance(), showLedger(), showRates()]).catch((ex) => toast(ex.message));
}
