// Sign-in: the account's SID and secret (signed into a token here, in the page), or the
// operator token and then the account to act as.
import { ApiError } from '../api.js';
import { fill, h } from '../dom.js';

export function signInPage(main, { session, go }) {
  const accountError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const operatorError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const picker = h('section', { class: 'card', hidden: true, 'aria-labelledby': 'pick-title' });

  const accountForm = h('form', { id: 'account-signin', class: 'card' },
    h('h2', {}, 'Account owner'),
    accountError,
    h('div', { class: 'field' }, h('label', { for: 'account-sid' }, 'Account SID'),
      h('input', { id: 'account-sid', name: 'accountSid', required: true, autocomplete: 'username', placeholder: 'AC…', spellcheck: 'false' })),
    h('div', { class: 'field' }, h('label', { for: 'account-secret' }, 'Account secret'),
      h('input', { id: 'account-secret', name: 'secret', type: 'password', required: true, autocomplete: 'current-password' })),
    h('p', { class: 'hint' }, 'The secret signs a one-hour token in this page and is then forgotten; it is never sent.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Sign in')));
  accountForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    accountError.hidden = true;
    const sid = accountForm.elements.accountSid.value;
    const secret = accountForm.elements.secret.value;
    accountForm.elements.secret.value = '';
    try {
      await session.signInAccount(sid, secret);
      go('#/live');
    } catch (ex) {
      show(accountError, ex, 'The SID or the secret is wrong, or the account is not active.');
    }
  });

  const operatorForm = h('form', { id: 'operator-signin', class: 'card' },
    h('h2', {}, 'Operator'),
    operatorError,
    h('div', { class: 'field' }, h('label', { for: 'operator-token' }, 'Operator token'),
      h('input', { id: 'operator-token', name: 'operatorToken', type: 'password', required: true, autocomplete: 'current-password' })),
    h('p', { class: 'hint' }, 'The server’s oncaller.operator.token; kept in this page’s memory until you sign out.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Sign in as operator')));
  operatorForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    operatorError.hidden = true;
    try {
      const page = await session.signInOperator(operatorForm.elements.operatorToken.value);
      operatorForm.elements.operatorToken.value = '';
      showPicker(page.data);
    } catch (ex) {
      show(operatorError, ex, 'The operator token is wrong, or the operator API is off on this server.');
    }
  });

  function showPicker(accounts) {
    const select = h('select', { id: 'pick-account', name: 'accountId' },
      accounts.map((account) => h('option', { value: account.id }, `${account.name} · ${account.id}`)));
    const form = h('form', { id: 'pick-form' },
      h('div', { class: 'field' }, h('label', { for: 'pick-account' }, 'Account'), select),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Open account')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await session.pick(select.value);
      go('#/live');
    });
    fill(picker, h('h2', { id: 'pick-title' }, 'Pick an account'), form);
    picker.hidden = false;
    select.focus();
  }

  fill(main, h('h1', {}, 'Sign in'), h('div', { class: 'grid two' }, accountForm, operatorForm), picker);
  accountForm.elements.accountSid.focus();
}

function show(element, ex, unauthorized) {
  element.textContent = (ex instanceof ApiError && (ex.status === 401 || ex.status === 404)) ? unauthorized : ex.message;
  element.hidden = false;
}
